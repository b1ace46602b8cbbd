package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped scenario runs end to end (shortened), and the outcomes their descriptions promise
 * hold at full length.
 */
class ShippedScenariosTest {

  static final Path SCENARIOS = Path.of("..", "scenarios");

  static Stream<Path> shipped() throws IOException {
    return Files.list(SCENARIOS).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  private static Scenario shortened(Scenario s, long durationUs) {
    return new Scenario(s.name(), s.description(), durationUs, s.seed(), 1, s.variants(), s.outputStepUs(),
        s.objective(), s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(), s.workload(),
        s.faults().stream().filter(f -> f.atUs() < durationUs).toList(), s.oracle());
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void runsEndToEndShortened(Path file, @TempDir Path out) {
    Scenario s = shortened(ScenarioLoader.load(file), 15_000_000L);
    ExperimentRunner.Outcome o = ExperimentRunner.run(s, "shortened", out, TinyScenario.options(2));
    assertThat(o.summary()).extracting(SummaryRow::variant).containsExactlyElementsOf(s.variants());
    assertThat(o.folder().resolve("summary.csv")).isRegularFile();
    assertThat(o.folder().resolve("proxy").resolve("rep-1").resolve("timeseries.csv")).isRegularFile();
    for (SummaryRow r : o.summary()) {
      assertThat(r.saving().mean()).isBetween(0.0, 1.0);
      assertThat(r.slowdown().mean()).isGreaterThanOrEqualTo(-1e-9);
    }
  }

  private static Map<Variant, SummaryRow> run(String name, int replications) {
    Scenario s = ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml"));
    ExperimentRunner.Options o =
        new ExperimentRunner.Options(null, replications, null, 2, "test", (d, t) -> {});
    RunPlan plan = ScenarioCompiler.compile(ExperimentRunner.withOverrides(s, o));
    List<ReplicationResult> results = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
    SummaryCalculator calc = new SummaryCalculator(s.name(), s.objective().lambda());
    return calc.summarize(calc.score(results.stream().map(ReplicationResult::outcome).toList()),
            List.of(Variant.values())).stream()
        .collect(Collectors.toMap(SummaryRow::variant, Function.identity()));
  }

  private static double score(Map<Variant, SummaryRow> rows, Variant v) {
    return rows.get(v).score().mean();
  }

  @Test
  void staticHotColdLetsMlWin() {
    Map<Variant, SummaryRow> r = run("static-hot-cold", 2);
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.HANDCRAFTED));
    assertThat(score(r, Variant.ML_ONLY)).isGreaterThan(score(r, Variant.HANDCRAFTED));
    assertThat(score(r, Variant.ORACLE)).isGreaterThanOrEqualTo(score(r, Variant.PROXY));
    assertThat(r.get(Variant.PROXY).gapClosed()).isBetween(0.0, 1.0);
  }

  @Test
  void adversarialFlipMakesMlOnlyLoseAndTheProxyLimitsTheLoss() {
    Map<Variant, SummaryRow> r = run("adversarial-flip", 2);
    assertThat(score(r, Variant.ML_ONLY)).isLessThan(score(r, Variant.HANDCRAFTED));
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.ML_ONLY));
    assertThat(r.get(Variant.PROXY).transitionsMean()).isPositive();
  }

  @Test
  void agentFaultsSendTheProxyToEmergencyAndRejectBadMessages() {
    Map<Variant, SummaryRow> r = run("agent-faults", 1);
    SummaryRow proxy = r.get(Variant.PROXY);
    assertThat(proxy.timeEmergencyPct()).isGreaterThan(10.0);
    assertThat(proxy.recsRejectedMean()).isGreaterThanOrEqualTo(5);
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.HANDCRAFTED));
  }

  @Test
  void shiftingHotsetLetsTheProxyWin() {
    Map<Variant, SummaryRow> r = run("shifting-hotset", 2);
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.HANDCRAFTED));
  }

  @Test
  void scanStormsMakeMlOnlyLoseAndTheProxyLimitsTheLoss() {
    Map<Variant, SummaryRow> r = run("scan-storms", 1);
    assertThat(score(r, Variant.ML_ONLY)).isLessThan(score(r, Variant.HANDCRAFTED));
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.ML_ONLY));
  }

  @Test
  void driftingZipfTunerDoesNotLoseAgainstHandcrafted() {
    Map<Variant, SummaryRow> r = run("drifting-zipf", 1);
    assertThat(score(r, Variant.PROXY)).isGreaterThan(score(r, Variant.HANDCRAFTED) - 0.01);
    assertThat(score(r, Variant.ORACLE)).isGreaterThan(score(r, Variant.PROXY));
  }

  @Test
  void traceReplayDoesNoHarm() {
    Map<Variant, SummaryRow> r = run("trace-replay", 1);
    assertThat(Math.abs(score(r, Variant.PROXY) - score(r, Variant.HANDCRAFTED))).isLessThan(0.02);
  }
}
