package io.mlproxy.agent.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No agent outlives the workbench's JVM, also when the JVM is interrupted. */
class InterruptedRunTest {

  private static List<Long> startHolder(Process jvm) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
    List<Long> pids = new ArrayList<>();
    for (String line; (line = r.readLine()) != null && !line.equals("ready"); ) {
      if (line.startsWith("pid ")) {
        pids.add(Long.parseLong(line.substring(4).trim()));
      }
    }
    return pids;
  }

  private static Process holder(String... agent) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
        HoldAgentMain.class.getName()));
    cmd.addAll(List.of(agent));
    return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static void assertGone(List<Long> pids) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    for (long pid : pids) {
      while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse();
    }
  }

  @Test
  void aTerminatedWorkbenchKillsItsAgentAndTheAgentsChildren() throws Exception {
    // the agent starts a child of its own, which ignores its stdin
    Process jvm = holder("sh", "-c", "sleep 300 & sleep 300");
    List<Long> pids = startHolder(jvm);
    assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
    jvm.destroy(); // SIGTERM: the JVM runs its shutdown hooks
    assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertGone(pids);
  }

  @Test
  void aKilledWorkbenchLeavesTheReferenceAgentItsClosedStdinAndItExits() throws Exception {
    Process jvm = holder("python3", "../agents/python/reference_agent.py");
    List<Long> pids = startHolder(jvm);
    jvm.destroyForcibly(); // SIGKILL: no hook runs; the agent sees EOF on stdin
    assertThat(jvm.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertGone(pids);
  }
}
