package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.memory.Eviction;
import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.memory.MemoryCounters;
import io.mlproxy.workload.AccessFuture;
import io.mlproxy.workload.AccessPaths;
import io.mlproxy.workload.Hotset;
import io.mlproxy.workload.Phase;
import io.mlproxy.workload.RateModel;
import io.mlproxy.workload.Scan;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.Uniform;
import io.mlproxy.workload.WeightedPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A memory driven by a rate model sees exactly the realised accesses: its accessed bits, faults,
 * refaults, watched outcomes and the oracle's future all agree with {@link AccessPaths}, and every
 * variant of a replication counts the same touches whatever it does to the memory.
 */
class RateDriverTest {

  private static final long TICK = 5_000;
  private static final int PAGES = 512;
  private static final long SEED = 4242;

  /** A start-up scan, a hot set that moves at 1 s, and a cold rest. */
  private static RateModel model() {
    SyntheticWorkload w = new SyntheticWorkload(PAGES, 20_000, List.of(
        new Phase(0, List.of(new WeightedPattern(0.05, new Scan(1, false)),
            new WeightedPattern(0.9, new Hotset(0.25, 1.0, 0.0)), new WeightedPattern(0.05, new Uniform()))),
        new Phase(1_000_000, List.of(new WeightedPattern(0.9, new Hotset(0.25, 1.0, 0.5)),
            new WeightedPattern(0.1, new Uniform())))));
    return RateModel.compile(w, TICK, 2_000_000);
  }

  private static Memory memory(int capacity) {
    return new Memory(MemoryConfig.withDefaults(PAGES, capacity).withEviction(Eviction.SAMPLED_LRU));
  }

  /** Whether the paths or the (single, non-looping) scan access {@code page} in a tick of [from, to). */
  private static boolean accessedIn(AccessPaths paths, int page, int from, int to) {
    long scanTick = paths.model().firstScanTouchUs(page) / TICK;
    return paths.firstAccess(page, from) < to || (scanTick >= from && scanTick < to);
  }

  @Test
  void accessedBitsAreTheRealisedAccessesSinceTheBitWasCleared() {
    RateModel m = model();
    AccessPaths paths = new AccessPaths(m, SEED);
    Memory memory = memory(PAGES);
    RateDriver driver = new RateDriver(m, SEED, memory);
    int[] clearedAt = new int[PAGES];
    SplittableRandom rnd = new SplittableRandom(1);
    int checked = 0;
    for (int tick = 1; tick <= m.ticks(); tick++) {
      driver.tick(tick * TICK);
      // DAMON-like: a few random pages, test-and-clear (the page must be resident to have a bit)
      for (int k = 0; k < 8; k++) {
        int p = rnd.nextInt(PAGES);
        if (!memory.isResident(p)) {
          continue;
        }
        boolean expected = accessedIn(paths, p, clearedAt[p], tick);
        assertThat(memory.testAndClearAccessed(p)).as("page %d ticks [%d, %d)", p, clearedAt[p], tick)
            .isEqualTo(expected);
        clearedAt[p] = tick;
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(2_000);
    // every page the workload ever reaches was faulted in exactly once: no capacity pressure
    long reached = 0;
    for (int p = 0; p < PAGES; p++) {
      reached += paths.firstAccess(p, 0) < m.ticks() || m.firstScanTouchUs(p) < m.ticks() * TICK ? 1 : 0;
    }
    MemoryCounters c = memory.counters();
    assertThat(c.footprintPages()).isEqualTo(reached);
    assertThat(c.majorFaults()).isZero();
  }

  @Test
  void aPagedOutPageRefaultsAtItsNextAccessAndAWatchedPageReportsItThen() {
    RateModel m = model();
    AccessPaths paths = new AccessPaths(m, SEED);
    Memory memory = memory(PAGES);
    RateDriver driver = new RateDriver(m, SEED, memory);
    List<long[]> firstTouches = new ArrayList<>();
    memory.setWatchListener((page, nowMs, wasResident) -> firstTouches.add(new long[] {page, nowMs}));
    int at = 300; // 1.5 s: the hot set is at the middle
    for (int tick = 1; tick <= at; tick++) {
      driver.tick(tick * TICK);
    }
    int out = PAGES / 2 + 3; // hot now
    int watched = PAGES - 7; // cold now
    assertThat(memory.isResident(out)).isTrue();
    assertThat(memory.isResident(watched)).isTrue();
    memory.pageOutIgnoringYoung(out, out + 1, 1, at * TICK);
    memory.watch(watched, watched + 1, at * TICK);
    int refaultTick = paths.firstAccess(out, at);
    int outcomeTick = paths.firstAccess(watched, at);
    assertThat(refaultTick).isLessThan(m.ticks());
    for (int tick = at + 1; tick <= m.ticks(); tick++) {
      driver.tick(tick * TICK);
      if (tick == refaultTick) {
        assertThat(memory.counters().refaults()).isZero();
      }
      if (tick == refaultTick + 1) {
        assertThat(memory.counters().refaults()).isEqualTo(1);
        assertThat(memory.isResident(out)).isTrue();
      }
    }
    if (outcomeTick < m.ticks()) {
      assertThat(firstTouches).hasSize(1);
      assertThat(firstTouches.get(0)).containsExactly(watched, outcomeTick * TICK / 1000);
    } else {
      assertThat(firstTouches).isEmpty();
    }
  }

  @Test
  void everyVariantCountsTheSameTouchesAndTheOracleSeesTheRealisedFuture() {
    RateModel m = model();
    AccessPaths paths = new AccessPaths(m, SEED);
    Memory quiet = memory(PAGES);
    Memory busy = memory(PAGES / 4); // direct reclaim all along
    RateDriver a = new RateDriver(m, SEED, quiet);
    RateDriver b = new RateDriver(m, SEED, busy);
    AccessFuture future = b.future(200_000);
    SplittableRandom rnd = new SplittableRandom(3);
    for (int tick = 1; tick <= m.ticks(); tick++) {
      a.tick(tick * TICK);
      b.tick(tick * TICK);
      if (tick % 50 == 0) {
        busy.pageOut(rnd.nextInt(PAGES / 2), PAGES / 2 + rnd.nextInt(PAGES / 2), 1, tick * TICK);
        for (int k = 0; k < 20; k++) {
          int p = rnd.nextInt(PAGES);
          // touched within 200 ms = 40 ticks of now, by its realised accesses or the start-up scan
          boolean scanned = m.nextScanTouchUs(p, tick * TICK) / TICK <= tick + 40;
          assertThat(future.touchedWithin(p)).as("page %d at tick %d", p, tick)
              .isEqualTo(paths.firstAccess(p, tick) <= tick + 40 || scanned);
        }
      }
    }
    assertThat(busy.counters().directReclaimEvictions()).isPositive();
    assertThat(busy.counters().majorFaults()).isPositive();
    double expected = 0;
    for (int tick = 0; tick < m.ticks(); tick++) {
      expected += m.poissonTouchesPerTick(m.epochOf(tick));
    }
    long scans = m.scanTouchesBefore(m.ticks() * TICK);
    assertThat(quiet.counters().touches()).isEqualTo((long) expected + scans);
    assertThat(busy.counters().touches()).isEqualTo(quiet.counters().touches());
  }
}
