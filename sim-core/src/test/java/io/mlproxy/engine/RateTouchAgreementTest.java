package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import io.mlproxy.scenario.WorkloadSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rate model gives the touch model's outcomes where both apply: on shortened shipped
 * scenarios, every variant's mean saving, slowdown, score and faults under {@code model: rate}
 * lie within the 95 % half-width of the difference of the two means, √(h_touch² + h_rate²) (h
 * the Student-t half-width over the replications), or within a floor where both intervals are
 * (nearly) empty: 0.01 for saving and score, 0.002 for slowdown, 10 % (at least 5 faults) for
 * faults. The full-length table over every shipped synthetic scenario is in the README.
 */
class RateTouchAgreementTest {

  private static final List<Variant> VARIANTS =
      List.of(Variant.NONE, Variant.HANDCRAFTED, Variant.PROXY, Variant.ML_ONLY, Variant.ORACLE);

  private static Scenario as(Scenario s, WorkloadSpec.Model model, long durationUs, int replications) {
    WorkloadSpec w = s.workload();
    return new Scenario(s.name() + "-" + model.yamlName(), s.description(), durationUs, s.seed(), replications,
        VARIANTS, s.outputStepUs(), s.objective(), s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(),
        new WorkloadSpec(w.ratePerSecond(), w.tickUs(), w.phases(), w.trace(), Optional.of(model)),
        s.faults().stream().filter(f -> f.atUs() < durationUs).toList(), s.oracle());
  }

  /** Each variant's summary, and its faults' interval over the replications. */
  private record Outcome(Map<Variant, SummaryRow> rows, Map<Variant, ConfidenceInterval> faults) {}

  private static Outcome run(Scenario s) {
    RunPlan plan = ScenarioCompiler.compile(s);
    assertThat(plan.rate() != null).isEqualTo(s.workload().model().get() == WorkloadSpec.Model.RATE);
    List<ReplicationResult> results = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
    SummaryCalculator calc = new SummaryCalculator(s.name(), s.objective().lambda());
    Map<Variant, SummaryRow> rows =
        calc.summarize(calc.score(results.stream().map(ReplicationResult::outcome).toList()), VARIANTS).stream()
            .collect(Collectors.toMap(SummaryRow::variant, Function.identity()));
    Map<Variant, ConfidenceInterval> faults = VARIANTS.stream().collect(Collectors.toMap(Function.identity(),
        v -> ConfidenceInterval.of95(results.stream().map(ReplicationResult::outcome).filter(o -> o.variant() == v)
            .mapToDouble(ReplicationOutcome::faults).toArray())));
    return new Outcome(rows, faults);
  }

  private static void agree(String what, Variant v, ConfidenceInterval touch, ConfidenceInterval rate, double floor) {
    double h = Math.sqrt(sq(touch.halfWidth()) + sq(rate.halfWidth()));
    assertThat(Math.abs(rate.mean() - touch.mean()))
        .as("%s of %s: touch %.4f ± %.4f, rate %.4f ± %.4f", what, v, touch.mean(), touch.halfWidth(), rate.mean(),
            rate.halfWidth())
        .isLessThanOrEqualTo(Math.max(h, floor));
  }

  private static double sq(double x) {
    return Double.isNaN(x) ? 0 : x * x;
  }

  @ParameterizedTest(name = "{0}, first {1} s, {2} replications")
  @CsvSource({"static-hot-cold, 150, 4", "shifting-hotset, 100, 4"})
  void rateAndTouchAgreeOnEveryVariant(String name, int seconds, int replications) {
    Scenario shipped = ScenarioLoader.load(Path.of("..", "scenarios", name + ".yaml"));
    long durationUs = seconds * 1_000_000L;
    Outcome touchRun = run(as(shipped, WorkloadSpec.Model.TOUCH, durationUs, replications));
    Outcome rateRun = run(as(shipped, WorkloadSpec.Model.RATE, durationUs, replications));
    Map<Variant, SummaryRow> touch = touchRun.rows();
    Map<Variant, SummaryRow> rate = rateRun.rows();
    for (Variant v : VARIANTS) {
      SummaryRow t = touch.get(v);
      SummaryRow r = rate.get(v);
      agree("saving", v, t.saving(), r.saving(), 0.01);
      agree("slowdown", v, t.slowdown(), r.slowdown(), 0.002);
      agree("score", v, t.score(), r.score(), 0.01);
      ConfidenceInterval tf = touchRun.faults().get(v);
      ConfidenceInterval rf = rateRun.faults().get(v);
      agree("faults", v, tf, rf, Math.max(5, 0.1 * Math.max(tf.mean(), rf.mean())));
    }
    // and the comparison is not vacuous: ML moves the score in both models alike
    ToDoubleFunction<Map<Variant, SummaryRow>> gain =
        m -> m.get(Variant.ORACLE).score().mean() - m.get(Variant.HANDCRAFTED).score().mean();
    assertThat(gain.applyAsDouble(rate)).isPositive();
    assertThat(gain.applyAsDouble(touch)).isPositive();
  }
}
