package io.mlproxy.engine;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Passes each finished replication's results through a write step on a thread of its own, one
 * replication at a time, so that the next replication simulates meanwhile. Written in line, a
 * replication's run files (0.1–0.26 s in static-hot-cold, the first replication's heatmaps most)
 * held the next one back with a core idle. At most one write is pending: a replication that ends
 * before the previous one is written waits for it, so the rows held never exceed one more
 * replication's.
 */
final class ReplicationWriter<T> implements AutoCloseable {
  private final UnaryOperator<T> write;
  private final ExecutorService thread;
  private Future<T> last;

  ReplicationWriter(UnaryOperator<T> write, String threadName) {
    this.write = write;
    this.thread = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Queues the write of {@code results} once the previous write has ended, and returns its
   * outcome. A failed previous write is thrown here, so that the replication that ends next fails
   * (and the run stops) instead of simulating on for results that cannot be written.
   */
  synchronized Future<T> submit(T results) throws InterruptedException {
    if (last != null) {
      await(last);
    }
    last = thread.submit(() -> write.apply(results));
    return last;
  }

  /** The result of {@code f}, with a write's failure rethrown as it was thrown. */
  static <T> T await(Future<T> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw ParallelRunner.unwrap(e);
    }
  }

  /**
   * Waits for the write in progress, if any, without interrupting it (the files go through
   * interruptible channels): a failed run discards the staging folder only once nothing writes
   * into it.
   */
  @Override
  public void close() {
    thread.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (thread.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
