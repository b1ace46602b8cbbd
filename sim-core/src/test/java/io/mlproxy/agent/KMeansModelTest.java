package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansModelTest {

  private static double[] features(double access, double age) {
    return new double[] {1, access, access, age, 0.3, 1, 0, access == 0 ? 1 : 0};
  }

  @Test
  void idleOldRegionsAreColdAndBusyOnesAreNot() {
    KMeansModel m = new KMeansModel(3, 5000, 9);
    assertThat(m.coldConfidencePermille(features(0, 0.8))).isZero();
    SplittableRandom r = new SplittableRandom(5);
    List<double[]> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(features(0, 0.7 + 0.1 * r.nextDouble()));
      rows.add(features(0.8 + 0.2 * r.nextDouble(), 0.1 * r.nextDouble()));
      rows.add(features(0.3 + 0.1 * r.nextDouble(), 0.2 * r.nextDouble()));
    }
    m.fit(rows);
    assertThat(m.coldConfidencePermille(features(0, 0.75))).isGreaterThan(800);
    assertThat(m.coldConfidencePermille(features(0.9, 0.05))).isLessThan(200);
  }
}
