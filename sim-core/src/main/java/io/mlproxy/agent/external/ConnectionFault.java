package io.mlproxy.agent.external;

/** Why talking to an agent process stopped: the process is gone or must be stopped. */
public final class ConnectionFault extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** The process closed its stdout between frames (it exited or died). */
    EXITED,
    /** No frame within the wall-clock timeout, or a write to its stdin did not complete in time. */
    TIMEOUT,
    /** Bytes on stdout that are not a frame: a length outside the limit, or stdout closed inside a frame. */
    BROKEN_FRAME,
    /** A well-framed reply that breaks the protocol where the session cannot go on (handshake, DONE). */
    PROTOCOL,
    /** The process could not be started. */
    START_FAILED
  }

  private final Kind kind;

  public ConnectionFault(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
