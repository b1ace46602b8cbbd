package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.ThresholdsSpec;
import io.mlproxy.tune.Tuner;
import io.mlproxy.tune.TuningLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuneCommandTest extends CliTestSupport {

  /** A 10-second, 512-page scenario: a fraction of a second per evaluation. */
  private static final String TINY =
      """
      name: tiny
      duration: 10s
      seed: 3
      replications: 2
      variants: [handcrafted, proxy]
      memory:
        size: 2MiB
        capacity: 100%
      policy:
        min_age: 3s
        wmarks_high: 1000‰
        wmarks_mid: 1000‰
        wmarks_low: 0‰
      proxy:
        feedback_window: 10s
      agent:
        period: 1s
        horizon: 3s
      workload:
        rate: 50000/s
        phases:
          - at: 0s
            mix:
              - pattern: hotset
                hot_fraction: 0.2
                hot_share: 0.9995
      """;


  @TempDir Path dir;

  @Test
  void tunesWritesTheFilesAndRunAcceptsTheFragment() throws IOException {
    Path scenario = dir.resolve("tiny.yaml");
    Files.writeString(scenario, TINY);
    Path tuning = dir.resolve("tuning");
    int code = run("tune", scenario.toString(), "--budget", "3", "--method", "random", "--jobs", "2",
        "--seed", "4", "--out", tuning.toString(), "--quiet");
    assertThat(code).as(err.toString()).isZero();
    assertThat(TuningLog.read(tuning.resolve(Tuner.LOG_FILE))).hasSize(3);
    assertThat(tuning.resolve("tuning.html")).exists();
    assertThat(out.toString()).contains("random: 3 evaluations").contains("held-out seeds");
    ThresholdsSpec best = ScenarioLoader.loadThresholdsFragment(tuning.resolve(Tuner.BEST_FILE));

    Path results = dir.resolve("results");
    code = run("run", scenario.toString(), "--thresholds", tuning.resolve(Tuner.BEST_FILE).toString(),
        "--replications", "1", "--out", results.toString(), "--quiet");
    assertThat(code).as(err.toString()).isZero();
    String props = Files.readString(results.resolve("tiny").resolve("run.properties"));
    assertThat(props).contains("param.thresholds.learning_share=" + best.learningSharePermille())
        .contains("param.thresholds.window=" + best.windowUs() / 1000 + " ms");
  }

  @Test
  void resumeWithoutTheFlagIsRefusedAndBadOptionsAreUsageErrors() throws IOException {
    Path scenario = dir.resolve("tiny.yaml");
    Files.writeString(scenario, TINY);
    Path tuning = dir.resolve("t");
    assertThat(run("tune", scenario.toString(), "--budget", "1", "--out", tuning.toString(), "--quiet")).isZero();
    assertThat(run("tune", scenario.toString(), "--budget", "2", "--out", tuning.toString(), "--quiet"))
        .isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("--resume");
    assertThat(run("tune", scenario.toString(), "--budget", "2", "--resume", "--out", tuning.toString(), "--quiet"))
        .isZero();
    assertThat(TuningLog.read(tuning.resolve(Tuner.LOG_FILE))).hasSize(2);
    assertThat(run("tune", scenario.toString(), "--method", "simplex")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(run("tune", scenario.toString(), "--budget", "0")).isEqualTo(Workbench.EXIT_USAGE);
  }

  @Test
  void runRejectsABadThresholdsFile() throws IOException {
    Path scenario = dir.resolve("tiny.yaml");
    Files.writeString(scenario, TINY);
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "thresholds:\n  window: 1500us\n");
    assertThat(run("run", scenario.toString(), "--thresholds", bad.toString(), "--out", dir.resolve("r").toString()))
        .isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("window");
  }
}
