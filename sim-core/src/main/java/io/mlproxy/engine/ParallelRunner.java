package io.mlproxy.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs independent tasks on a fixed pool and returns their results in submission order.
 *
 * <p>Results never depend on the number of threads: each task owns its simulator, model and
 * streams, and the caller gets results back indexed as submitted.
 */
public final class ParallelRunner {

  private ParallelRunner() {}

  /**
   * Runs {@code tasks} on {@code jobs} threads; {@code progress} is told how many have finished.
   *
   * @throws RuntimeException the first task failure (in submission order), with the remaining
   *     tasks cancelled
   */
  public static <T> List<T> run(List<? extends Callable<T>> tasks, int jobs, IntConsumer progress) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    DsolReplicationRunner.prepareContext();
    AtomicInteger done = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(jobs, Math.max(1, tasks.size())),
            r -> {
              Thread t = new Thread(r, "replication");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<T>> futures = new ArrayList<>(tasks.size());
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  T result = task.call();
                  progress.accept(done.incrementAndGet());
                  return result;
                }));
      }
      List<T> results = new ArrayList<>(tasks.size());
      for (Future<T> f : futures) {
        try {
          results.add(f.get());
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          throw unwrap(e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          futures.forEach(x -> x.cancel(true));
          throw new IllegalStateException("interrupted while waiting for replications", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * A task's failure as the task threw it: its RuntimeException (to return and throw) or Error
   * (thrown here); a checked exception wrapped.
   */
  static RuntimeException unwrap(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException re) {
      return re;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(cause.getMessage(), cause);
  }
}
