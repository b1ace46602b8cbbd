package io.mlproxy.scenario;

import static io.mlproxy.scenario.ScenarioLoaderTest.MINIMAL;
import static io.mlproxy.scenario.ScenarioLoaderTest.errors;
import static io.mlproxy.scenario.ScenarioLoaderTest.onlyError;
import static io.mlproxy.scenario.ScenarioLoaderTest.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fields of {@code agent} for an outside agent process: defaults, paths and every error. */
class ExternalAgentScenarioTest {

  private static String external(String fields) {
    return MINIMAL + "agent:\n  model: external\n" + fields;
  }

  @Test
  void defaultsAndARunnableCommand() {
    ExternalAgentSpec x = parse(external("  command: [sh, -c, 'exit 0']\n")).agent().external();
    assertThat(x.command()).containsExactly("sh", "-c", "exit 0");
    assertThat(x.workingDirectory()).isAbsolute();
    assertThat(x.environment()).isEmpty();
    assertThat(x.wallTimeFactor()).isZero();
    assertThat(x.replyTimeoutMs()).isEqualTo(10_000);
    assertThat(x.startTimeoutMs()).isEqualTo(30_000);
    assertThat(x.restartDelayUs()).isEqualTo(5_000_000);
    assertThat(x.maxRestarts()).isEqualTo(10);
    assertThat(x.logLimitBytes()).isEqualTo(1 << 20);
    assertThat(parse(MINIMAL).agent().external()).isNull();
  }

  @Test
  void everyFieldIsRead() {
    ExternalAgentSpec x = parse(external("""
          command: [sh]
          env: {PYTHONHASHSEED: '0', OMP_NUM_THREADS: 1}
          wall_time_factor: 2.5
          reply_timeout: 500ms
          start_timeout: 1m
          restart_delay: 0s
          max_restarts: 0
          log_limit: 64KiB
        """)).agent().external();
    assertThat(x.environment()).isEqualTo(Map.of("PYTHONHASHSEED", "0", "OMP_NUM_THREADS", "1"));
    assertThat(x.wallTimeFactor()).isEqualTo(2.5);
    assertThat(x.replyTimeoutMs()).isEqualTo(500);
    assertThat(x.startTimeoutMs()).isEqualTo(60_000);
    assertThat(x.restartDelayUs()).isZero();
    assertThat(x.maxRestarts()).isZero();
    assertThat(x.logLimitBytes()).isEqualTo(65_536);
  }

  @Test
  void aProgramPathIsRelativeToTheScenarioFile(@TempDir Path dir) throws IOException {
    Path agent = Files.createDirectories(dir.resolve("agents")).resolve("run.sh");
    Files.writeString(agent, "#!/bin/sh\n");
    agent.toFile().setExecutable(true);
    Path scenario = Files.createDirectories(dir.resolve("scenarios")).resolve("s.yaml");
    Files.writeString(scenario, external("  command: [../agents/run.sh, --fast]\n"));
    ExternalAgentSpec x = ScenarioLoader.load(scenario).agent().external();
    assertThat(x.command()).containsExactly(agent.toString(), "--fast");
    assertThat(x.workingDirectory()).isEqualTo(scenario.getParent().toAbsolutePath());
  }

  @Test
  void errorsNameLineColumnAndField() {
    ScenarioError missing = onlyError(external(""));
    assertThat(missing.field()).isEqualTo("agent.command");
    assertThat(missing.message()).contains("missing required field with model: external");

    ScenarioError notFound = onlyError(external("  command: [no-such-agent-program-xyz]\n"));
    assertThat(notFound.field()).isEqualTo("agent.command[0]");
    assertThat(notFound.line()).isEqualTo(12);
    assertThat(notFound.column()).isEqualTo(13);
    assertThat(notFound.message()).contains("not found on PATH");

    assertThat(onlyError(external("  command: [./missing.py]\n")).message()).contains("not an executable file");
    assertThat(onlyError(external("  command: []\n")).message()).contains("the list is empty");
    assertThat(onlyError(external("  command: python3 agent.py\n")).message()).contains("wrong type");
    assertThat(onlyError(external("  command: [sh, [x]]\n")).field()).isEqualTo("agent.command[1]");
    assertThat(onlyError(external("  command: [sh]\n  env: [A]\n")).message()).contains("mapping");
    assertThat(onlyError(external("  command: [sh]\n  env: {1A: x}\n")).message()).contains("not a variable name");
    assertThat(onlyError(external("  command: [sh]\n  reply_timeout: 10\n")).field()).isEqualTo("agent.reply_timeout");
    assertThat(onlyError(external("  command: [sh]\n  wall_time_factor: -1\n")).message()).contains("out of range");
    assertThat(onlyError(external("  command: [sh]\n  max_restarts: many\n")).message()).contains("not an integer");
    assertThat(onlyError(external("  command: [sh]\n  log_limit: 1KB\n")).field()).isEqualTo("agent.log_limit");
    assertThat(onlyError(external("  command: [sh]\n  comand: [x]\n")).message()).contains("did you mean 'command'");
  }

  @Test
  void externalFieldsWithABuiltInModelAreErrors() {
    List<ScenarioError> e = errors(MINIMAL + "agent:\n  model: logistic\n  command: [sh]\n  reply_timeout: 1s\n");
    assertThat(e).extracting(ScenarioError::field).containsExactly("agent.command", "agent.reply_timeout");
    assertThat(e.get(0).message()).contains("only with model: external");
  }
}
