package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

  @Test
  void shortSeriesAreKeptWhole() {
    double[] x = {1, 2, 3};
    assertThat(Downsampler.lttb(x, new double[] {5, 6, 7}, 3)).containsExactly(0, 1, 2);
  }

  @Test
  void handWorkedExample() {
    // 7 points into 5: first and last kept, buckets of (7-2)/3 = 1.67 points:
    // bucket 0 = {1}, bucket 1 = {2,3}, bucket 2 = {4,5}; 6 is last.
    double[] x = {0, 1, 2, 3, 4, 5, 6};
    double[] y = {0, 0, 10, 0, 0, -5, 0};
    // bucket 0 has only index 1.
    // bucket 1: a = (1,0), next bucket average = ((4+5)/2, (0-5)/2) = (4.5,-2.5);
    //   index 2 (2,10): |(1-4.5)(10-0) - (1-2)(-2.5-0)| = |-35 - 2.5| = 37.5
    //   index 3 (3,0):  |(1-4.5)(0-0) - (1-3)(-2.5-0)| = |0 - 5| = 5       -> keep 2
    // bucket 2: a = (2,10), next average = last point (6,0);
    //   index 4 (4,0):  |(2-6)(0-10) - (2-4)(0-10)| = |40 - 20| = 20
    //   index 5 (5,-5): |(2-6)(-5-10) - (2-5)(0-10)| = |60 - 30| = 30       -> keep 5
    assertThat(Downsampler.lttb(x, y, 5)).containsExactly(0, 1, 2, 5, 6);
  }

  @Test
  void keepsASingleSpikeInAFlatLongSeries() {
    int n = 100_000;
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i * 0.1;
    }
    y[54_321] = 1000;
    Downsampler.Points p = Downsampler.downsample(x, y, 2000);
    assertThat(p.size()).isEqualTo(2000);
    assertThat(p.y()).contains(1000.0);
  }

  @Test
  void randomSeriesGiveIncreasingIndicesOnePerBucketFirstAndLastKept() {
    Random rnd = new Random(3);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rnd.nextInt(5000);
      int threshold = 3 + rnd.nextInt(500);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        x[i] = i == 0 ? 0 : x[i - 1] + rnd.nextDouble();
        y[i] = rnd.nextGaussian();
      }
      int[] idx = Downsampler.lttb(x, y, threshold);
      assertThat(idx.length).isEqualTo(Math.min(n, threshold));
      assertThat(idx[0]).isZero();
      assertThat(idx[idx.length - 1]).isEqualTo(n - 1);
      for (int i = 1; i < idx.length; i++) {
        assertThat(idx[i]).isGreaterThan(idx[i - 1]);
      }
      if (n > threshold) {
        double every = (double) (n - 2) / (threshold - 2);
        for (int b = 0; b < threshold - 2; b++) {
          assertThat(idx[b + 1]).isBetween((int) Math.floor(b * every) + 1,
              (int) Math.floor((b + 1) * every));
        }
      }
    }
  }

  @Test
  void undefinedValuesAreDroppedBeforeDownsampling() {
    double[] x = {1, 2, 3, 4};
    double[] y = {Double.NaN, Double.NaN, 5, 6};
    Downsampler.Points p = Downsampler.downsample(x, y, 10);
    assertThat(p.x()).containsExactly(3, 4);
    assertThat(p.y()).containsExactly(5, 6);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> Downsampler.lttb(new double[5], new double[5], 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Downsampler.downsample(new double[5], new double[4], 10))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
