package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Python reference agent as an outside process: deterministic, and the built-in model's twin. */
class ExternalAgentRunTest {

  static final String REFERENCE =
      "  model: external\n  command: [python3, ../agents/python/reference_agent.py]\n  horizon: 8s\n";

  @TempDir Path tmp;

  private static Map<String, byte[]> files(Path dir, String suffix) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(suffix)).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void sameSeedGivesByteIdenticalCsvsWithAnExternalAgentWhateverTheJobs() throws IOException {
    Scenario s = TinyScenario.withAgent(30, REFERENCE, "variants: [none, proxy, ml-only]\n");
    Path a = ExperimentRunner.run(s, "x", tmp.resolve("a"), TinyScenario.options(1)).folder();
    Path b = ExperimentRunner.run(s, "x", tmp.resolve("b"), TinyScenario.options(2)).folder();
    Map<String, byte[]> csvA = files(a, ".csv");
    Map<String, byte[]> csvB = files(b, ".csv");
    assertThat(csvA.keySet()).contains("proxy/rep-1/timeseries.csv", "ml-only/rep-2/timeseries.csv")
        .isEqualTo(csvB.keySet());
    csvA.forEach((name, bytes) -> assertThat(csvB.get(name)).as(name).isEqualTo(bytes));
    // one agent.log per run of a variant with an agent
    assertThat(files(a, "agent.log").keySet()).containsExactlyInAnyOrder(
        "proxy/rep-1/agent.log", "proxy/rep-2/agent.log", "ml-only/rep-1/agent.log", "ml-only/rep-2/agent.log");
    assertThat(Files.readString(a.resolve("proxy/rep-1/agent.log")))
        .contains("handshake done: agent 'reference_agent.py").contains("processes_started=1");
  }

  @Test
  void theReferenceAgentTakesTheSameDecisionsAsTheBuiltInModel() throws IOException {
    // long enough for labels (8 s horizon) and feedback (10 s window) to train both models
    String variants = "variants: [none, proxy, ml-only]\n";
    Path builtIn = ExperimentRunner.run(TinyScenario.withAgent(40, "  horizon: 8s\n", variants), "x",
        tmp.resolve("builtin"), TinyScenario.options(2)).folder();
    Path external = ExperimentRunner.run(TinyScenario.withAgent(40, REFERENCE, variants), "x",
        tmp.resolve("external"), TinyScenario.options(2)).folder();
    Map<String, byte[]> b = files(builtIn, ".csv");
    Map<String, byte[]> e = files(external, ".csv");
    assertThat(e.keySet()).isEqualTo(b.keySet());
    b.forEach((name, bytes) -> assertThat(new String(e.get(name))).as(name).isEqualTo(new String(bytes)));
  }
}
