package io.mlproxy.agent.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Python agents' own unit tests (agents/python/tests) as part of {@code mvn verify}. */
class PythonAgentsTest {

  @Test
  void thePythonAgentsPassTheirUnitTests() throws IOException, InterruptedException {
    Path agents = Path.of("..", "agents", "python").toAbsolutePath().normalize();
    Process p = new ProcessBuilder("python3", "-m", "unittest", "discover", "-v", "-s", "tests", "-t", ".")
        .directory(agents.toFile())
        .redirectErrorStream(true)
        .start();
    p.getOutputStream().close();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    System.out.println(output);
    assertThat(p.exitValue()).as(output).isZero();
    assertThat(output).containsPattern("Ran [1-9][0-9]* tests").contains("\nOK");
  }
}
