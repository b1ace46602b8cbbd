package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.luben.zstd.Zstd;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioError;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks a run makes before simulating are made by validate, with file, line, column and
 * field: issue 15's reproducers that need the engine's arithmetic, the trace or the work estimate.
 */
class RunChecksTest {

  static final String BASE =
      """
      name: checks
      duration: 2s
      replications: 1
      memory:
        pages: 1024
      workload:
        rate: 100000/s
        phases:
          - at: 0s
            mix:
              - pattern: uniform
      """;

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private Path file(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Scenario check(String yaml, RunChecks checks) {
    return ScenarioLoader.parse(yaml, dir.resolve("s.yaml"), checks);
  }

  private ScenarioError onlyError(String yaml) {
    return onlyError(yaml, RunChecks.standard());
  }

  private ScenarioError onlyError(String yaml, RunChecks checks) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> check(yaml, checks));
    assertThat(e).as("expected an error in:\n" + yaml).isNotNull();
    assertThat(e.errors()).as(e.getMessage()).hasSize(1);
    ScenarioError err = e.errors().get(0);
    assertThat(err.toString()).matches(java.util.regex.Pattern.quote(dir.resolve("s.yaml").toString())
        + ":\\d+:\\d+: " + java.util.regex.Pattern.quote(err.field()) + ": .+");
    return err;
  }

  private static String trace(String path, String format, String more) {
    return BASE.replaceAll("(?s)  phases:.*", "  trace:\n    path: " + path + "\n    format: " + format + "\n"
        + more);
  }

  @Test
  void aFeedbackWindowNotLongerThanTheBreakEvenTimeIsFoundByValidate() {
    // B = 1·(50us + 2us)·1024 / (100000/s·100ns) = 5.325 s
    ScenarioError e = onlyError(BASE + "proxy:\n  feedback_window: 5s\n");
    assertThat(e.field()).isEqualTo("proxy.feedback_window");
    assertThat(e.line()).isEqualTo(13);
    assertThat(e.column()).isEqualTo(20);
    assertThat(e.message()).contains("break-even time B = 5325ms", "1·(50us + 2us)·1024 / (100000/s·100ns)");
    assertThat(check(BASE + "proxy:\n  feedback_window: 6s\n", RunChecks.standard()).name()).isEqualTo("checks");
    // a default feedback window points at the proxy section, or at the top without one
    ScenarioError slow = onlyError(BASE.replace("rate: 100000/s", "rate: 1/s"));
    assertThat(slow.field()).isEqualTo("proxy.feedback_window");
    assertThat(slow.line()).isEqualTo(1);
    // lambda at its bound: B beyond any window, an error, not an overflow
    assertThat(onlyError(BASE + "objective:\n  lambda: 1000000\n").message()).contains("exceeds the proxy's longest duration");
    assertThat(onlyError(BASE + "objective:\n  lambda: 1000000\nproxy:\n  feedback_window: 24h\n").message())
        .contains("does not exceed");
  }

  @Test
  void anOracleThatWouldHoldTooManyTouchesAheadIsFoundByValidate() {
    // 60 s ahead at 10^6/s: 6e7 touches of 16 bytes ran out of a 1 GiB heap
    String far = BASE.replace("duration: 2s", "duration: 60s").replace("rate: 100000/s", "rate: 1000000/s")
        + "oracle:\n  horizon: 60s\n";
    ScenarioError e = onlyError(far);
    assertThat(e.field()).isEqualTo("oracle.horizon");
    assertThat(e.message()).contains("the oracle would hold 6.0e+07 touches ahead", "1000000/s × 1m");
    // without the oracle variant nothing looks ahead
    assertThat(check(far + "variants: [none, proxy]\n", RunChecks.standard()).name()).isEqualTo("checks");
  }

  @Test
  void theChecksKeepTheEstimateOfWhatTheyPassed() {
    RunChecks checks = RunChecks.standard();
    assertThat(checks.estimate("checks")).isEmpty();
    check(BASE, checks);
    // 100,000 touches/s for 2 s, in each of the five variants of one replication
    assertThat(checks.estimate("checks").orElseThrow().touches()).isEqualTo(5 * 200_000L);
    assertThat(checks.estimate("checks").orElseThrow().runs()).isEqualTo(5);
  }

  @Test
  void theCompilerAcceptsWhatTheChecksAccept() {
    Scenario s = check(BASE, RunChecks.standard());
    RunPlan plan = ScenarioCompiler.compile(s);
    assertThat(plan.breakEvenMs()).isEqualTo(5325);
  }

  @Test
  void aRunThatWouldTakeHoursIsRefusedUnlessForced() {
    ScenarioError e = onlyError(BASE.replace("duration: 2s", "duration: 576h"));
    assertThat(e.field()).isEqualTo("duration");
    assertThat(e.message()).contains("the run would take too long", "touches (limit 1.0e+10)", "--force");
    ScenarioError sampling = onlyError(BASE.replace("duration: 2s", "duration: 10m")
        + "monitor:\n  sampling: 1us\n  aggregation: 1ms\n");
    assertThat(sampling.message()).contains("events (limit 1.0e+09)");
    // --force: the same file is valid
    RunChecks forced = new RunChecks(RunChecks.WorkLimits.NONE, UnaryOperator.identity());
    assertThat(check(BASE.replace("duration: 2s", "duration: 576h"), forced).durationUs())
        .isEqualTo(576L * 3_600_000_000L);
    // a day at the default 100 ms aggregation: 864,000 rows per run, all held until written
    assertThat(onlyError(BASE.replace("duration: 2s", "duration: 24h").replace("rate: 100000/s", "rate: 10/s")
        + "proxy:\n  feedback_window: 24h\n").message()).contains("result rows held in memory (limit 4.0e+06)");
    // the command line's overrides count: 1000 replications of a 5-minute run
    RunChecks many = new RunChecks(RunChecks.WorkLimits.DEFAULT, s -> ExperimentRunner.withOverrides(s,
        new ExperimentRunner.Options(null, 1000, null, 1, "", (d, t) -> { })));
    assertThat(onlyError(BASE.replace("duration: 2s", "duration: 5m"), many).message()).contains("5000 runs");
  }

  @Test
  void theWorkEstimateCountsEveryRun() {
    RunChecks.Derived[] d = new RunChecks.Derived[1];
    ScenarioLoader.parse(BASE, dir.resolve("s.yaml"),
        (s, f) -> d[0] = RunChecks.derive(s, f, RunChecks.WorkLimits.DEFAULT));
    // 5 variants (none included), 2 s at 100000/s; 400 ticks + 2·20 aggregations + 1 phase per run;
    // 2 agents · 3 events · 2 wake-ups; 420 samplings and aggregations visiting 1000 regions;
    // 20 time-series rows per run and 20 heatmap rows per variant
    assertThat(d[0].work())
        .isEqualTo(new RunChecks.WorkEstimate(5, 1_000_000, 5 * 441 + 12, 5 * (400 + 20) * 1000L, 5 * 20 + 5 * 20));
  }

  @Test
  void aTraceWithNoRecordIsAnErrorInEveryEncodingAndEvenWhenLenient() throws IOException {
    file("header.csv", "time,address\n");
    file("empty.txt", "");
    file("empty.gz", new byte[0]);
    file("empty.zst", new byte[0]);
    file("nothing.gz", gzip(""));
    file("nothing.zst", Zstd.compress(new byte[0]));
    file("garbage.txt", "x\ny\nz\n");
    file("empty.oracleGeneral", new byte[0]);
    // a header-only CSV gave the break-even message with rate=0.0
    ScenarioError header = onlyError(trace("header.csv", "csv", "    addresses: pages\n    time: column\n"));
    assertThat(header.field()).isEqualTo("workload.trace.path");
    assertThat(header.line()).isEqualTo(9);
    assertThat(header.message()).contains("holds no record to replay").doesNotContain("rate=");
    for (String empty : List.of("empty.txt", "empty.gz", "empty.zst")) {
      assertThat(onlyError(trace(empty, "plain", "    addresses: pages\n")).message())
          .as(empty).endsWith(empty + ": the file is empty (0 bytes)");
    }
    assertThat(onlyError(trace("empty.oracleGeneral", "oracle_general", "")).message())
        .endsWith("empty.oracleGeneral: the file is empty (0 bytes)");
    for (String nothing : List.of("nothing.gz", "nothing.zst")) {
      assertThat(onlyError(trace(nothing, "plain", "    addresses: pages\n")).message())
          .as(nothing).contains("holds no record to replay");
    }
    // lenient: 100 % garbage exited 0 with all-zero results
    assertThat(onlyError(trace("garbage.txt", "plain", "    addresses: pages\n    lenient: true\n")).message())
        .contains("holds no record to replay: all 3 records are malformed (skipped: lenient)");
  }

  @Test
  void trailingAndCutCompressedDataAreErrorsAlikeWithTheirOffset() throws IOException {
    byte[] gz = gzip("1\n2\n3\n");
    byte[] zst = Zstd.compress("1\n2\n3\n".getBytes(StandardCharsets.UTF_8));
    file("trail.gz", concat(gz, "junk".getBytes(StandardCharsets.UTF_8)));
    file("trail.zst", concat(zst, "junk".getBytes(StandardCharsets.UTF_8)));
    file("cut.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
    file("cut.zst", java.util.Arrays.copyOf(zst, zst.length - 3));
    for (String lenient : List.of("", "    lenient: true\n")) {
      assertThat(onlyError(trace("trail.gz", "plain", "    addresses: pages\n" + lenient)).message())
          .contains("trail.gz: gzip data is damaged", "Unexpected data after a valid .gz stream", "compressed byte");
      assertThat(onlyError(trace("trail.zst", "plain", "    addresses: pages\n" + lenient)).message())
          .contains("trail.zst: zstd data is damaged", "compressed byte");
      // a .gz cut halfway blamed "record 0 at byte offset 0"
      assertThat(onlyError(trace("cut.gz", "plain", "    addresses: pages\n" + lenient)).message())
          .contains("cut.gz: gzip data ends early: the file is cut (at compressed byte")
          .doesNotContain("record 0");
      assertThat(onlyError(trace("cut.zst", "plain", "    addresses: pages\n" + lenient)).message())
          .contains("cut.zst: zstd data");
    }
  }

  @Test
  void aTraceWithItsOwnTimesMustSpanTime() throws IOException {
    file("zero.csv", "time,address\n0,1\n0,2\n0,3\n");
    file("single.csv", "7,1\n");
    file("back.csv", "0,1\n10,2\n5,3\n");
    String column = "    addresses: pages\n    time: column\n";
    for (String f : List.of("zero.csv", "single.csv")) {
      for (String loop : List.of("", "    loop: true\n")) {
        ScenarioError e = onlyError(trace(f, "csv", column + loop));
        assertThat(e.field()).isEqualTo("workload.trace.time");
        assertThat(e.message()).contains("spans no time");
      }
    }
    ScenarioError back = onlyError(trace("back.csv", "csv", column));
    assertThat(back.message()).contains("back.csv:3: time goes backwards");
    // lenient skips the backward record: 2 records over 10 us remain
    assertThat(check(trace("back.csv", "csv", column + "    lenient: true\n    loop: true\n"), RunChecks.standard())
        .workload().trace()).isPresent();
  }

  @Test
  void aTraceWithMorePagesThanTheAddressSpaceIsFoundBeforeTheRun() throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      sb.append(i).append('\n');
    }
    file("many.txt", sb.toString());
    ScenarioError e = onlyError(trace("many.txt", "plain", "    addresses: pages\n"));
    assertThat(e.field()).isEqualTo("memory.pages");
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.message()).contains("touches 2000 distinct pages", "has 1024");
    // only the part the run replays counts: 2 s at 500/s is 1000 touches
    assertThat(check(trace("many.txt", "plain", "    addresses: pages\n    rate: 500/s\n")
        + "proxy:\n  feedback_window: 24h\n", RunChecks.standard())).isNotNull();
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream o = new GZIPOutputStream(b)) {
      o.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return b.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
