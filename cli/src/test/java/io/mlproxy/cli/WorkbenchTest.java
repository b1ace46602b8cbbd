package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class WorkbenchTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Workbench.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(run("--version")).isZero();
    assertThat(out.toString()).startsWith("workbench ").doesNotContain("unknown");
  }

  @Test
  void helpSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("Usage: workbench");
  }

  @Test
  void missingSubcommandIsAUsageError() {
    assertThat(run()).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(err.toString()).contains("subcommand");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("--no-such-option")).isEqualTo(Workbench.EXIT_USAGE);
  }
}
