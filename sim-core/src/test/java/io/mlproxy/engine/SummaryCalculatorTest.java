package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.mlproxy.engine.ReplicationOutcome.ModeTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryCalculatorTest {

  private static ReplicationOutcome outcome(
      Variant v, int rep, double resident, double footprint, double accessUs, ModeTime modes) {
    return new ReplicationOutcome(v, rep, 7, resident, footprint, accessUs, 10, 4, 2e6, 3, 5, 1, modes);
  }

  @Test
  void handComputedTwoReplicationCase() {
    // footprint 1000 pages throughout; none keeps all resident and spends 1000 us.
    // handcrafted: resident 800 -> saving 0.2; access 1100 -> slowdown 0.1; score (lambda 1) 0.1
    // proxy rep1: resident 700 (0.3), access 1150 (0.15) -> 0.15; rep2: 600 (0.4), 1200 (0.2) -> 0.2
    // oracle: resident 500 (0.5), access 1050 (0.05) -> 0.45
    ModeTime proxyModes = new ModeTime(10, 30, 40, 20);
    List<ReplicationOutcome> outcomes =
        List.of(
            outcome(Variant.NONE, 1, 1000, 1000, 1000, ModeTime.NONE),
            outcome(Variant.NONE, 2, 1000, 1000, 1000, ModeTime.NONE),
            outcome(Variant.HANDCRAFTED, 1, 800, 1000, 1100, new ModeTime(100, 0, 0, 0)),
            outcome(Variant.HANDCRAFTED, 2, 800, 1000, 1100, new ModeTime(100, 0, 0, 0)),
            outcome(Variant.PROXY, 1, 700, 1000, 1150, proxyModes),
            outcome(Variant.PROXY, 2, 600, 1000, 1200, proxyModes),
            outcome(Variant.ORACLE, 1, 500, 1000, 1050, ModeTime.NONE),
            outcome(Variant.ORACLE, 2, 500, 1000, 1050, ModeTime.NONE));
    SummaryCalculator calc = new SummaryCalculator("s", 1.0);
    List<SummaryRow> rows =
        calc.summarize(calc.score(outcomes), List.of(Variant.values()));

    assertThat(rows).extracting(SummaryRow::variant)
        .containsExactly(Variant.NONE, Variant.HANDCRAFTED, Variant.PROXY, Variant.ORACLE);
    SummaryRow proxy = rows.get(2);
    assertThat(proxy.saving().mean()).isCloseTo(0.35, within(1e-12));
    assertThat(proxy.slowdown().mean()).isCloseTo(0.175, within(1e-12));
    assertThat(proxy.score().mean()).isCloseTo(0.175, within(1e-12));
    // scores 0.15 and 0.2: sd = 0.035355..., t(0.975, 1) = 12.7062047 -> half-width 0.3176551
    assertThat(proxy.score().halfWidth()).isCloseTo(12.7062047 * 0.05 / Math.sqrt(2) / Math.sqrt(2), within(1e-6));
    // gap closed = (0.175 - 0.1) / (0.45 - 0.1)
    assertThat(proxy.gapClosed()).isCloseTo(0.075 / 0.35, within(1e-12));
    assertThat(proxy.timeLearningPct()).isCloseTo(30.0, within(1e-12));
    assertThat(rows.get(1).gapClosed()).isNaN();
    assertThat(rows.get(0).timeEmergencyPct()).isNaN();
    assertThat(rows.get(0).slowdown().mean()).isZero();
    assertThat(rows.get(1).reclaimCpuSecondsMean()).isEqualTo(2.0);
  }

  @Test
  void aReplicationWithoutItsReferenceIsRejected() {
    SummaryCalculator calc = new SummaryCalculator("s", 1.0);
    assertThatThrownBy(
            () -> calc.score(List.of(outcome(Variant.PROXY, 1, 1, 1, 1, ModeTime.NONE))))
        .hasMessageContaining("replication 1");
  }

  @Test
  void lambdaWeighsSlowdown() {
    SummaryCalculator calc = new SummaryCalculator("s", 2.0);
    List<ReplicationScore> s =
        calc.score(
            List.of(
                outcome(Variant.NONE, 1, 100, 100, 1000, ModeTime.NONE),
                outcome(Variant.HANDCRAFTED, 1, 50, 100, 1100, ModeTime.NONE)));
    assertThat(s.get(1).score()).isCloseTo(0.5 - 2 * 0.1, within(1e-12));
  }
}
