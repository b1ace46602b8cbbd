package io.mlproxy.agent;

/**
 * A real failure of an agent process (it exited or died, did not answer in time, or broke the
 * protocol). The process is already gone when this is thrown; the engine treats it like a crash.
 */
public final class AgentFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long restartAfterUs;

  /**
   * @param restartAfterUs simulated time after which a new process may be started, or −1 when the
   *     agent has used up its restarts and stays down
   */
  public AgentFailure(String message, long restartAfterUs) {
    super(message);
    this.restartAfterUs = restartAfterUs;
  }

  /** Simulated microseconds until a restart, or −1 for none. */
  public long restartAfterUs() {
    return restartAfterUs;
  }
}
