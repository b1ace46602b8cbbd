package io.mlproxy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.workload.AccessPattern;
import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.Hotset;
import io.mlproxy.workload.Phase;
import io.mlproxy.workload.Scan;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.Uniform;
import io.mlproxy.workload.WeightedPattern;
import io.mlproxy.workload.Zipf;
import java.util.List;
import java.util.Locale;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rate model's direct reclaim, {@link Eviction#SAMPLED_LRU}, against exact LRU on the same
 * touch streams: the fault rate under memory pressure stays within the stated margin of LRU's, on
 * the workload shapes the scenarios use (docs: README, "workload.model").
 */
class SampledLruTest {

  private static final int PAGES = 8_192;
  private static final int TOUCHES = 600_000;

  static AccessPattern pattern(String name) {
    return switch (name) {
      case "zipf" -> new Zipf(0.99, true);
      case "hotset" -> new Hotset(0.2, 0.9, 0.0);
      case "uniform" -> new Uniform();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Fault rate (faults per touch, first touches excluded) of one eviction policy on one stream. */
  static double faultRate(SyntheticWorkload w, int capacity, Eviction eviction) {
    Memory m = new Memory(MemoryConfig.withDefaults(PAGES, capacity).withEviction(eviction));
    int[] pages = new int[4096];
    long[] times = new long[4096];
    try (AccessStream s = w.open(new MersenneTwister(17), 10_000_000L)) {
      int n;
      long done = 0;
      while (done < TOUCHES && (n = s.read(pages, times, pages.length)) > 0) {
        for (int i = 0; i < n; i++) {
          m.touch(pages[i], times[i]);
        }
        done += n;
      }
    }
    MemoryCounters c = m.counters();
    return (double) c.majorFaults() / c.touches();
  }

  @ParameterizedTest(name = "{0}, capacity {1} of {2} pages: sampled within {3} of LRU")
  @CsvSource({
    "zipf, 2048, 0.10",
    "zipf, 4096, 0.10",
    "hotset, 2048, 0.10",
    "hotset, 1024, 0.10",
    "uniform, 4096, 0.03",
    "hotset+scan, 2048, 0.15",
  })
  void sampledLruFaultsAsOftenAsLru(String shape, int capacity, double margin) {
    SyntheticWorkload w = shape.equals("hotset+scan")
        ? new SyntheticWorkload(PAGES, 200_000, List.of(new Phase(0, List.of(
            new WeightedPattern(0.9, new Hotset(0.2, 1.0, 0.0)), new WeightedPattern(0.1, new Scan(1, true))))))
        : SyntheticWorkload.of(PAGES, 200_000, pattern(shape));
    double lru = faultRate(w, capacity, Eviction.LRU);
    double sampled = faultRate(w, capacity, Eviction.SAMPLED_LRU);
    double clock = faultRate(w, capacity, Eviction.CLOCK);
    System.out.printf(Locale.ROOT, "eviction %s capacity %d: LRU %.4f, sampled LRU %.4f (%+.1f%%), CLOCK %.4f (%+.1f%%)%n",
        shape, capacity, lru, sampled, 100 * (sampled / lru - 1), clock, 100 * (clock / lru - 1));
    assertThat(lru).isPositive();
    assertThat(Math.abs(sampled / lru - 1)).as("sampled %.4f vs LRU %.4f", sampled, lru).isLessThanOrEqualTo(margin);
  }
}
