package io.mlproxy.agent.external;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The agent's stderr and the workbench's notes about the process, kept within a fixed size: the
 * first half of the limit as written, then the most recent bytes, with a line in between saying how
 * many were dropped. An agent flooding stderr costs the workbench this much memory and no more.
 */
public final class BoundedLog {
  private final byte[] head;
  private final byte[] tail;
  private int headLen;
  private long tailWritten;
  private long total;

  /** A log keeping at most {@code limitBytes} (at least 2). */
  public BoundedLog(int limitBytes) {
    if (limitBytes < 2) {
      throw new IllegalArgumentException("log limit must be at least 2 bytes, got " + limitBytes);
    }
    head = new byte[limitBytes / 2];
    tail = new byte[limitBytes - limitBytes / 2];
  }

  /** Appends raw bytes (the agent's stderr). */
  public synchronized void append(byte[] b, int off, int len) {
    total += len;
    int toHead = Math.min(len, head.length - headLen);
    System.arraycopy(b, off, head, headLen, toHead);
    headLen += toHead;
    off += toHead;
    len -= toHead;
    if (len == 0) {
      return;
    }
    if (len >= tail.length) {
      off += len - tail.length;
      tailWritten += len - tail.length;
      len = tail.length;
    }
    int pos = (int) (tailWritten % tail.length);
    int first = Math.min(len, tail.length - pos);
    System.arraycopy(b, off, tail, pos, first);
    System.arraycopy(b, off + first, tail, 0, len - first);
    tailWritten += len;
  }

  /** Appends one line of the workbench's own, prefixed "workbench: ". */
  public void note(String line) {
    byte[] b = ("workbench: " + line + "\n").getBytes(StandardCharsets.UTF_8);
    append(b, 0, b.length);
  }

  /** Appends a note stamped with the simulated time. */
  public void note(long nowUs, String line) {
    note(String.format(Locale.ROOT, "t=%.3fs %s", nowUs / 1e6, line));
  }

  /** Bytes appended so far. */
  public synchronized long total() {
    return total;
  }

  /** Bytes appended but not kept. */
  public synchronized long dropped() {
    return tailWritten > tail.length ? tailWritten - tail.length : 0;
  }

  /** The kept bytes: the head, a marker line if anything was dropped, and the tail. */
  public synchronized byte[] toBytes() {
    int tailLen = (int) Math.min(tailWritten, tail.length);
    long dropped = dropped();
    byte[] marker = dropped == 0 ? new byte[0]
        : String.format(Locale.ROOT, "%n[... %,d bytes dropped: agent.log keeps the first and the last %,d bytes ...]%n",
            dropped, head.length).getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[headLen + marker.length + tailLen];
    System.arraycopy(head, 0, out, 0, headLen);
    System.arraycopy(marker, 0, out, headLen, marker.length);
    int start = (int) ((tailWritten - tailLen) % tail.length);
    int first = Math.min(tailLen, tail.length - start);
    System.arraycopy(tail, start, out, headLen + marker.length, first);
    System.arraycopy(tail, 0, out, headLen + marker.length + first, tailLen - first);
    return out;
  }
}
