package io.mlproxy.agent.external;

import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.Errno;
import io.mlproxy.proxy.MlLibException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Answers an agent's requests with the proxy's own interfaces and nothing else: control writes and
 * attribute reads go to the {@link ControlInterface}, dataset and feedback reads to the
 * {@link DataChannel}, exactly as a process's write(2)/read(2) calls would. Recommendation bytes are
 * kept, up to the size of the channel's buffer, until the wake-up ends; the engine writes them to
 * the channel when they are due.
 *
 * <p>A well-framed request that breaks the protocol (an unknown type, a body of the wrong size,
 * text that is not UTF-8) is answered with {@code -EPROTO}, rejected and counted; the session goes on.
 */
public final class RequestServer {

  private final ControlInterface control;
  private final DataChannel channel;
  private final int maxReadBytes;
  private final int writeLimit;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
  private boolean writesAllowed = true;
  private int lastDatasetBytes;
  private String lastProblem;
  private long rejected;

  /**
   * @param maxFrameBytes the protocol's frame limit (reads are capped to fit a RESULT frame)
   * @param writeLimit recommendation bytes one wake-up may write: the channel's buffer size
   */
  public RequestServer(ControlInterface control, DataChannel channel, int maxFrameBytes, int writeLimit) {
    this.control = control;
    this.channel = channel;
    this.maxReadBytes = AgentProtocol.maxReadBytes(maxFrameBytes);
    this.writeLimit = writeLimit;
  }

  /** Whether WRITE_REC is accepted (not in an attach wake-up). */
  public void allowWrites(boolean allowed) {
    writesAllowed = allowed;
  }

  /** Dataset bytes the last request returned (0 unless it was a successful READ_DATASET). */
  public int lastDatasetBytes() {
    return lastDatasetBytes;
  }

  /** Why the last request was rejected as breaking the protocol, or null. */
  public String lastProblem() {
    return lastProblem;
  }

  /** Requests rejected as breaking the protocol so far. */
  public long rejected() {
    return rejected;
  }

  /** The bytes written in this wake-up (null when none), and forgets them. */
  public byte[] takePending() {
    if (pending.size() == 0) {
      return null;
    }
    byte[] b = pending.toByteArray();
    pending.reset();
    return b;
  }

  /** Bytes written in this wake-up so far. */
  public int pendingBytes() {
    return pending.size();
  }

  /** Serves request {@code req}, building the RESULT frame in {@code out}. */
  public void serve(Frame req, FrameBuffer out) {
    lastDatasetBytes = 0;
    lastProblem = null;
    out.begin(AgentProtocol.RESULT);
    try {
      switch (req.type()) {
        case AgentProtocol.CONTROL -> {
          String text = text(req);
          if (text != null) {
            int n = control.write(ControlInterface.CONTROL, text);
            out.i32(n);
          } else {
            protocol(out, "CONTROL: the body must be 1.." + AgentProtocol.MAX_TEXT_BYTES + " bytes of UTF-8");
          }
        }
        case AgentProtocol.READ_ATTR -> {
          String name = text(req);
          if (name != null) {
            byte[] value = control.read(name).getBytes(StandardCharsets.UTF_8);
            out.i32(value.length).bytes(value, 0, value.length);
          } else {
            protocol(out, "READ_ATTR: the body must be 1.." + AgentProtocol.MAX_TEXT_BYTES + " bytes of UTF-8");
          }
        }
        case AgentProtocol.READ_DATASET -> {
          if (req.bodyLength() != 20) {
            protocol(out, "READ_DATASET: the body must be 20 bytes (i64 generation, i64 offset, u32 length), got "
                + req.bodyLength());
          } else {
            int len = (int) Math.min(req.u32(16), maxReadBytes);
            int at = out.reserve(4 + len);
            int n = channel.readDataset(req.i64(0), req.i64(8), out.array(), at + 4, len);
            out.shrink(len - n);
            putI32(out.array(), at, n);
            lastDatasetBytes = n;
          }
        }
        case AgentProtocol.READ_FEEDBACK -> {
          if (req.bodyLength() != 4) {
            protocol(out, "READ_FEEDBACK: the body must be 4 bytes (u32 length), got " + req.bodyLength());
          } else {
            int len = (int) Math.min(req.u32(0), maxReadBytes);
            int at = out.reserve(4 + len);
            int n = channel.readFeedback(out.array(), at + 4, len);
            out.shrink(len - n);
            putI32(out.array(), at, n);
          }
        }
        case AgentProtocol.WRITE_REC -> {
          int n = req.bodyLength();
          if (!writesAllowed) {
            error(out, Errno.EINVAL, "WRITE_REC: an attach wake-up has no dataset to answer");
          } else if (n > writeLimit - pending.size()) {
            error(out, Errno.ENOSPC, "WRITE_REC: " + n + " bytes, " + (writeLimit - pending.size()) + " free of the "
                + writeLimit + "-byte recommendation buffer in this wake-up");
          } else {
            pending.write(req.raw(), Frame.BODY, n);
            out.i32(n);
          }
        }
        default -> protocol(out, "unexpected frame " + AgentProtocol.typeName(req.type())
            + " in a wake-up (expected CONTROL, READ_ATTR, READ_DATASET, READ_FEEDBACK, WRITE_REC or DONE)");
      }
    } catch (MlLibException e) {
      out.begin(AgentProtocol.RESULT);
      error(out, e.errno(), e.getMessage());
    }
  }

  private static String text(Frame req) {
    if (req.bodyLength() < 1 || req.bodyLength() > AgentProtocol.MAX_TEXT_BYTES) {
      return null;
    }
    return req.text(0);
  }

  private void protocol(FrameBuffer out, String problem) {
    rejected++;
    lastProblem = problem;
    error(out, Errno.EPROTO, problem);
  }

  private static void error(FrameBuffer out, Errno errno, String message) {
    out.i32(-errno.code()).text(message);
  }

  private static void putI32(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }
}
