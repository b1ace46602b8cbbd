package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {

  static final Path FILE = Path.of("test.yaml");

  /** The smallest valid scenario: only the required fields. */
  static final String MINIMAL =
      """
      name: minimal
      duration: 1m
      memory:
        pages: 1024
      workload:
        phases:
          - at: 0s
            mix:
              - pattern: uniform
      """;

  static Scenario parse(String yaml) {
    return ScenarioLoader.parse(yaml, FILE);
  }

  static List<ScenarioError> errors(String yaml) {
    try {
      ScenarioLoader.parse(yaml, FILE);
    } catch (ScenarioException e) {
      return e.errors();
    }
    throw new AssertionError("expected errors in:\n" + yaml);
  }

  static ScenarioError onlyError(String yaml) {
    List<ScenarioError> errors = errors(yaml);
    assertThat(errors).as(errors.toString()).hasSize(1);
    return errors.get(0);
  }

  /** MINIMAL with extra top-level text appended. */
  static String minimalPlus(String extra) {
    return MINIMAL + extra;
  }

  @Test
  void minimalScenarioGetsDamonDefaults() {
    Scenario s = parse(MINIMAL);
    assertThat(s.name()).isEqualTo("minimal");
    assertThat(s.description()).isEmpty();
    assertThat(s.durationUs()).isEqualTo(60_000_000L);
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.replications()).isEqualTo(3);
    assertThat(s.variants()).containsExactly(
        Variant.NONE, Variant.HANDCRAFTED, Variant.PROXY, Variant.ML_ONLY, Variant.ORACLE);
    assertThat(s.outputStepUs()).isEqualTo(100_000L);
    assertThat(s.objective().lambda()).isEqualTo(1.0);
    // mainline DAMON: 5 ms sampling, 100 ms aggregation, 60 s ops update, 10..1000 regions
    assertThat(s.monitor()).isEqualTo(new MonitorSpec(5_000, 100_000, 60_000_000, 10, 1000));
    // DAMON_RECLAIM: min_age 120 s, quota 10 ms / 128 MiB per 1 s, wmarks 5 s, 500/400/200 ‰, weights 0/0/1
    assertThat(s.policy()).isEqualTo(new PolicySpec(120_000_000, 10_000, 134_217_728, 1_000_000,
        5_000_000, 500, 400, 200, 0, 0, 1, 100_000));
    assertThat(s.memory()).isEqualTo(new MemorySpec(1024, 4096, 1024, MemorySpec.Eviction.LRU,
        100, 50_000, 2_000, 10_000));
    assertThat(s.proxy()).isEqualTo(new ProxySpec(ProxySpec.Mode.ADAPTIVE,
        new ThresholdsSpec(100, 500, 50, 50, 10_000_000, 64, 2_000_000, 950, 10_000_000, 200, 500, 990),
        java.util.OptionalLong.empty()));
    assertThat(s.agent()).isEqualTo(new AgentSpec(AgentSpec.Model.LOGISTIC, 1_000_000, 10_000, 2_000,
        1_000, 30_000_000, 0.05, 0.0001, 600, 4096, null));
    assertThat(s.workload().ratePerSecond()).isEqualTo(1_000_000L);
    assertThat(s.workload().tickUs()).isEqualTo(5_000L);
    assertThat(s.workload().trace()).isEmpty();
    assertThat(s.workload().phases()).containsExactly(
        new PhaseSpec(0, List.of(new PhaseSpec.MixEntry(new PatternSpec.Uniform(0, 1), 1.0))));
    assertThat(s.faults()).isEmpty();
    assertThat(s.oracle()).isEqualTo(new OracleSpec(OptionalLong.empty(), true));
  }

  @Test
  void defaultsRecordsAgreeWithTheLoader() {
    Scenario s = parse(MINIMAL);
    assertThat(s.monitor()).isEqualTo(MonitorSpec.defaults());
    assertThat(s.policy()).isEqualTo(PolicySpec.defaults());
    assertThat(s.memory()).isEqualTo(MemorySpec.defaults(1024));
    assertThat(s.proxy()).isEqualTo(ProxySpec.defaults());
    assertThat(s.agent()).isEqualTo(AgentSpec.defaults());
    assertThat(s.objective()).isEqualTo(Objective.defaults());
    assertThat(s.oracle()).isEqualTo(OracleSpec.defaults());
  }

  /** Every field of MINIMAL's sections written out with the value the README documents. */
  static final String EXPLICIT =
        """
        name: minimal
        description: ""
        duration: 60s
        seed: 1
        replications: 3
        variants: [none, handcrafted, proxy, ml-only, oracle]
        output_step: 100ms
        objective:
          lambda: 1.0
        memory:
          pages: 1024
          page_size: 4KiB
          capacity: 100%
          eviction: lru
          hit_cost: 100ns
          fault_cost: 50us
          pageout_cost_per_page: 2us
          direct_reclaim_stall_per_page: 10us
        monitor:
          sampling: 5ms
          aggregation: 100ms
          ops_update: 1m
          min_regions: 10
          max_regions: 1000
        policy:
          min_age: 2m
          quota_ms: 10
          quota_size: 128MiB
          quota_reset_interval: 1s
          wmarks_interval: 5s
          wmarks_high: 500
          wmarks_mid: 400‰
          wmarks_low: 20%
          weight_sz: 0
          weight_nr_accesses: 0
          weight_age: 1
          apply_interval: 0.1s
        proxy:
          mode: adaptive
          feedback_window: auto
          thresholds:
            learning_share: 100permille
            collaboration_share: 500
            promote_margin: 50
            demote_margin: 5%
            window: 10s
            min_samples: 64
            min_dwell: 2000ms
            emergency_pressure: 950
            staleness_timeout: 10s
            max_reject_rate: 200
            min_confidence: 500
            confidence: 990
        agent:
          model: logistic
          period: 1s
          read_cost_per_kib: 10us
          train_cost_per_sample: 2000ns
          write_latency: 1ms
          horizon: 30s
          learning_rate: 0.05
          l2: 1e-4
          min_confidence: 600
          portion: 4KiB
        workload:
          rate: 1000/ms
          tick: 5ms
          phases:
            - at: 0s
              mix:
                - pattern: uniform
                  weight: 1
                  start: 0
                  length: 1
        faults: []
        oracle:
          horizon: auto
          same_quota: true
        """;

  @Test
  void everyDefaultSpelledOutGivesTheSameScenario() {
    // Round trip of the defaults: the explicit file and the minimal one describe the same run.
    assertThat(parse(EXPLICIT)).isEqualTo(parse(MINIMAL));
  }

  @Test
  void unknownKeyIsReportedWithTheClosestKnownKey() {
    ScenarioError e = onlyError(minimalPlus("monitor:\n  samplng: 5ms\n"));
    assertThat(e.field()).isEqualTo("monitor.samplng");
    assertThat(e.line()).isEqualTo(11);
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.message()).contains("unknown key", "did you mean 'sampling'?");
    assertThat(e.file()).isEqualTo(FILE);
  }

  @Test
  void unknownKeyFarFromAnyKnownKeyHasNoSuggestion() {
    ScenarioError e = onlyError(minimalPlus("colour: blue\n"));
    assertThat(e.field()).isEqualTo("colour");
    assertThat(e.message()).contains("unknown key").doesNotContain("did you mean");
  }

  @Test
  void wrongTypeNamesWhatWasExpected() {
    ScenarioError e = onlyError(minimalPlus("replications: [1, 2]\n"));
    assertThat(e.field()).isEqualTo("replications");
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.message()).contains("wrong type", "a list", "expected an integer between 1 and 1000");

    ScenarioError section = onlyError(minimalPlus("monitor: 5ms\n"));
    assertThat(section.field()).isEqualTo("monitor");
    assertThat(section.message()).contains("expected a mapping");

    ScenarioError word = onlyError(minimalPlus("seed: twelve\n"));
    assertThat(word.field()).isEqualTo("seed");
    assertThat(word.message()).contains("'twelve' is not an integer");
  }

  @Test
  void durationWithoutUnitIsAnError() {
    ScenarioError e = onlyError(MINIMAL.replace("duration: 1m", "duration: 5"));
    assertThat(e.field()).isEqualTo("duration");
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.column()).isEqualTo(11);
    assertThat(e.message()).contains("'5' has no unit", "expected a duration");
  }

  @Test
  void unknownUnitsAreErrors() {
    ScenarioError kg = onlyError(minimalPlus("monitor:\n  sampling: 5kg\n"));
    assertThat(kg.field()).isEqualTo("monitor.sampling");
    assertThat(kg.message()).contains("unknown duration unit 'kg'");

    ScenarioError decimalSize = onlyError(MINIMAL.replace("pages: 1024", "size: 64MB"));
    assertThat(decimalSize.field()).isEqualTo("memory.size");
    assertThat(decimalSize.message()).contains("unknown size unit 'MB'", "binary IEC");

    assertThat(onlyError(MINIMAL.replace("pages: 1024", "size: 64M")).message())
        .contains("unknown size unit 'M'");
    assertThat(onlyError(minimalPlus("policy:\n  wmarks_high: 50kg\n")).message())
        .contains("not a per-mille value");
  }

  @Test
  void durationFinerThanAMicrosecondIsAnErrorWhereTimeIsInMicroseconds() {
    ScenarioError e = onlyError(minimalPlus("monitor:\n  sampling: 1500ns\n"));
    assertThat(e.message()).contains("not a whole number of microseconds");
    // costs are kept in nanoseconds, so the same value is fine there
    assertThat(parse(MINIMAL.replace("pages: 1024", "pages: 1024\n  hit_cost: 1500ns"))
        .memory().hitCostNs()).isEqualTo(1500);
  }

  @Test
  void outOfRangeValuesAreErrors() {
    assertThat(onlyError(minimalPlus("replications: 0\n")).message())
        .contains("'0' is out of range", "between 1 and 1000");
    assertThat(onlyError(minimalPlus("replications: 1001\n")).field()).isEqualTo("replications");
    assertThat(onlyError(minimalPlus("seed: 0\n")).field()).isEqualTo("seed");
    assertThat(onlyError(minimalPlus("policy:\n  wmarks_high: 1001\n")).field()).isEqualTo("policy.wmarks_high");
    assertThat(onlyError(minimalPlus("monitor:\n  min_regions: 2\n")).message()).contains("between 3 and");
    assertThat(onlyError(minimalPlus("objective:\n  lambda: -0.5\n")).field()).isEqualTo("objective.lambda");
    ScenarioError pageSize = onlyError(MINIMAL.replace("pages: 1024", "pages: 1024\n  page_size: 3KiB"));
    assertThat(pageSize.field()).isEqualTo("memory.page_size");
    assertThat(pageSize.message()).contains("not a power of two");
    ScenarioError share = onlyError(MINIMAL.replace("pattern: uniform", "pattern: hotset\n          hot_share: 1.5"));
    assertThat(share.field()).isEqualTo("workload.phases[0].mix[0].hot_share");
    assertThat(share.message()).contains("out of range", "≤ 1");
    assertThat(onlyError(minimalPlus("monitor:\n  sampling: -5ms\n")).message()).contains("out of range");
  }

  @Test
  void missingRequiredFieldsAreReportedTogether() {
    List<ScenarioError> errors = errors("description: nothing else\n");
    assertThat(errors).extracting(ScenarioError::field)
        .containsExactlyInAnyOrder("name", "duration", "memory.pages", "workload.phases");
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("missing required"));
  }

  @Test
  void badNameIsAnError() {
    ScenarioError e = onlyError(MINIMAL.replace("name: minimal", "name: Has Spaces"));
    assertThat(e.field()).isEqualTo("name");
    assertThat(e.message()).contains("lower-case letters");
  }

  @Test
  void missingTraceFileIsAnError(@TempDir Path dir) throws IOException {
    Path scenario = dir.resolve("trace.yaml");
    Files.writeString(scenario, traceScenario("traces/missing.txt"));
    assertThatThrownBy(() -> ScenarioLoader.load(scenario))
        .isInstanceOf(ScenarioException.class)
        .satisfies(ex -> {
          ScenarioError e = ((ScenarioException) ex).errors().get(0);
          assertThat(((ScenarioException) ex).errors()).hasSize(1);
          assertThat(e.field()).isEqualTo("workload.trace.path");
          assertThat(e.line()).isEqualTo(8);
          assertThat(e.message()).contains(dir.resolve("traces/missing.txt").toString(), "does not exist");
        });
  }

  @Test
  void relativeTracePathIsResolvedAgainstTheScenarioFolder(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("traces"));
    Files.writeString(dir.resolve("traces/t.txt"), "0\n1\n");
    Path scenario = dir.resolve("trace.yaml");
    Files.writeString(scenario, traceScenario("traces/t.txt"));
    TraceSpec trace = ScenarioLoader.load(scenario).workload().trace().orElseThrow();
    assertThat(trace.path()).isEqualTo(dir.resolve("traces/t.txt").toAbsolutePath().normalize());
    assertThat(trace.format()).isEqualTo(TraceSpec.Format.PLAIN);
    assertThat(trace.addresses()).isEqualTo(TraceSpec.Addresses.PAGES);
    assertThat(trace.ratePerSecond()).isEqualTo(500_000L);
    assertThat(trace.pageSizeBytes()).isEqualTo(4096);
  }

  private static String traceScenario(String path) {
    return """
        name: traced
        duration: 1m
        memory:
          pages: 1024
        workload:
          rate: 500000/s
          trace:
            path: %s
            format: plain
            addresses: pages
        """.formatted(path);
  }

  @Test
  void plainTraceNeedsAddresses(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.txt"), "0\n");
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, traceScenario("t.txt").replace("    addresses: pages\n", ""));
    ScenarioException ex = (ScenarioException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ScenarioLoader.load(scenario));
    assertThat(ex.errors()).extracting(ScenarioError::field).containsExactly("workload.trace.addresses");
  }

  @Test
  void duplicateKeyNamesTheFirstOccurrence() {
    ScenarioError e = onlyError(MINIMAL.replace("duration: 1m", "duration: 1m\nduration: 2m"));
    assertThat(e.field()).isEqualTo("duration");
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.message()).contains("duplicate key", "line 2");

    ScenarioError variant = onlyError(minimalPlus("variants: [proxy, oracle, proxy]\n"));
    assertThat(variant.field()).isEqualTo("variants[2]");
    assertThat(variant.message()).contains("duplicate variant proxy");
  }

  @Test
  void exclusiveChoicesAreEnforced() {
    ScenarioError both = onlyError(MINIMAL.replace("pages: 1024", "pages: 1024\n  size: 4MiB"));
    assertThat(both.field()).isEqualTo("memory.size");
    assertThat(both.message()).contains("either pages or size");

    ScenarioError quota = onlyError(minimalPlus("policy:\n  quota_ms: 10\n  quota_time: 10ms\n"));
    assertThat(quota.field()).isEqualTo("policy.quota_time");

    ScenarioError workload = onlyError(MINIMAL + "  trace:\n    path: x\n    format: lackey\n");
    assertThat(workload.field()).isEqualTo("workload.trace");
    assertThat(workload.message()).contains("either phases or trace");

    ScenarioError forbidden = onlyError(minimalPlus(
        "faults:\n  - type: agent_crash\n    at: 10s\n    duration: 5s\n    factor: 3\n"));
    assertThat(forbidden.field()).isEqualTo("faults[0].factor");
    assertThat(forbidden.message()).contains("does not apply to fault type agent_crash");

    ScenarioError needed = onlyError(minimalPlus("faults:\n  - type: memory_pressure\n    at: 10s\n    duration: 5s\n"));
    assertThat(needed.field()).isEqualTo("faults[0].capacity");
    assertThat(needed.message()).contains("missing required");
  }

  @Test
  void crossFieldChecks() {
    ScenarioError agg = onlyError(minimalPlus("monitor:\n  sampling: 3ms\n"));
    assertThat(agg.field()).isEqualTo("monitor.aggregation");
    assertThat(agg.message()).contains("multiple of sampling (3ms)");

    assertThat(onlyError(minimalPlus("monitor:\n  min_regions: 20\n  max_regions: 15\n")).field())
        .isEqualTo("monitor.max_regions");
    assertThat(onlyError(minimalPlus("policy:\n  wmarks_mid: 600\n")).field()).isEqualTo("policy.wmarks_mid");
    assertThat(onlyError(minimalPlus("policy:\n  wmarks_low: 450\n")).field()).isEqualTo("policy.wmarks_low");
    assertThat(onlyError(minimalPlus("output_step: 150ms\n")).message()).contains("multiple of monitor.aggregation");
    assertThat(onlyError(minimalPlus("output_step: 2m\n")).message()).contains("longer than the scenario");

    // 1024 pages of 4 KiB: a node may hold up to ten times the address space (40 MiB)
    assertThat(ScenarioLoader.parse(MINIMAL.replace("pages: 1024", "pages: 1024\n  capacity: 8MiB"), FILE)
        .memory().capacityPages()).isEqualTo(2048);
    ScenarioError cap = onlyError(MINIMAL.replace("pages: 1024", "pages: 1024\n  capacity: 41MiB"));
    assertThat(cap.field()).isEqualTo("memory.capacity");
    assertThat(cap.message()).contains("too large", "40MiB");

    ScenarioError at = onlyError(minimalPlus("faults:\n  - type: agent_crash\n    at: 1m\n    duration: 1s\n"));
    assertThat(at.field()).isEqualTo("faults[0].at");
    assertThat(at.message()).contains("expected < duration 1m");

    ScenarioError phase = onlyError(minimalPlus("faults:\n  - type: workload_shift\n    at: 10s\n    to_phase: 1\n"));
    assertThat(phase.field()).isEqualTo("faults[0].to_phase");
    assertThat(phase.message()).contains("no phase 1");

    ScenarioError phaseAt = onlyError(MINIMAL + "    - at: 90s\n      mix:\n        - pattern: zipf\n");
    assertThat(phaseAt.field()).isEqualTo("workload.phases[1].at");

    ScenarioError firstAt = onlyError(MINIMAL.replace("- at: 0s", "- at: 1s"));
    assertThat(firstAt.message()).contains("expected 0s");

    ScenarioError range = onlyError(MINIMAL.replace("pattern: uniform", "pattern: scan\n          start: 0.5\n          length: 0.6"));
    assertThat(range.field()).isEqualTo("workload.phases[0].mix[0].length");

    ScenarioError tick = onlyError(MINIMAL.replace("workload:\n", "workload:\n  tick: 3ms\n"));
    assertThat(tick.field()).isEqualTo("workload.tick");

    ScenarioError regions = onlyError(MINIMAL.replace("pages: 1024", "pages: 5"));
    assertThat(regions.field()).isEqualTo("memory.pages");
    assertThat(regions.message()).contains("min_regions");

    ScenarioError share = onlyError(minimalPlus("proxy:\n  thresholds:\n    learning_share: 600\n"));
    assertThat(share.field()).isEqualTo("proxy.thresholds.learning_share");
  }

  @Test
  void patternParametersBelongToTheirPattern() {
    ScenarioError e = onlyError(MINIMAL.replace("pattern: uniform", "pattern: hotset\n          skew: 2"));
    assertThat(e.field()).isEqualTo("workload.phases[0].mix[0].skew");
    assertThat(e.message()).contains("unknown key");
    ScenarioError missing = onlyError(MINIMAL.replace("pattern: uniform", "pattern: growth"));
    assertThat(missing.field()).isEqualTo("workload.phases[0].mix[0].over");
  }

  @Test
  void severalErrorsAreReportedAtOnceInLineOrder() {
    String yaml =
        """
        name: several
        duration: 5
        replications: 0
        memory:
          pages: 1024
          eviction: fifo
        monitor:
          samplng: 5ms
        workload:
          phases:
            - at: 0s
              mix:
                - pattern: hotset
                  hot_share: 2
        """;
    List<ScenarioError> errors = errors(yaml);
    assertThat(errors).extracting(ScenarioError::line).containsExactly(2, 3, 6, 8, 14);
    assertThat(errors).extracting(ScenarioError::field).containsExactly(
        "duration", "replications", "memory.eviction", "monitor.samplng",
        "workload.phases[0].mix[0].hot_share");
    assertThat(errors.get(2).message()).contains("one of lru, clock");
    ScenarioException ex = (ScenarioException) org.assertj.core.api.Assertions.catchThrowable(() -> parse(yaml));
    assertThat(ex.getMessage()).startsWith("5 errors in scenario file:\n")
        .contains("test.yaml:2:11: duration: '5' has no unit");
  }

  @Test
  void yamlSyntaxErrorsHaveALine() {
    ScenarioError e = onlyError("name: x\nduration: [1m\nmemory: {pages: 1}\n");
    assertThat(e.field()).isEqualTo(ScenarioError.DOCUMENT);
    assertThat(e.message()).startsWith("invalid YAML");
    assertThat(e.line()).isGreaterThan(1);
    assertThat(onlyError("").message()).contains("empty");
    assertThat(onlyError("- a\n- b\n").message()).contains("expected a mapping");
  }

  @Test
  void missingOrUnreadableFileIsAScenarioError(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> ScenarioLoader.load(missing))
        .isInstanceOf(ScenarioException.class)
        .hasMessageContaining("nope.yaml:1:1: (document): cannot read the file: no such file");
    assertThatThrownBy(() -> ScenarioLoader.load(dir)).isInstanceOf(ScenarioException.class);
  }

  @Test
  void faultsAreRead() {
    Scenario s = parse(minimalPlus("""
        faults:
          - type: agent_slow
            at: 10s
            duration: 5s
          - type: corrupt_recommendations
            at: 20s
          - type: memory_pressure
            at: 30s
            duration: 10s
            capacity: 25%
          - type: workload_shift
            at: 40s
            to_phase: 0
        """));
    assertThat(s.faults()).containsExactly(
        new FaultSpec(FaultSpec.Type.AGENT_SLOW, 10_000_000, 5_000_000, 10, 0, 0, -1),
        new FaultSpec(FaultSpec.Type.CORRUPT_RECOMMENDATIONS, 20_000_000, 0, 1, 3, 0, -1),
        new FaultSpec(FaultSpec.Type.MEMORY_PRESSURE, 30_000_000, 10_000_000, 1, 0, 256, -1),
        new FaultSpec(FaultSpec.Type.WORKLOAD_SHIFT, 40_000_000, 0, 1, 0, 0, 0));
  }

  @Test
  void thresholdsFragmentInBothForms(@TempDir Path dir) throws IOException {
    Path wrapped = dir.resolve("wrapped.yaml");
    Files.writeString(wrapped, "thresholds:\n  window: 20s\n  min_samples: 32\n");
    Path bare = dir.resolve("bare.yaml");
    Files.writeString(bare, "window: 20s\nmin_samples: 32\n");
    ThresholdsSpec expected =
        new ThresholdsSpec(100, 500, 50, 50, 20_000_000, 32, 2_000_000, 950, 10_000_000, 200, 500, 990);
    assertThat(ScenarioLoader.loadThresholdsFragment(wrapped)).isEqualTo(expected);
    assertThat(ScenarioLoader.loadThresholdsFragment(bare)).isEqualTo(expected);

    ScenarioException ex = (ScenarioException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ScenarioLoader.parseThresholdsFragment("thresholds:\n  windw: 1s\n", FILE));
    assertThat(ex.errors()).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("thresholds.windw");
      assertThat(e.message()).contains("did you mean 'window'");
    });
    ScenarioException ms = (ScenarioException) org.assertj.core.api.Assertions.catchThrowable(
        () -> ScenarioLoader.parseThresholdsFragment("window: 1500us\n", FILE));
    assertThat(ms.errors().get(0).message()).contains("whole number of milliseconds");
  }

  @Test
  void everyShippedScenarioLoads() throws IOException {
    Path dir = Path.of("..", "scenarios");
    List<Path> files;
    try (var stream = Files.list(dir)) {
      files = stream.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Scenario s = ScenarioLoader.load(f);
      assertThat(f.getFileName().toString()).isEqualTo(s.name() + ".yaml");
    }
  }

  @Test
  void shiftingHotsetHasThreePhases() {
    Scenario s = ScenarioLoader.load(Path.of("src", "test", "resources", "scenarios", "example-shifting-hotset.yaml"));
    assertThat(s.durationUs()).isEqualTo(300_000_000L);
    assertThat(s.memory().pages()).isEqualTo(16384);
    assertThat(s.memory().capacityPages()).isEqualTo(12288);
    assertThat(s.workload().phases()).extracting(PhaseSpec::atUs)
        .containsExactly(0L, 100_000_000L, 200_000_000L);
    assertThat(s.workload().phases().get(1).mix().get(1))
        .isEqualTo(new PhaseSpec.MixEntry(new PatternSpec.Scan(1, true, 0.8, 0.2), 0.1));
    assertThat(s.workload().phases().get(2).mix().get(0).pattern())
        .isEqualTo(new PatternSpec.Zipf(1.1, true));
  }

  @Test
  void staticHotColdIs64MiB() {
    Scenario s = ScenarioLoader.load(Path.of("src", "test", "resources", "scenarios", "example-static-hot-cold.yaml"));
    assertThat(s.memory().pages()).isEqualTo(64 * 256);
    assertThat(s.policy().minAgeUs()).isEqualTo(30_000_000L);
    assertThat(s.workload().phases()).singleElement()
        .extracting(p -> p.mix().get(0).pattern()).isEqualTo(new PatternSpec.Hotset(0.2, 0.9, 0, 0));
  }

  @Test
  void traceChecks(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.txt"), "0\n");
    Path scenario = dir.resolve("s.yaml");
    Files.writeString(scenario, traceScenario("t.txt").replace("format: plain", "format: lackey"));
    assertThat(errorsOf(scenario)).extracting(ScenarioError::field).containsExactly("workload.trace.addresses");

    Files.writeString(scenario, traceScenario("t.txt") + "    time: column\n");
    assertThat(errorsOf(scenario)).extracting(ScenarioError::field).containsExactly("workload.trace.time");

    Files.writeString(scenario, traceScenario("t.txt").replace("format: plain", "format: csv")
        + "    time: column\n    rate: 10/s\n");
    assertThat(errorsOf(scenario)).extracting(ScenarioError::field).containsExactly("workload.trace.rate");

    Files.writeString(scenario, traceScenario("t.txt").replace("500000/s", "0.5/s"));
    assertThat(errorsOf(scenario)).singleElement().satisfies(e -> {
      assertThat(e.field()).isEqualTo("workload.rate");
      assertThat(e.message()).contains("out of range");
    });

    Files.writeString(scenario, traceScenario("."));
    assertThat(errorsOf(scenario)).singleElement().satisfies(e ->
        assertThat(e.message()).contains("is not a readable file"));
  }

  private static List<ScenarioError> errorsOf(Path file) {
    try {
      ScenarioLoader.load(file);
    } catch (ScenarioException e) {
      return e.errors();
    }
    throw new AssertionError("expected errors in " + file);
  }

  @Test
  void oracleHorizonIsAutoOrADuration() {
    assertThat(parse(minimalPlus("oracle:\n  horizon: 90s\n")).oracle().horizonUs())
        .isEqualTo(OptionalLong.of(90_000_000));
    ScenarioError e = onlyError(minimalPlus("oracle:\n  horizon: automatic\n"));
    assertThat(e.field()).isEqualTo("oracle.horizon");
    assertThat(e.message()).contains("expected auto or a duration");
  }

  @Test
  void aSectionOfTheWrongShapeIsOneError() {
    ScenarioError e = onlyError(MINIMAL.replace("memory:\n  pages: 1024", "memory: 64MiB"));
    assertThat(e.field()).isEqualTo("memory");
    assertThat(e.line()).isEqualTo(3);
    assertThat(onlyError(MINIMAL.replace("phases:\n", "phases: {}\n").replaceAll("(?s)\\n    - at.*", "\n"))
        .field()).isEqualTo("workload.phases");
  }

  @Test
  void quotaInMillisecondsOrAsADuration() {
    assertThat(parse(minimalPlus("policy:\n  quota_ms: 25\n")).policy().quotaTimeUs()).isEqualTo(25_000);
    assertThat(parse(minimalPlus("policy:\n  quota_time: 2ms\n")).policy().quotaTimeUs()).isEqualTo(2_000);
    // DAMOS counts the time quota in whole milliseconds: 1.5ms would silently become 1 ms
    assertThat(onlyError(minimalPlus("policy:\n  quota_time: 1.5ms\n")).message())
        .contains("not a whole number of milliseconds");
    MemorySpec huge = parse(MINIMAL.replace("pages: 1024", "size: 64MiB\n  page_size: 2MiB\n  capacity: 48MiB"))
        .memory();
    assertThat(huge.pages()).isEqualTo(32);
    assertThat(huge.capacityPages()).isEqualTo(24);
    assertThat(onlyError(MINIMAL.replace("pages: 1024", "size: 64MiB\n  page_size: 2MiB\n  capacity: 3MiB"))
        .message()).contains("not a whole number of pages");
  }
}
