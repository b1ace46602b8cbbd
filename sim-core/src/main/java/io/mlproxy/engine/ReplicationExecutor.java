package io.mlproxy.engine;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where replication tasks run: threads of this JVM ({@link #threads}), or members of a cluster
 * (the cli's Hazelcast executor). Results never depend on the executor: every task is
 * deterministic for its plan, replication and seed.
 */
public interface ReplicationExecutor {

  /**
   * Runs every task and returns each task's results, in task order.
   *
   * @param progress told how many tasks have finished out of all of them
   * @throws RuntimeException the first task failure (in task order)
   */
  List<List<ReplicationResult>> run(List<ReplicationTask> tasks, ExperimentRunner.Progress progress);

  /** Runs tasks on {@code jobs} threads of this JVM. */
  static ReplicationExecutor threads(int jobs) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    return (tasks, progress) -> {
      int total = tasks.size();
      LongAdder simulated = new LongAdder();
      progress.started(simulated::sum, tasks.stream().mapToLong(ReplicationTask::simulatedUs).sum(), total);
      return ParallelRunner.run(tasks.stream()
          .map(t -> (java.util.concurrent.Callable<List<ReplicationResult>>) () -> t.run(simulated))
          .toList(), jobs, n -> progress.update(n, total));
    };
  }
}
