package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.Semaphore;

/**
 * The unit of work an executor runs: some variants of one replication of one compiled scenario.
 * Each variant owns its simulator, model and streams, so a task can run on any thread of any JVM
 * and give the same result.
 *
 * @param plan the compiled scenario
 * @param rep the replication, 1-based
 * @param seed the replication's seed ({@link SeedPlan#replicationSeed})
 * @param variants the variants to run, in this order
 */
public record ReplicationTask(RunPlan plan, int rep, long seed, List<Variant> variants) {

  /** Copies the list so the record stays immutable. */
  public ReplicationTask {
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a replication task needs at least one variant");
    }
  }

  /**
   * Runs the variants on one core, several of them in lockstep on one shared workload stream
   * ({@link ReplicationGroup}); results in {@link #variants()} order.
   */
  public List<ReplicationResult> run() {
    return run(null);
  }

  /** {@link #run()}, adding the simulated time to {@code simulatedUs} as it passes (may be null). */
  public List<ReplicationResult> run(LongAdder simulatedUs) {
    try {
      return new ReplicationGroup(plan, variants, rep, seed, new Semaphore(1, true), () -> { }, RunProfile.NONE)
          .reportingTo(simulatedUs).call();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("replication " + rep + " was interrupted", e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(String.valueOf(e.getMessage()), e);
    }
  }

  /** Simulated microseconds this task runs (every variant runs the scenario's duration). */
  public long simulatedUs() {
    return plan.scenario().durationUs() * variants.size();
  }
}
