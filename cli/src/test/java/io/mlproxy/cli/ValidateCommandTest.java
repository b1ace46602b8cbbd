package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest extends CliTestSupport {

  private static final String VALID =
      """
      name: valid
      duration: 1m
      memory:
        pages: 1024
      workload:
        phases:
          - at: 0s
            mix:
              - pattern: zipf
      """;


  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  @Test
  void validFilesPrintOkAndExitZero() throws IOException {
    Path a = write("a.yaml", VALID);
    Path b = write("b.yaml", VALID.replace("name: valid", "name: other"));
    assertThat(run("validate", a.toString(), b.toString())).isZero();
    // each OK line ends with the run's estimated work
    assertThat(out.toString().lines()).hasSize(2);
    assertThat(out.toString().lines().toList().get(0)).startsWith("OK " + a + " (15 runs, 9.0e+08 touches");
    assertThat(out.toString().lines().toList().get(1)).startsWith("OK " + b + " (");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void invalidFilePrintsEveryErrorOnStderrAndExitsOne() throws IOException {
    Path good = write("good.yaml", VALID);
    Path bad = write("bad.yaml", VALID.replace("duration: 1m", "duration: 5")
        .replace("pages: 1024", "pages: 1024\n  evicton: lru"));
    assertThat(run("validate", bad.toString(), good.toString())).isEqualTo(1);
    assertThat(out.toString().lines()).singleElement().asString().startsWith("OK " + good + " (");
    assertThat(err.toString().lines()).containsExactly(
        bad + ":2:11: duration: '5' has no unit (expected " + io.mlproxy.scenario.Units.DURATION_FORM + ")",
        bad + ":5:3: memory.evicton: unknown key (did you mean 'eviction'?) (expected one of "
            + "capacity, direct_reclaim_stall_per_page, eviction, fault_cost, hit_cost, page_size, "
            + "pageout_cost_per_page, pages, size)");
  }

  @Test
  void missingFileIsInvalid() {
    Path missing = dir.resolve("missing.yaml");
    assertThat(run("validate", missing.toString())).isEqualTo(1);
    assertThat(err.toString()).startsWith(missing + ":1:1: (document): cannot read the file");
  }

  @Test
  void noFilesIsAUsageError() {
    assertThat(run("validate")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(err.toString()).contains("FILE");
  }

  @Test
  void shippedScenariosAreValid() throws IOException {
    String[] args;
    try (var files = Files.list(Path.of("..", "scenarios"))) {
      args = files.filter(f -> f.toString().endsWith(".yaml")).map(Path::toString).sorted()
          .toArray(String[]::new);
    }
    assertThat(args).isNotEmpty();
    String[] withCommand = new String[args.length + 1];
    withCommand[0] = "validate";
    System.arraycopy(args, 0, withCommand, 1, args.length);
    assertThat(run(withCommand)).as(err.toString()).isZero();
    assertThat(out.toString().lines()).hasSize(args.length).allMatch(l -> l.startsWith("OK "));
  }

  /** The first-hour report: validate said OK to a file that run then refused (W below B). */
  @Test
  void aFeedbackWindowBelowTheBreakEvenTimeFailsValidateAsItFailsRun() throws IOException {
    Path f = write("fw.yaml", """
        name: fw-below-b
        duration: 10s
        memory:
          pages: 1024
        proxy:
          feedback_window: 5s
        workload:
          rate: 100000/s
          phases:
            - at: 0s
              mix:
                - pattern: zipf
        """);
    String expected = f + ":6:20: proxy.feedback_window: 5s does not exceed the break-even time B = 5325ms";
    assertThat(run("validate", f.toString())).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).startsWith(expected);
    String validateErr = err.toString();
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    Path results = dir.resolve("results");
    assertThat(run("run", f.toString(), "--out", results.toString(), "--quiet")).isEqualTo(1);
    // the same message, and nothing simulated or written
    assertThat(err.toString()).isEqualTo(validateErr);
    assertThat(results).doesNotExist();
  }
}
