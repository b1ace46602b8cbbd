package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelTrackerTest {

  /** One dataset of two regions [0,100) and [100,200) with the given accesses. */
  private static RegionTable table(long atMs, int accessesLow, int accessesHigh) {
    return new RegionTable(
        1, atMs, 2,
        new long[] {0, 100}, new long[] {100, 200},
        new int[] {accessesLow, accessesHigh}, new int[2], new int[2], new int[] {1000, 1000}, new int[2]);
  }

  @Test
  void positiveWhenTouchedWithinTheHorizonNegativeAfterIt() {
    LabelTracker t = new LabelTracker(10_000, 16, 1);
    List<String> labels = new ArrayList<>();
    t.add(0, 100, 0, new double[] {1});
    t.add(100, 200, 0, new double[] {2});
    t.observe(table(5_000, 0, 3), (x, touched) -> labels.add(x[0] + ":" + touched));
    // the high region was touched; the low one is still pending and blocks nothing behind it
    // only in arrival order: the first sample is unresolved, so nothing is emitted yet
    assertThat(labels).isEmpty();
    t.observe(table(10_001, 0, 0), (x, touched) -> labels.add(x[0] + ":" + touched));
    assertThat(labels).containsExactly("1.0:false", "2.0:true");
    assertThat(t.pending()).isZero();
  }

  @Test
  void activityAfterTheHorizonDoesNotCount() {
    LabelTracker t = new LabelTracker(1_000, 16, 1);
    List<Boolean> labels = new ArrayList<>();
    t.add(0, 50, 0, new double[] {1});
    t.observe(table(500, 0, 0), (x, touched) -> labels.add(touched));
    t.observe(table(2_000, 5, 0), (x, touched) -> labels.add(touched));
    assertThat(labels).containsExactly(false);
  }

  @Test
  void aSampleNoDatasetLookedAtWithinItsHorizonGetsNoLabel() {
    // the agent was down from 0 to 50 s: seeing no activity then does not mean the region was idle
    LabelTracker t = new LabelTracker(1_000, 16, 1);
    List<Boolean> labels = new ArrayList<>();
    t.add(0, 50, 0, new double[] {1});
    t.add(100, 200, 0, new double[] {2});
    t.observe(table(50_000, 0, 0), (x, touched) -> labels.add(touched));
    assertThat(labels).isEmpty();
    assertThat(t.pending()).isZero();
    assertThat(t.unobserved()).isEqualTo(2);
  }

  @Test
  void aDatasetFromTheSameInstantDoesNotLabel() {
    LabelTracker t = new LabelTracker(1_000, 16, 1);
    List<Boolean> labels = new ArrayList<>();
    t.add(0, 50, 100, new double[] {1});
    t.observe(table(100, 5, 5), (x, touched) -> labels.add(touched));
    assertThat(labels).isEmpty();
    assertThat(t.pending()).isEqualTo(1);
  }

  @Test
  void aFullRingDropsTheOldest() {
    LabelTracker t = new LabelTracker(1_000, 2, 1);
    t.add(0, 1, 0, new double[] {1});
    t.add(0, 1, 0, new double[] {2});
    t.add(0, 1, 0, new double[] {3});
    assertThat(t.dropped()).isEqualTo(1);
    List<Double> seen = new ArrayList<>();
    t.observe(table(500, 0, 0), (x, touched) -> seen.add(x[0]));
    t.observe(table(5_000, 0, 0), (x, touched) -> seen.add(x[0]));
    assertThat(seen).containsExactly(2.0, 3.0);
  }
}
