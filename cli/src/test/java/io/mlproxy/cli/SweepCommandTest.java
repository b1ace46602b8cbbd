package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** workbench sweep: problems all at once, the folder it writes, and the same answers as run. */
class SweepCommandTest extends CliTestSupport {

  @TempDir Path tmp;

  private Path tiny() throws IOException {
    Path file = tmp.resolve("cli-tiny.yaml");
    Files.writeString(file, RunCommandTest.TINY.replace("replications: 1", "replications: 2"));
    return file;
  }

  @Test
  void everyProblemOfEveryParamAndPointIsReportedAtOnceAndNothingIsWritten() throws IOException {
    Path file = tiny();
    Path out = tmp.resolve("sweeps");
    int code = run("sweep", file.toString(), "--out", out.toString(),
        "--param", "memory.capacity=2000%,50%,4KB",
        "--param", "policy.min_agee=5s",
        "--param", "seed=3",
        "--param", "proxy.feedback_window=1s,10s",
        "--param", "oracle.same_quota");
    assertThat(code).isEqualTo(1);
    String e = err.toString();
    assertThat(e).contains("--param memory.capacity=2000%: memory.capacity: '2000%' is out of range");
    assertThat(e).contains("--param memory.capacity=4KB: memory.capacity:");
    assertThat(e).doesNotContain("memory.capacity=50%:");
    assertThat(e).contains("--param policy.min_agee=5s: policy.min_agee: unknown field (did you mean 'policy.min_age'?)");
    assertThat(e).contains("--param seed=3: seed: cannot be swept");
    assertThat(e).contains("--param 'oracle.same_quota': no '='");
    assertThat(out).doesNotExist();
    // values valid one by one, but a point the scenario does not accept: named with its point
    err.getBuffer().setLength(0);
    code = run("sweep", file.toString(), "--out", out.toString(), "--param", "proxy.feedback_window=1s,10s",
        "--param", "objective.lambda=1,1000");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("point cli-tiny-p01 (proxy.feedback_window=1s, objective.lambda=1)",
        "proxy.feedback_window: ", "does not exceed the break-even time");
    assertThat(err.toString()).contains("point cli-tiny-p04 (proxy.feedback_window=10s, objective.lambda=1000)")
        .doesNotContain("cli-tiny-p03");
    assertThat(out).doesNotExist();
  }

  @Test
  void writesEveryPointTheCsvAndTheReportAndAPointEqualsItsRun() throws IOException {
    Path file = tiny();
    Path out = tmp.resolve("sweeps");
    int code = run("sweep", file.toString(), "--out", out.toString(), "--jobs", "2",
        "--param", "memory.capacity=50%,100%", "--variants", "handcrafted,proxy");
    assertThat(code).as(err.toString()).isZero();
    Path sweep = out.resolve("cli-tiny");
    List<String> csv = Files.readAllLines(sweep.resolve("sweep.csv"));
    assertThat(csv.get(0)).startsWith("point,memory.capacity,scenario,variant,replications,saving_mean,saving_ci95,");
    assertThat(csv).hasSize(1 + 2 * 2);
    assertThat(csv.get(1)).startsWith("cli-tiny-p01,50%,cli-tiny-p01,handcrafted,2,");
    assertThat(csv.get(4)).startsWith("cli-tiny-p02,100%,cli-tiny-p02,proxy,2,");
    assertThat(sweep.resolve("points/cli-tiny-p01/report.html")).isRegularFile();
    assertThat(sweep.resolve("points/cli-tiny-p02/proxy/rep-2/timeseries.csv")).isRegularFile();
    assertThat(sweep.resolve("points/index.html")).isRegularFile();
    assertThat(Files.readString(sweep.resolve("sweep.properties"))).contains("param.memory.capacity=50%,100%",
        "points=2", "seed=1");
    String html = Files.readString(sweep.resolve("sweep.html"));
    // one chart against memory.capacity and the Pareto view
    assertThat(html.split("<svg", -1)).hasSize(3);
    assertThat(html).contains("Score, saving and slowdown against memory.capacity", "points/cli-tiny-p02/report.html");
    assertThat(out.toFile().list()).containsExactlyInAnyOrder(".workbench.lock", "cli-tiny");

    // the point at 50% is the scenario run with capacity 50%: the same seeds, the same bytes
    Path edited = tmp.resolve("cli-tiny-p01.yaml");
    Files.writeString(edited, RunCommandTest.TINY.replace("replications: 1", "replications: 2")
        .replace("name: cli-tiny", "name: cli-tiny-p01").replace("capacity: 125%", "capacity: 50%"));
    assertThat(run("run", edited.toString(), "--out", tmp.resolve("runs").toString(), "--variants",
        "handcrafted,proxy", "--quiet")).as(err.toString()).isZero();
    for (String f : List.of("summary.csv", "replications.csv", "events.csv", "proxy/rep-1/timeseries.csv",
        "handcrafted/rep-2/timeseries.csv", "proxy/rep-1/heatmap.csv")) {
      assertThat(Files.readString(sweep.resolve("points/cli-tiny-p01").resolve(f)))
          .as(f).isEqualTo(Files.readString(tmp.resolve("runs/cli-tiny-p01").resolve(f)));
    }

    // and the sweep does not depend on --jobs
    assertThat(run("sweep", file.toString(), "--out", tmp.resolve("one").toString(), "--jobs", "1",
        "--param", "memory.capacity=50%,100%", "--variants", "handcrafted,proxy", "--quiet")).isZero();
    assertThat(Files.readString(tmp.resolve("one/cli-tiny/sweep.csv"))).isEqualTo(String.join("\n", csv) + "\n");
  }

  @Test
  void aSecondSweepReplacesTheFirstInOneStep() throws IOException {
    Path file = tiny();
    Path out = tmp.resolve("sweeps");
    assertThat(run("sweep", file.toString(), "--out", out.toString(), "--replications", "1", "--quiet",
        "--param", "policy.min_age=1s,2s,3s", "--variants", "handcrafted")).as(err.toString()).isZero();
    assertThat(out.resolve("cli-tiny/points/cli-tiny-p03")).isDirectory();
    assertThat(run("sweep", file.toString(), "--out", out.toString(), "--replications", "1", "--quiet",
        "--param", "policy.min_age=1s,2s", "--variants", "handcrafted")).as(err.toString()).isZero();
    assertThat(out.resolve("cli-tiny/points/cli-tiny-p03")).doesNotExist();
    assertThat(Files.readAllLines(out.resolve("cli-tiny/sweep.csv"))).hasSize(3);
  }
}
