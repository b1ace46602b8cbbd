package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest extends CliTestSupport {

  static final String TINY =
      """
      name: cli-tiny
      duration: 5s
      replications: 1
      memory: {pages: 256, capacity: 125%}
      policy: {min_age: 2s, wmarks_high: 1000, wmarks_mid: 1000, wmarks_low: 0}
      proxy: {feedback_window: 10s}
      workload:
        rate: 50000/s
        phases:
          - at: 0s
            mix: [{pattern: hotset, hot_fraction: 0.25, hot_share: 1.0}]
      """;

  @TempDir Path tmp;

  @Test
  void runsAScenarioWritesItsFilesAndPrintsTheSummary() throws IOException {
    Path file = tmp.resolve("cli-tiny.yaml");
    Files.writeString(file, TINY);
    Path results = tmp.resolve("results");
    int code = run("run", file.toString(), "--out", results.toString(), "--jobs", "2", "--variants", "handcrafted,proxy");
    assertThat(code).as(err.toString()).isZero();
    Path folder = results.resolve("cli-tiny");
    assertThat(folder.resolve("summary.csv")).isRegularFile();
    assertThat(Files.readAllLines(folder.resolve("summary.csv"))).hasSize(3);
    assertThat(folder.resolve("proxy/rep-1/timeseries.csv")).isRegularFile();
    assertThat(folder.resolve("none")).doesNotExist();
    assertThat(out.toString()).contains("cli-tiny", "handcrafted", "proxy", "report.html");
    assertThat(folder.resolve("report.html")).isRegularFile();
    assertThat(results.resolve("index.html")).isRegularFile();
  }

  @Test
  void anInvalidScenarioFailsWithItsErrorsAndExitCodeOne() throws IOException {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, TINY.replace("duration: 5s", "duration: 5"));
    assertThat(run("run", file.toString(), "--out", tmp.resolve("r").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("bad.yaml:2:", "duration");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void usageErrorsExitWithTwo() throws IOException {
    Path file = tmp.resolve("cli-tiny.yaml");
    Files.writeString(file, TINY);
    assertThat(run("run", file.toString(), "--variants", "proxy,bogus")).isEqualTo(2);
    assertThat(err.toString()).contains("bogus");
    assertThat(run("run", file.toString(), "--jobs", "0")).isEqualTo(2);
    assertThat(run("run")).isEqualTo(2);
  }
}
