package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * A scenario written by {@link ScenarioYaml} loads back equal: for every shipped scenario, and
 * for shipped scenarios with fields set to values at and within their bounds (what a cluster
 * member receives is what the submitter ran).
 */
class ScenarioYamlTest {

  static List<Path> shipped() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static void roundTrips(Scenario s, Path name) {
    String yaml = ScenarioYaml.write(s);
    Scenario back = ScenarioLoader.parse(yaml, name);
    assertThat(back).as(yaml).isEqualTo(s);
    assertThat(ScenarioYaml.write(back)).isEqualTo(yaml);
  }

  @Test
  void everyShippedScenarioRoundTrips() throws IOException {
    List<Path> files = shipped();
    assertThat(files).hasSizeGreaterThanOrEqualTo(8);
    for (Path f : files) {
      roundTrips(ScenarioLoader.load(f), f);
    }
  }

  @Test
  void faultsTracesAndOddTextRoundTrip() {
    String text = """
        name: odd
        description: "émoji 🙂, quotes ' \\" and: colons\\n  a second line\\t# not a comment"
        duration: 90s
        memory: {pages: 1000, capacity: 37.5%, eviction: clock, hit_cost: 150ns}
        monitor: {sampling: 2ms, aggregation: 50ms}
        objective: {lambda: 0.000123}
        proxy: {mode: learning, feedback_window: 20s}
        oracle: {horizon: 7s, same_quota: false}
        agent: {model: kmeans, learning_rate: 1e-3, l2: 0}
        workload:
          rate: 1234/s
          phases:
            - at: 0s
              mix:
                - {pattern: hotset, drift: -3.5/s, position: 0.1}
                - {pattern: zipf, skew: 0.99, scrambled: false}
                - {pattern: growth, from: 0.2, to: 0.9, over: 30s}
                - {pattern: periodic, period: 10s, start: 0.5, length: 0.5}
            - at: 40s
              mix: [{pattern: scan, stride: 3, looping: true, start: 0.1, length: 0.3}]
        faults:
          - {type: agent_slow, at: 5s, duration: 5s, factor: 2.5}
          - {type: corrupt_recommendations, at: 6s, count: 4}
          - {type: memory_pressure, at: 7s, duration: 1s, capacity: 25%}
          - {type: workload_shift, at: 8s, to_phase: 1}
          - {type: agent_crash, at: 9s, duration: 2s}
        """;
    roundTrips(ScenarioLoader.parse(text, Path.of("odd.yaml")), Path.of("odd.yaml"));
  }

  @Test
  void theTracePathCanBeReplaced() throws IOException {
    Path file = Path.of("..", "scenarios", "trace-replay.yaml");
    Scenario s = ScenarioLoader.load(file);
    Path copy = Files.createTempFile("trace", ".lackey.gz");
    try {
      Files.copy(s.workload().trace().orElseThrow().path(), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Scenario back = ScenarioLoader.parse(ScenarioYaml.write(s, copy), file);
      assertThat(back.workload().trace().orElseThrow().path()).isEqualTo(copy);
      assertThat(back.workload().trace().orElseThrow().format()).isEqualTo(s.workload().trace().orElseThrow().format());
      assertThat(back.memory()).isEqualTo(s.memory());
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** A shipped scenario with some scalar fields set to values drawn around their bounds. */
  @Provide
  Arbitrary<Map<String, String>> edits() {
    Map<String, Arbitrary<String>> values = new LinkedHashMap<>();
    values.put("objective.lambda", Arbitraries.doubles().between(0, 1e6).ofScale(6).map(Object::toString));
    values.put("memory.capacity", Arbitraries.integers().between(1, 1000).map(p -> p + "%"));
    values.put("memory.hit_cost", Arbitraries.integers().between(1, 1_000_000).map(n -> n + "ns"));
    values.put("memory.fault_cost", Arbitraries.integers().between(0, 1_000_000).map(n -> n + "us"));
    values.put("memory.eviction", Arbitraries.of("lru", "clock"));
    values.put("policy.min_age", Arbitraries.longs().between(0, 600_000).map(n -> n + "ms"));
    values.put("policy.quota_size", Arbitraries.integers().between(0, 1 << 20).map(n -> n + "KiB"));
    values.put("proxy.thresholds.learning_share", Arbitraries.integers().between(0, 500).map(Object::toString));
    values.put("proxy.thresholds.promote_margin", Arbitraries.integers().between(0, 1000).map(p -> p + "‰"));
    values.put("proxy.thresholds.window", Arbitraries.integers().between(1, 86_400).map(n -> n + "s"));
    values.put("proxy.feedback_window", Arbitraries.of("auto", "40s", "1h"));
    values.put("agent.learning_rate", Arbitraries.doubles().between(1e-9, 100).ofScale(12).map(Object::toString));
    values.put("agent.period", Arbitraries.integers().between(1, 10_000).map(n -> n + "ms"));
    values.put("workload.rate", Arbitraries.integers().between(1, 200_000).map(n -> n + "/s"));
    values.put("oracle.horizon", Arbitraries.of("auto", "1s", "90s"));
    values.put("oracle.same_quota", Arbitraries.of("true", "false"));
    List<Arbitrary<Optional<Map.Entry<String, String>>>> parts = new ArrayList<>();
    values.forEach((k, v) -> parts.add(v.map(x -> Map.entry(k, x)).optional(0.3)));
    return Combinators.combine(parts).as(list -> {
      Map<String, String> m = new LinkedHashMap<>();
      list.forEach(o -> o.ifPresent(e -> m.put(e.getKey(), e.getValue())));
      return m;
    });
  }

  @Property(tries = 150)
  void editedScenariosRoundTrip(@ForAll("edits") Map<String, String> edits,
      @ForAll("files") Path file) throws IOException {
    String text = Files.readString(file);
    Scenario s;
    try {
      s = ScenarioLoader.parse(ScenarioEdit.apply(text, edits), file);
    } catch (ScenarioException crossFieldCheck) {
      return; // an edit the scenario does not accept (a window shorter than B, say) is not a scenario
    }
    roundTrips(s, file);
  }

  @Provide
  Arbitrary<Path> files() throws IOException {
    return Arbitraries.of(shipped().stream().filter(p -> !p.toString().contains("external")).toList());
  }
}
