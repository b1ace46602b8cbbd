package io.mlproxy.agent.external;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Test helper run in a JVM of its own: starts an agent process (the command line given as
 * arguments), prints its pid and its descendants' pids, then waits to be interrupted.
 */
public final class HoldAgentMain {

  private HoldAgentMain() {}

  public static void main(String[] args) throws Exception {
    AgentConnection c = AgentConnection.start(List.of(args), Path.of("").toAbsolutePath(), Map.of(), 1 << 20,
        new BoundedLog(4096));
    long deadline = System.currentTimeMillis() + 10_000;
    // wait until the agent has started what it starts
    while (System.currentTimeMillis() < deadline
        && ProcessHandle.of(c.pid()).orElseThrow().descendants().count() < 1 && args[0].equals("sh")) {
      Thread.sleep(20);
    }
    System.out.println("pid " + c.pid());
    ProcessHandle.of(c.pid()).orElseThrow().descendants().forEach(h -> System.out.println("pid " + h.pid()));
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(600_000);
  }
}
