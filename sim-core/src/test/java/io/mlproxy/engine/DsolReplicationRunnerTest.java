package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

class DsolReplicationRunnerTest {

  @Test
  void runsPeriodicEventsUntilTheEndTime() {
    List<Long> times = new ArrayList<>();
    DsolReplicationRunner.run(
        "periodic",
        1_000,
        new MersenneTwister(7),
        s -> {
          Runnable[] tick = new Runnable[1];
          tick[0] =
              () -> {
                times.add(s.nowUs());
                s.after(100, tick[0]::run);
              };
          s.at(0, tick[0]::run);
        });
    // Ticks at 0, 100, ..., 900 are strictly before the end; DSOL may or may not run the one at
    // exactly 1000, which the engine never relies on.
    assertThat(times).startsWith(0L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
    assertThat(times.size()).isBetween(10, 11);
  }

  @Test
  void anExceptionInsideAnEventSurfacesOnTheCallerAndDoesNotHang() {
    assertThatThrownBy(
            () ->
                DsolReplicationRunner.run(
                    "failing",
                    1_000_000,
                    new MersenneTwister(7),
                    s -> s.after(10, () -> {
                      throw new IllegalStateException("boom");
                    })))
        .isInstanceOf(DsolReplicationRunner.SimulationFailure.class)
        .hasRootCauseMessage("boom")
        .hasMessageContaining("t=10us");
  }

  @Test
  void manyReplicationsInParallelAllComplete() throws Exception {
    DsolReplicationRunner.prepareContext();
    int n = 8;
    long[] counts = new long[n];
    Thread[] threads = new Thread[n];
    for (int i = 0; i < n; i++) {
      int k = i;
      threads[i] =
          new Thread(
              () ->
                  DsolReplicationRunner.run(
                      "par",
                      10_000,
                      new MersenneTwister(k + 1),
                      s -> {
                        Runnable[] tick = new Runnable[1];
                        tick[0] =
                            () -> {
                              counts[k]++;
                              s.after(10, tick[0]::run);
                            };
                        s.at(0, tick[0]::run);
                      }));
      threads[i].start();
    }
    for (Thread t : threads) {
      t.join(30_000);
    }
    for (long c : counts) {
      assertThat(c).isBetween(1000L, 1001L);
    }
  }

  @Test
  void constructingManySimulatorsConcurrentlyNeverTripsOverDsolsSharedLogCategory() throws Exception {
    // DSOL re-registers one shared log category in every Simulator constructor; unguarded, parallel
    // construction intermittently failed with an NPE inside CategoryLogger.addFormatter
    java.util.List<java.util.concurrent.Callable<Long>> tasks = new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      int k = i;
      tasks.add(
          () -> {
            long[] events = new long[1];
            DsolReplicationRunner.run("stress", 100, new MersenneTwister(k + 1), s -> s.at(50, () -> events[0]++));
            return events[0];
          });
    }
    assertThat(ParallelRunner.run(tasks, 8, n -> {})).hasSize(300).containsOnly(1L);
  }
}
