package io.mlproxy.agent.external;

/**
 * Constants of the agent protocol, version {@value #VERSION} (docs/agent-protocol.md): frames of
 * {@code u32 length, u8 type, body} (little-endian; the length counts the type and the body) over
 * the agent process's stdin (workbench → agent) and stdout (agent → workbench).
 */
public final class AgentProtocol {

  /** The protocol version this workbench speaks. */
  public static final int VERSION = 1;

  /** Workbench → agent: u16 version, then "key value" lines (UTF-8) with the proxy's limits. */
  public static final int HELLO = 0x01;
  /** Workbench → agent: i64 simulated time in µs, u8 reason ({@link #WAKE_ATTACH}, {@link #WAKE_CYCLE}). */
  public static final int WAKE = 0x02;
  /** Workbench → agent: i32 status (≥ 0 a count, < 0 a negated errno), then data or text. */
  public static final int RESULT = 0x03;
  /** Workbench → agent: the run is over; the agent exits. */
  public static final int BYE = 0x04;

  /** Agent → workbench: u16 version, then the agent's name (UTF-8). */
  public static final int AGENT_HELLO = 0x81;
  /** Agent → workbench: one write to the control attribute (UTF-8). */
  public static final int CONTROL = 0x82;
  /** Agent → workbench: the name of an attribute to read (UTF-8). */
  public static final int READ_ATTR = 0x83;
  /** Agent → workbench: i64 generation, i64 offset, u32 maximum bytes of dataset to read. */
  public static final int READ_DATASET = 0x84;
  /** Agent → workbench: u32 maximum bytes of the feedback stream to read. */
  public static final int READ_FEEDBACK = 0x85;
  /** Agent → workbench: recommendation bytes, as written to the data channel. */
  public static final int WRITE_REC = 0x86;
  /** Agent → workbench: i64 simulated compute time in ns; ends the wake-up. */
  public static final int DONE = 0x87;

  /** Wake-up reason: the process was (re)started and should attach (START). */
  public static final int WAKE_ATTACH = 0;
  /** Wake-up reason: the agent's period has elapsed: read, learn, recommend. */
  public static final int WAKE_CYCLE = 1;

  /** Longest control write or attribute name accepted, in bytes. */
  public static final int MAX_TEXT_BYTES = 4096;

  private AgentProtocol() {}

  /**
   * The largest frame either side sends: a whole recommendation buffer (the most one wake-up may
   * write), at least 1 MiB, plus room for the frame's own fields.
   */
  public static int maxFrameBytes(int recommendationBufferBytes) {
    return Math.max(recommendationBufferBytes, 1 << 20) + 64;
  }

  /** The most data one READ_DATASET or READ_FEEDBACK returns, so that its RESULT frame fits. */
  public static int maxReadBytes(int maxFrameBytes) {
    return maxFrameBytes - 16;
  }

  /** A frame type's name, for messages. */
  public static String typeName(int type) {
    return switch (type) {
      case HELLO -> "HELLO";
      case WAKE -> "WAKE";
      case RESULT -> "RESULT";
      case BYE -> "BYE";
      case AGENT_HELLO -> "AGENT_HELLO";
      case CONTROL -> "CONTROL";
      case READ_ATTR -> "READ_ATTR";
      case READ_DATASET -> "READ_DATASET";
      case READ_FEEDBACK -> "READ_FEEDBACK";
      case WRITE_REC -> "WRITE_REC";
      case DONE -> "DONE";
      default -> String.format("0x%02x", type);
    };
  }
}
