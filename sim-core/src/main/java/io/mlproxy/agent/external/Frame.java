package io.mlproxy.agent.external;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One frame as read: the type byte followed by the body, exactly as long as the length field said.
 * Little-endian accessors count offsets from the start of the body.
 */
public final class Frame {
  private final byte[] raw;

  /** Wraps {@code raw}: {@code raw[0]} is the type, the rest the body (not copied). */
  public Frame(byte[] raw) {
    if (raw.length < 1) {
      throw new IllegalArgumentException("a frame has at least its type byte");
    }
    this.raw = raw;
  }

  /** The frame type. */
  public int type() {
    return raw[0] & 0xFF;
  }

  /** Bytes in the body. */
  public int bodyLength() {
    return raw.length - 1;
  }

  /** The backing array; the body starts at {@link #BODY}. */
  public byte[] raw() {
    return raw;
  }

  /** Offset of the body in {@link #raw()}. */
  public static final int BODY = 1;

  public int u8(int off) {
    return raw[BODY + off] & 0xFF;
  }

  public int u16(int off) {
    return u8(off) | u8(off + 1) << 8;
  }

  public int i32(int off) {
    return u16(off) | u16(off + 2) << 16;
  }

  public long u32(int off) {
    return i32(off) & 0xFFFF_FFFFL;
  }

  public long i64(int off) {
    return u32(off) | (long) i32(off + 4) << 32;
  }

  /** The body from {@code off} to the end as strict UTF-8, or null when it is not UTF-8. */
  public String text(int off) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(raw, BODY + off, raw.length - BODY - off))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return AgentProtocol.typeName(type()) + " (" + bodyLength() + " body bytes)";
  }
}
