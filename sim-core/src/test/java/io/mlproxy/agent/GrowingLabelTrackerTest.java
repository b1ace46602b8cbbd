package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** A label tracker whose ring grows as it fills labels exactly like one allocated up front. */
class GrowingLabelTrackerTest {

  @Property(tries = 30)
  void aGrowingTrackerLabelsLikeAPreallocatedOne(@ForAll long seed) {
    Random rnd = new Random(seed);
    int capacity = 300 + rnd.nextInt(700);
    int dim = 1 + rnd.nextInt(4);
    LabelTracker grown = new LabelTracker(500, capacity, dim, 1);
    LabelTracker full = new LabelTracker(500, capacity, dim, capacity);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    long now = 0;
    for (int step = 0; step < 2_000; step++) {
      now += 1 + rnd.nextInt(30);
      if (rnd.nextInt(3) > 0) {
        for (int k = rnd.nextInt(30); k > 0; k--) {
          long start = rnd.nextInt(1_000);
          long end = start + 1 + rnd.nextInt(50);
          double[] x = new double[dim];
          for (int d = 0; d < dim; d++) {
            x[d] = rnd.nextGaussian();
          }
          grown.add(start, end, now, x);
          full.add(start, end, now, x);
        }
      } else {
        RegionTable t = table(now, rnd);
        grown.observe(t, (x, touched) -> a.add(Arrays.toString(x) + touched));
        full.observe(t, (x, touched) -> b.add(Arrays.toString(x) + touched));
      }
      assertThat(grown.pending()).isEqualTo(full.pending());
      assertThat(grown.dropped()).isEqualTo(full.dropped());
      assertThat(grown.unobserved()).isEqualTo(full.unobserved());
    }
    assertThat(a).isEqualTo(b).isNotEmpty();
  }

  /** Ten regions of 100 pages over [0, 1000), each active or not. */
  private static RegionTable table(long atMs, Random rnd) {
    int n = 10;
    long[] start = new long[n];
    long[] end = new long[n];
    int[] accesses = new int[n];
    for (int i = 0; i < n; i++) {
      start[i] = i * 100L;
      end[i] = start[i] + 100;
      accesses[i] = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(5) : 0;
    }
    int[] full = new int[n];
    Arrays.fill(full, 1000);
    return new RegionTable(1, atMs, n, start, end, accesses, new int[n], new int[n], full, new int[n]);
  }
}
