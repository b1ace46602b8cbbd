package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 15's "results lost" reproducers, through the command. */
class ResultsNeverLostTest extends CliTestSupport {

  @TempDir Path tmp;

  /** A command run of its own, with its own output (for runs in parallel). */
  private record Run(int code, String out, String err) {}

  private static Run runAlone(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    CommandLine cl = Workbench.commandLine();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    int code = cl.execute(args);
    return new Run(code, o.toString(), e.toString());
  }

  private Path scenario(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static List<String> hidden(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).sorted().toList();
    }
  }

  private static void assertComplete(Path folder) {
    for (String f : List.of("summary.csv", "replications.csv", "events.csv", "run.properties", "scenario.yaml",
        "report.html", "proxy/rep-1/timeseries.csv")) {
      assertThat(folder.resolve(f)).as(f).isRegularFile();
    }
  }

  @Test
  void twoRunsIntoOneFolderAtOnce() throws Exception {
    Path file = scenario("cli-tiny.yaml", RunCommandTest.TINY);
    Path slow = scenario("slow.yaml", RunCommandTest.TINY.replace("duration: 5s", "duration: 30s"));
    Path out = tmp.resolve("results");
    assertThat(run("run", file.toString(), "--out", out.toString(), "--jobs", "1", "--quiet")).isZero();
    String before = Files.readString(out.resolve("cli-tiny/replications.csv"));
    Path lock = out.resolve(".workbench.lock");
    CompletableFuture<Run> first = CompletableFuture.supplyAsync(() -> runAlone("run", slow.toString(),
        "--out", out.toString(), "--jobs", "1", "--quiet", "--seed", "7"));
    // the first run holds the folder as soon as the lock names it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Files.size(lock) == 0 && !first.isDone() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(first).isNotDone();
    Run second = runAlone("run", file.toString(), "--out", out.toString(), "--jobs", "1", "--quiet", "--seed", "9");
    assertThat(second.code()).isEqualTo(1);
    assertThat(second.err()).contains("results folder", "is in use by another run in this process: pid",
        "(workbench run cli-tiny)", "--wait");
    // meanwhile the complete earlier results are untouched
    assertThat(Files.readString(out.resolve("cli-tiny/replications.csv"))).isEqualTo(before);
    Run waiting = runAlone("run", file.toString(), "--out", out.toString(), "--jobs", "1", "--quiet", "--seed", "9",
        "--wait");
    assertThat(waiting.code()).as(waiting.err()).isZero();
    assertThat(waiting.err()).contains("waiting for results folder");
    assertThat(first.get(120, TimeUnit.SECONDS).code()).isZero();
    // the run that waited came last: its seed's results are the folder's, complete
    assertComplete(out.resolve("cli-tiny"));
    assertThat(Files.readString(out.resolve("cli-tiny/replications.csv")))
        .contains(",1," + io.mlproxy.engine.SeedPlan.replicationSeed(9, 1) + ",");
    assertThat(hidden(out)).containsExactly(".workbench.lock");
    assertThat(Files.readString(out.resolve("index.html"))).contains("cli-tiny/report.html");
  }

  @Test
  void whatAKilledRunLeftIsClearedAndTheReportAndIndexComeWithTheSwap() throws IOException {
    Path file = scenario("cli-tiny.yaml", RunCommandTest.TINY);
    Path out = tmp.resolve("results");
    // killed while writing, and killed just after a swap of the former two-rename kind
    Files.createDirectories(out.resolve(".cli-tiny.writing-99-abc/proxy"));
    Files.createDirectories(out.resolve(".cli-tiny.old"));
    Files.writeString(out.resolve(".cli-tiny.old/summary.csv"), "old");
    Files.writeString(out.resolve(".index.html.99.1.tmp"), "half an index");
    assertThat(run("run", file.toString(), "--out", out.toString(), "--jobs", "2", "--quiet")).as(err.toString())
        .isZero();
    assertComplete(out.resolve("cli-tiny"));
    assertThat(hidden(out)).containsExactly(".workbench.lock");
    assertThat(Files.readString(out.resolve("index.html"))).contains("href=\"cli-tiny/report.html\"")
        .doesNotContain("report not generated yet");
  }

  @Test
  void outProblemsAreFoundBeforeSimulatingWithTheReason() throws IOException {
    // a run of minutes: were --out checked after simulating, these would time out
    Path heavy = scenario("heavy.yaml", RunCommandTest.TINY.replace("duration: 5s", "duration: 2h")
        .replace("replications: 1", "replications: 50"));
    Path aFile = Files.writeString(tmp.resolve("a-file"), "x");
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      assertThat(run("run", heavy.toString(), "--out", aFile.toString(), "--force", "--quiet")).isEqualTo(1);
      assertThat(err.toString()).contains("cannot use " + aFile + " as results folder: it is a file, not a folder");
      assertThat(run("run", heavy.toString(), "--out", aFile.resolve("sub").toString(), "--force")).isEqualTo(1);
      assertThat(err.toString()).contains("cannot create results folder", "not a directory");
      if (Files.isDirectory(Path.of("/proc/self"))) {
        assertThat(run("run", heavy.toString(), "--out", "/proc", "--force")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot write in results folder /proc");
      }
    });
    assertThat(run("run", heavy.toString(), "--out", "")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(err.toString()).contains("--out is empty");
  }

  @Test
  void anUnrelatedFileNamedLikeTheScenarioIsLeftAlone() throws IOException {
    Path file = scenario("cli-tiny.yaml", RunCommandTest.TINY);
    Path out = Files.createDirectories(tmp.resolve("results"));
    Files.writeString(out.resolve("cli-tiny"), "my notes");
    assertThat(run("run", file.toString(), "--out", out.toString(), "--quiet")).isEqualTo(1);
    assertThat(err.toString()).contains("cli-tiny exists and is a file, not a results folder; it is left alone");
    assertThat(Files.readString(out.resolve("cli-tiny"))).isEqualTo("my notes");
  }

  @Test
  void theSameScenarioNameTwiceInOneRunIsAnError() throws IOException {
    Path a = scenario("a.yaml", RunCommandTest.TINY);
    Path b = scenario("b.yaml", RunCommandTest.TINY.replace("duration: 5s", "duration: 6s"));
    Path out = tmp.resolve("results");
    assertThat(run("run", a.toString(), b.toString(), "--out", out.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(b + ":1:7: name: 'cli-tiny' is also the name of " + a);
    assertThat(out).doesNotExist();
  }
}
