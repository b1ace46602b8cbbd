package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BreakEvenTest {

  @Test
  void handComputedCase() {
    // (50 + 5) us * 4096 pages / (250,000/s * 100 ns) = 0.22528 s / 0.025 = 9.0112 s
    assertThat(BreakEven.millis(1.0, 50, 5, 4096, 250_000, 100)).isEqualTo(9011);
    // lambda doubles the weight of slowdown: pages must stay out twice as long
    assertThat(BreakEven.millis(2.0, 50, 5, 4096, 250_000, 100)).isEqualTo(18022);
  }

  @Test
  void zeroLambdaMakesEveryPageoutWorthIt() {
    assertThat(BreakEven.millis(0.0, 50, 5, 4096, 250_000, 100)).isEqualTo(1);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> BreakEven.millis(1, 50, 5, 0, 1, 1)).hasMessageContaining("footprint");
  }
}
