package io.mlproxy.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * This process's own Hazelcast member, the default executor of run, sweep and tune: started once
 * per JVM (in the background, while the command checks its input), alone, on an ephemeral
 * loopback port under a random cluster name. It lives until the JVM ends.
 */
final class EmbeddedMember {

  private static CompletableFuture<HazelcastInstance> member;

  private EmbeddedMember() {}

  /** Starts the member unless it is started; returns at once. */
  static synchronized CompletableFuture<HazelcastInstance> start() {
    if (member == null || (member.isDone() && !member.isCompletedExceptionally()
        && !member.join().getLifecycleService().isRunning())) {
      member = CompletableFuture.supplyAsync(() -> Hazelcast.newHazelcastInstance(HazelcastSettings.embedded(1)),
          r -> {
            Thread t = new Thread(r, "embedded-member-start");
            t.setDaemon(true);
            t.start();
          });
    }
    return member;
  }

  /** The member, once started. */
  static HazelcastInstance get() {
    try {
      return start().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the embedded Hazelcast member", e);
    } catch (ExecutionException e) {
      synchronized (EmbeddedMember.class) {
        member = null;
      }
      throw new IllegalStateException("cannot start the embedded Hazelcast member: " + e.getCause().getMessage(),
          e.getCause());
    }
  }
}
