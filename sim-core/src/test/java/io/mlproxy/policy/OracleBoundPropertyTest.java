package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationOutcome;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.ScenarioCompiler;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The oracle is an upper bound: at equal quota it never saves fewer page-seconds than DAMON_RECLAIM
 * on any shipped synthetic workload, whatever the seed.
 */
class OracleBoundPropertyTest {

  private static final List<String> SYNTHETIC =
      List.of("static-hot-cold", "shifting-hotset", "scan-storms", "drifting-zipf", "adversarial-flip", "agent-faults");

  /** Page-seconds kept out of memory: (mean footprint − mean resident) × duration. */
  private static double savedPageSeconds(ReplicationOutcome o, long durationUs) {
    return (o.meanFootprintPages() - o.meanResidentPages()) * durationUs / 1e6;
  }

  @Property(tries = 12)
  void oracleSavesAtLeastAsMuchAsHandcrafted(
      @ForAll @IntRange(min = 0, max = 5) int scenario, @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", SYNTHETIC.get(scenario) + ".yaml"));
    // 90 s keeps the property cheap and still past the 30 s min_age of the scenarios that lower it
    long durationUs = 90_000_000L;
    Scenario shortened =
        new Scenario(s.name(), s.description(), durationUs, s.seed(), 1, List.of(Variant.HANDCRAFTED, Variant.ORACLE),
            s.outputStepUs(), s.objective(), s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(), s.workload(),
            s.faults().stream().filter(f -> f.atUs() < durationUs).toList(), s.oracle());
    ExperimentRunner.Options o = new ExperimentRunner.Options(null, null, seed, 2, "test", (d, t) -> {});
    List<ReplicationResult> results =
        ExperimentRunner.simulate(ScenarioCompiler.compile(ExperimentRunner.withOverrides(shortened, o)), 2, (d, t) -> {});
    ReplicationOutcome hand = outcome(results, Variant.HANDCRAFTED);
    ReplicationOutcome oracle = outcome(results, Variant.ORACLE);
    assertThat(s.oracle().sameQuota()).isTrue();
    assertThat(savedPageSeconds(oracle, durationUs))
        .as("%s seed %d", s.name(), seed)
        .isGreaterThanOrEqualTo(savedPageSeconds(hand, durationUs));
  }

  private static ReplicationOutcome outcome(List<ReplicationResult> results, Variant v) {
    return results.stream().map(ReplicationResult::outcome).filter(x -> x.variant() == v).findFirst().orElseThrow();
  }
}
