package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest extends CliTestSupport {

  @TempDir Path tmp;


  @Test
  void quickCommandAsksForGcProfileJsonAndShortIterations() {
    Path json = Path.of("/r/bench/jmh-1.json");
    List<String> c = BenchCommand.command("java", Path.of("/b.jar"), "Replay", true, json);
    assertThat(c)
        .containsSubsequence("java", "-jar", "/b.jar", "Replay", "-prof", "gc", "-rf", "json", "-rff", "/r/bench/jmh-1.json")
        .containsSubsequence("-f", "1", "-wi", "1", "-i", "2", "-w", "500ms", "-r", "500ms");
  }

  @Test
  void fullCommandRunsEverythingWithTheBenchmarksOwnSettings() {
    List<String> c = BenchCommand.command("java", Path.of("/b.jar"), null, false, Path.of("/o.json"));
    assertThat(c).containsExactly("java", "-jar", "/b.jar", "-prof", "gc", "-rf", "json", "-rff", "/o.json");
  }

  @Test
  void missingJarFailsAndSaysHowToBuildIt() {
    int code = run("bench", "--jar", tmp.resolve("nope.jar").toString(), "--out", tmp.toString());
    assertThat(code).isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("not found").contains("mvn -B -DskipTests package");
  }

  @Test
  void failingJmhIsExitCodeOne() throws IOException {
    Path broken = Files.writeString(tmp.resolve("broken.jar"), "not a jar");
    int code = run("bench", "--jar", broken.toString(), "--out", tmp.toString());
    assertThat(code).isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("JMH exited with code");
  }

  @Test
  void runsTheRealJarAndLeavesJsonUnderOutBench() throws IOException {
    Path jar = Path.of("").toAbsolutePath().getParent().resolve(BenchCommand.JAR_IN_REPO);
    assumeTrue(Files.isRegularFile(jar), "benchmarks jar not built: " + jar);
    int code =
        run("bench", "MonitorAggregationBenchmark.sample", "--quick", "--jar", jar.toString(), "--out", tmp.toString());
    assertThat(code).as(err.toString()).isZero();
    List<Path> results;
    try (Stream<Path> s = Files.list(tmp.resolve("bench"))) {
      results = s.toList();
    }
    assertThat(results).singleElement().satisfies(p -> assertThat(p.getFileName().toString()).matches("jmh-\\d{8}-\\d{6}\\.json"));
    String json = Files.readString(results.get(0));
    assertThat(json).contains("io.mlproxy.bench.MonitorAggregationBenchmark.sample").contains("gc.alloc.rate.norm");
    assertThat(out.toString()).contains("Result \"io.mlproxy.bench.MonitorAggregationBenchmark.sample\"");
  }
}
