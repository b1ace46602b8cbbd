package io.mlproxy.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlproxy.scenario.ThresholdsSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class TuneObjectiveTest {

  private final Candidate c = Candidate.nearest(ThresholdsSpec.defaults());
  private final RobustObjective objective = new RobustObjective(0.01);

  @Test
  void meanAdvantageWhenTheGuardHolds() {
    // advantages +0.05 and -0.005; -0.005 is within 0.01 of handcrafted's lower bound 0.29
    Evaluation e = objective.judge(c, List.of(
        new ScenarioScore("a", 0.55, 0.50, 0.48),
        new ScenarioScore("b", 0.295, 0.30, 0.29)));
    assertThat(e.guardOk()).isTrue();
    assertThat(e.meanAdvantage()).isCloseTo(0.0225, within(1e-12));
    assertThat(e.objective()).isCloseTo(0.0225, within(1e-12));
  }

  @Test
  void guardRejectsACandidateThatLosesOnOneScenario() {
    // a large win on a, but on b the proxy is 0.03 below handcrafted's lower bound 0.29 - 0.01
    Evaluation loser = objective.judge(c, List.of(
        new ScenarioScore("a", 0.90, 0.50, 0.48),
        new ScenarioScore("b", 0.26, 0.30, 0.29)));
    Evaluation modest = objective.judge(c, List.of(
        new ScenarioScore("a", 0.50, 0.50, 0.48),
        new ScenarioScore("b", 0.30, 0.30, 0.29)));
    assertThat(loser.guardOk()).isFalse();
    assertThat(loser.meanAdvantage()).isCloseTo(0.18, within(1e-12));
    // violation 0.28 - 0.26 = 0.02: 0.18 - 2 - 10 x 0.02
    assertThat(loser.objective()).isCloseTo(0.18 - 2 - 0.2, within(1e-12));
    assertThat(loser.objective()).isLessThan(modest.objective());
  }

  @Test
  void candidatesSnapToTheGridAndKeepLearningBelowCollaboration() {
    Candidate x = Candidate.fromUnit(new double[] {1, 0, 0.5, 0.5, 0, 1, 0, 0.5, 1, 0});
    assertThat(x.value(TunedParameter.COLLABORATION_SHARE)).isEqualTo(100);
    assertThat(x.value(TunedParameter.LEARNING_SHARE)).isEqualTo(100);
    assertThat(x.value(TunedParameter.PROMOTE_MARGIN)).isEqualTo(500);
    assertThat(x.value(TunedParameter.WINDOW)).isEqualTo(1000);
    assertThat(x.value(TunedParameter.MIN_DWELL)).isEqualTo(60_000);
    assertThat(x.value(TunedParameter.EMERGENCY_PRESSURE)).isEqualTo(1000);
    // 0.5 of 0..1000 step 5 is 500; of 1000..60000 step 100 the nearest grid point to 30500 is 30500
    assertThat(Candidate.fromUnit(x.toUnit())).isEqualTo(x);
    ThresholdsSpec t = x.applyTo(ThresholdsSpec.defaults());
    assertThat(t.windowUs()).isEqualTo(1_000_000);
    assertThat(t.minSamples()).isEqualTo(64);
    assertThat(Candidate.nearest(ThresholdsSpec.defaults()).applyTo(ThresholdsSpec.defaults()))
        .isEqualTo(ThresholdsSpec.defaults());
  }
}
