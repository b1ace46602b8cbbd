package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentCheckCommandTest extends CliTestSupport {

  @Test
  void aConformingAgentExitsZeroAndPrintsEachStep() {
    int code = run("agent-check", "--", "python3", "../agents/python/threshold_agent.py");
    assertThat(code).as(out + "" + err).isZero();
    assertThat(out.toString()).contains("handshake: agent 'threshold_agent.py").contains("wake-up 4 (10,000 regions)")
        .contains("conforming: no violation in 15 steps");
  }

  @Test
  void anAgentThatExitsIsNotConformingAndExitsOne() {
    int code = run("agent-check", "--", "sh", "-c", "echo bye >&2; exit 3");
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).contains("NOT conforming: 1 violation").contains("[X1]").contains("exit status 3")
        .contains("| bye");
  }

  @Test
  void withoutACommandItIsAUsageError() {
    assertThat(run("agent-check")).isEqualTo(2);
  }
}
