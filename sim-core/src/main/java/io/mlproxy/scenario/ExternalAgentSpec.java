package io.mlproxy.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to run an outside process as the agent ({@code agent.model: external}); see
 * docs/agent-protocol.md for what passes between it and the workbench.
 *
 * @param command program and arguments; a program given as a relative path was resolved against
 *     the scenario file's folder
 * @param workingDirectory the scenario file's folder: the process runs there, so relative paths
 *     among its arguments are relative to the scenario file
 * @param environment variables added to the workbench's environment for the process
 * @param wallTimeFactor 0: the simulated compute time the agent declares is charged; above 0: its
 *     measured wall time times this factor is charged instead (not deterministic)
 * @param replyTimeoutMs wall-clock time the workbench waits for each frame during a wake-up
 * @param startTimeoutMs wall-clock time the workbench waits for the handshake after starting it
 * @param restartDelayUs simulated time a failed process stays down before a new one starts
 * @param maxRestarts restarts after real failures per run of a variant; then the agent stays down
 * @param logLimitBytes bytes of the agent's stderr (and the workbench's notes) kept in agent.log
 */
public record ExternalAgentSpec(
    List<String> command,
    Path workingDirectory,
    Map<String, String> environment,
    double wallTimeFactor,
    long replyTimeoutMs,
    long startTimeoutMs,
    long restartDelayUs,
    int maxRestarts,
    long logLimitBytes) {

  /** Default reply timeout: 10 s of wall-clock time. */
  public static final long DEFAULT_REPLY_TIMEOUT_MS = 10_000;
  /** Default start timeout: 30 s, for agents that import large libraries. */
  public static final long DEFAULT_START_TIMEOUT_MS = 30_000;
  /** Default restart delay: 5 s of simulated time. */
  public static final long DEFAULT_RESTART_DELAY_US = 5_000_000;
  /** Default number of restarts after real failures. */
  public static final int DEFAULT_MAX_RESTARTS = 10;
  /** Default agent.log limit: 1 MiB. */
  public static final long DEFAULT_LOG_LIMIT = 1 << 20;

  /** Copies the collections; the environment is kept sorted by name. */
  public ExternalAgentSpec {
    command = List.copyOf(command);
    environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
  }
}
