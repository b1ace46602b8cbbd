package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticModelTest {

  @Test
  void learnsASeparableRuleAndAdaptsWhenItFlips() {
    LogisticModel m = new LogisticModel(3, 0.5, 1e-5);
    SplittableRandom r = new SplittableRandom(1);
    double[] x = new double[3];
    for (int i = 0; i < 20_000; i++) {
      x[0] = 1;
      x[1] = r.nextDouble();
      x[2] = r.nextDouble();
      m.learn(x, x[1] > 0.5);
    }
    assertThat(accuracy(m, r, false)).isGreaterThan(0.95);
    // the rule flips: continual learning follows it
    for (int i = 0; i < 40_000; i++) {
      x[0] = 1;
      x[1] = r.nextDouble();
      x[2] = r.nextDouble();
      m.learn(x, x[1] <= 0.5);
    }
    assertThat(accuracy(m, r, true)).isGreaterThan(0.95);
    assertThat(m.samples()).isEqualTo(60_000);
  }

  private static double accuracy(LogisticModel m, SplittableRandom r, boolean flipped) {
    int right = 0;
    double[] x = new double[3];
    for (int i = 0; i < 2000; i++) {
      x[0] = 1;
      x[1] = r.nextDouble();
      x[2] = r.nextDouble();
      boolean truth = (x[1] > 0.5) != flipped;
      if ((m.predict(x) > 0.5) == truth) {
        right++;
      }
    }
    return right / 2000.0;
  }

  @Test
  void anUntrainedModelIsUndecided() {
    assertThat(new LogisticModel(4, 0.1, 0).predict(new double[] {1, 2, 3, 4})).isEqualTo(0.5);
  }

  @Test
  void sigmoidIsStableAtExtremes() {
    assertThat(LogisticModel.sigmoid(800)).isEqualTo(1.0);
    assertThat(LogisticModel.sigmoid(-800)).isZero();
    assertThat(LogisticModel.sigmoid(0)).isCloseTo(0.5, within(1e-15));
  }

  @Test
  void rejectsBadHyperParameters() {
    assertThatThrownBy(() -> new LogisticModel(2, 0, 0)).hasMessageContaining("learning rate");
    assertThatThrownBy(() -> new LogisticModel(2, 0.1, -1)).hasMessageContaining("l2");
  }
}
