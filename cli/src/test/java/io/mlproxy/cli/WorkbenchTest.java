package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WorkbenchTest extends CliTestSupport {


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
