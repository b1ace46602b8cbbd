package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A recommended min_age (the tuner's advice) is ML's opinion per region: bounded by the mode,
 * judged in the shadow and fed back to the tuner like region hints.
 */
class ParameterAdviceTest {

  private static List<ReplicationResult> run(String proxyMode) {
    var scenario = TinyScenario.withAgent(30, "  model: tuner\n  period: 1s\n", "", proxyMode);
    return ExperimentRunner.simulate(ScenarioCompiler.compile(scenario), 2, (d, t) -> {});
  }

  private static ReplicationResult of(List<ReplicationResult> all, Variant v) {
    return all.stream().filter(r -> r.outcome().variant() == v && r.outcome().rep() == 1).findFirst().orElseThrow();
  }

  private static long mlPageouts(ReplicationResult r) {
    return r.rows().stream().mapToLong(row -> row.proxy().mlPageouts()).sum();
  }

  @Test
  void theTunersAdviceIsJudgedAndFedBack() {
    ReplicationResult proxy = of(run("adaptive"), Variant.PROXY);
    assertThat(proxy.proxyCounters().get("decisions_ml")).isPositive();
    assertThat(proxy.proxyCounters().get("judged_decisions")).isPositive();
    assertThat(proxy.proxyCounters().get("feedback_delivered")).isPositive();
  }

  @Test
  void inLearningTheTunersMinAgeStepsOnlyMlsPart() {
    List<ReplicationResult> learning = run("learning");
    long inLearning = mlPageouts(of(learning, Variant.PROXY));
    long inRecommendation = mlPageouts(of(learning, Variant.ML_ONLY));
    assertThat(inRecommendation).isPositive();
    // learning_share is 100 per mille; the two runs' tuners explore independently, so allow slack
    assertThat(inLearning).isPositive().isLessThanOrEqualTo(inRecommendation * 300 / 1000);
  }
}
