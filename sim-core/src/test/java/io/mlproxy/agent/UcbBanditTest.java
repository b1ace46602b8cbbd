package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UcbBanditTest {

  @Test
  void triesEveryArmOnceThenSettlesOnTheBest() {
    double[] means = {0.1, 0.5, 0.3};
    UcbBandit b = new UcbBandit(3, 0.5);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 3; i++) {
      int arm = b.select();
      assertThat(arm).isEqualTo(i);
      b.reward(arm, means[arm] + (r.nextDouble() - 0.5) * 0.2);
    }
    for (int i = 0; i < 2000; i++) {
      int arm = b.select();
      b.reward(arm, means[arm] + (r.nextDouble() - 0.5) * 0.2);
    }
    assertThat(b.best()).isEqualTo(1);
    assertThat(b.pulls(1)).isGreaterThan(b.pulls(0) + b.pulls(2));
  }
}
