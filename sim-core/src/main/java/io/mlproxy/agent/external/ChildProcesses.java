package io.mlproxy.agent.external;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every agent process this JVM started and has not yet reaped. A shutdown hook kills what is left
 * when the JVM ends (Ctrl-C, SIGTERM, an uncaught error), so no agent outlives the workbench; a
 * SIGKILL of the JVM cannot run hooks: the agents then see their stdin close and must exit.
 */
public final class ChildProcesses {
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean hooked;

  private ChildProcesses() {}

  static void register(Process p) {
    hook();
    LIVE.add(p);
  }

  static void unregister(Process p) {
    LIVE.remove(p);
  }

  /** Processes started and not yet reaped (for tests and diagnostics). */
  public static int live() {
    LIVE.removeIf(p -> !p.isAlive() && p.descendants().findAny().isEmpty());
    return LIVE.size();
  }

  /**
   * Kills a process and every descendant it has now (grandchildren too), without waiting. Only
   * signals are sent: the process's pipes stay open for their readers until the kernel closes them.
   */
  public static void killTree(Process p) {
    List<ProcessHandle> descendants = p.descendants().toList();
    // Process.destroyForcibly would also close the pipes at once and throw away what the agent
    // wrote to stderr but nobody had read yet (its last words, usually the reason it failed)
    p.toHandle().destroyForcibly();
    for (ProcessHandle h : descendants) {
      h.destroyForcibly();
    }
  }

  private static synchronized void hook() {
    if (hooked) {
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      for (Process p : LIVE) {
        killTree(p);
      }
    }, "agent-reaper"));
    hooked = true;
  }
}
