package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {

  @Test
  void threeValuesUseTheTQuantileWithTwoDegreesOfFreedom() {
    // values 1, 2, 3: mean 2, sample sd 1, t(0.975, 2) = 4.302653 (statistical tables)
    ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {1, 2, 3});
    assertThat(ci.mean()).isEqualTo(2.0);
    assertThat(ci.halfWidth()).isCloseTo(4.302653 / Math.sqrt(3), within(1e-6));
    assertThat(ci.lower()).isLessThan(ci.mean()).isLessThan(ci.upper());
  }

  @Test
  void oneValueHasNoInterval() {
    ConfidenceInterval ci = ConfidenceInterval.of95(new double[] {5});
    assertThat(ci.mean()).isEqualTo(5.0);
    assertThat(ci.halfWidth()).isNaN();
  }

  @Test
  void identicalValuesHaveZeroWidth() {
    assertThat(ConfidenceInterval.of95(new double[] {0.3, 0.3, 0.3, 0.3}).halfWidth()).isZero();
  }
}
