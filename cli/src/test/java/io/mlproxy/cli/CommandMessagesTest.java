package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's command-line reproducers: hanging inputs, usage errors, unsafe and misleading messages. */
class CommandMessagesTest extends CliTestSupport {

  @TempDir Path tmp;

  @Test
  void specialFilesAreRefusedAndLaterFilesStillChecked() throws Exception {
    Path good = Files.writeString(tmp.resolve("good.yaml"), RunCommandTest.TINY);
    Path fifo = tmp.resolve("fifo");
    boolean haveFifo;
    try {
      haveFifo = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException e) {
      haveFifo = false;
    }
    String[] args = haveFifo
        ? new String[] {"validate", fifo.toString(), "/dev/zero", "/dev/urandom", good.toString()}
        : new String[] {"validate", "/dev/zero", "/dev/urandom", good.toString()};
    // /dev/zero ran until OutOfMemoryError, a FIFO blocked forever
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThat(run(args)).isEqualTo(1));
    assertThat(err.toString()).contains("/dev/zero:1:1: (document): cannot read the file: is a FIFO, socket or device",
        "/dev/urandom:1:1: (document): cannot read the file");
    if (haveFifo) {
      assertThat(err.toString()).contains(fifo + ":1:1: (document): cannot read the file: is a FIFO");
    }
    assertThat(out.toString()).startsWith("OK " + good + " (");
  }

  @Test
  void standardInputIsAScenarioToo() {
    InputStream saved = System.in;
    try {
      System.setIn(new ByteArrayInputStream(RunCommandTest.TINY.getBytes(StandardCharsets.UTF_8)));
      assertThat(run("validate", "-")).as(err.toString()).isZero();
      assertThat(out.toString()).startsWith("OK <stdin> (");
      System.setIn(new ByteArrayInputStream("name: x\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(run("validate", "-")).isEqualTo(1);
      assertThat(err.toString()).contains("<stdin>:1:1: duration: missing required field");
      assertThat(run("validate", "-", "-")).isEqualTo(Workbench.EXIT_USAGE);
    } finally {
      System.setIn(saved);
    }
  }

  @Test
  void controlCharactersNeverReachTheTerminal() throws IOException {
    // eviction: "\e]0;pwned\a\e[2J" cleared the terminal and set its title
    Path f = Files.writeString(tmp.resolve("evil\u001b[2J.yaml"),
        RunCommandTest.TINY.replace("memory: {pages: 256, capacity: 125%}",
            "memory: {pages: 256, capacity: 125%, eviction: \"\\e]0;pwned\\a\\e[2J\"}"));
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("evil\\e[2J.yaml:", "'\\e]0;pwned\\a\\e[2J' is not valid")
        .doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    assertThat(run("run", f.toString(), "--variants", "proxy,\u001b]0;x\u0007")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(err.toString()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]").contains("\\e]0;x\\a");
  }

  @Test
  void anEmptyVariantListIsAUsageError() throws IOException {
    Path f = Files.writeString(tmp.resolve("t.yaml"), RunCommandTest.TINY);
    assertThat(run("run", f.toString(), "--variants", ",")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(err.toString()).contains("--variants: no variant given");
    assertThat(run("run", f.toString(), "--variants", "proxy,,oracle")).isEqualTo(Workbench.EXIT_USAGE);
  }

  @Test
  void tuneHelpHasNoPicocliWarning() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      assertThat(run("tune", "--help")).isZero();
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    assertThat(err.toString()).doesNotContain("picocli WARN");
    assertThat(out.toString()).contains("95% bound");
  }

  @Test
  void aRunTooLongIsRefusedUnlessForced() throws IOException {
    Path f = Files.writeString(tmp.resolve("long.yaml"), RunCommandTest.TINY.replace("duration: 5s", "duration: 576h"));
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(f + ":2:11: duration: the run would take too long", "--force");
    assertThat(run("validate", "--force", f.toString())).isZero();
    assertThat(out.toString()).contains("OK " + f + " (5 runs, 5.2e+11 touches");
    assertThat(run("run", f.toString(), "--out", tmp.resolve("r").toString())).isEqualTo(1);
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void lenientTraceRecordsSkippedArePrintedAndKept() throws IOException {
    Files.writeString(tmp.resolve("t.txt"), "1\nnot a page\n2\n3\n");
    Path f = Files.writeString(tmp.resolve("lenient.yaml"), RunCommandTest.TINY.replaceAll("(?s)  phases:.*",
        "  trace: {path: t.txt, format: plain, addresses: pages, lenient: true, loop: true}\n"));
    Path results = tmp.resolve("results");
    assertThat(run("run", f.toString(), "--out", results.toString(), "--variants", "handcrafted")).as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("  trace: 3 touches per pass, 1 malformed records skipped (lenient;");
    assertThat(Files.readString(results.resolve("cli-tiny/run.properties"))).contains("trace.skipped_records=1");
    Files.writeString(tmp.resolve("t.txt"), "junk\nmore junk\n");
    assertThat(run("run", f.toString(), "--out", results.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("holds no record to replay: all 2 records are malformed");
  }

  @Test
  void aTraceWithMorePagesThanTheAddressSpaceStopsTheRunAsValidateSaysAndWritesNothing() throws IOException {
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      trace.append(i).append('\n');
    }
    Files.writeString(tmp.resolve("t.txt"), trace.toString());
    Path f = Files.writeString(tmp.resolve("pages.yaml"), RunCommandTest.TINY.replaceAll("(?s)  phases:.*",
        "  trace: {path: t.txt, format: plain, addresses: pages}\n"));
    // validate reads the trace ahead and counts its pages
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(err.toString()).contains(f + ":4:17: memory.pages: ", "touches 300 distinct pages");
    // run checks it while replaying (no pass over the trace before the run): the same field, nothing written
    Path results = tmp.resolve("results");
    assertThat(run("run", f.toString(), "--out", results.toString(), "--variants", "none")).isEqualTo(1);
    assertThat(err.toString()).contains(f + ":4:17: memory.pages: ", "touches more than 256 distinct pages",
        "nothing of it was written");
    assertThat(results.resolve("cli-tiny")).doesNotExist();
  }

  @Test
  void runProfileSaysWhereTheTimeWent() throws IOException {
    Path f = Files.writeString(tmp.resolve("profile.yaml"), RunCommandTest.TINY);
    assertThat(run("run", f.toString(), "--out", tmp.resolve("r").toString(), "--variants", "proxy", "--quiet",
        "--profile")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("profile (each step's wall time", "loading and checking the scenarios",
        "simulation (2 runs on", "workload generation", "simulation of none", "simulation of proxy",
        "writing the CSV files", "report.html", "reading the CSV files (but the heatmap's)",
        "drawing the charts (and reading the heatmap)", "index.html", "total of the steps");
    // every step has its wall time and the process's CPU time meanwhile
    assertThat(out.toString().lines().filter(l -> l.startsWith("  ") && !l.startsWith("    ")))
        .isNotEmpty().allMatch(l -> l.matches(".* s +\\d+\\.\\d{3} s CPU.*"), "a step line with its CPU time");
  }

  @Test
  void aScenarioUnder64PagesGetsItsReport() throws IOException {
    assumeThat(Path.of("/proc")).exists();
    Path f = Files.writeString(tmp.resolve("small.yaml"), RunCommandTest.TINY
        .replace("memory: {pages: 256, capacity: 125%}", "memory: {pages: 32, capacity: 125%}")
        .replace("policy:", "monitor: {min_regions: 3, max_regions: 16}\npolicy:"));
    Path results = tmp.resolve("results");
    assertThat(run("run", f.toString(), "--out", results.toString(), "--variants", "proxy", "--quiet"))
        .as(err.toString()).isZero();
    assertThat(results.resolve("cli-tiny/report.html")).isRegularFile();
  }
}
