package io.mlproxy.agent.external;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Builds one outgoing frame in a reusable array: length field, type, then the body. */
public final class FrameBuffer {
  private byte[] buf = new byte[256];
  private int len;

  /** Starts a frame of {@code type}. */
  public FrameBuffer begin(int type) {
    len = 4;
    return u8(type);
  }

  public FrameBuffer u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
    return this;
  }

  public FrameBuffer u16(int v) {
    return u8(v).u8(v >>> 8);
  }

  public FrameBuffer i32(int v) {
    return u16(v).u16(v >>> 16);
  }

  public FrameBuffer i64(long v) {
    return i32((int) v).i32((int) (v >>> 32));
  }

  public FrameBuffer bytes(byte[] b, int off, int n) {
    ensure(n);
    System.arraycopy(b, off, buf, len, n);
    len += n;
    return this;
  }

  public FrameBuffer text(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return bytes(b, 0, b.length);
  }

  /** Makes room for {@code n} bytes to be filled in place; returns their offset in {@link #array()}. */
  public int reserve(int n) {
    ensure(n);
    int at = len;
    len += n;
    return at;
  }

  /** Gives back the unused end of a reservation. */
  public void shrink(int n) {
    len -= n;
  }

  /** Writes the length field; returns the whole frame's length in {@link #array()}. */
  public int finish() {
    int n = len - 4;
    buf[0] = (byte) n;
    buf[1] = (byte) (n >>> 8);
    buf[2] = (byte) (n >>> 16);
    buf[3] = (byte) (n >>> 24);
    return len;
  }

  public byte[] array() {
    return buf;
  }

  private void ensure(int n) {
    if (len + n > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
    }
  }
}
