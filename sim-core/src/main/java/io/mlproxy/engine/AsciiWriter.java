package io.mlproxy.engine;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Buffered output of ASCII text straight as bytes, for the largest results file (heatmap.csv:
 * 230,000 rows of small integers per run of static-hot-cold). Written through a {@code Writer},
 * every row went to a {@code String}, into a char buffer and through the UTF-8 encoder; here digits
 * go into the byte buffer directly. The bytes are those of {@link Integer#toString} and of the
 * strings given, so the file is the same.
 */
final class AsciiWriter implements AutoCloseable {

  private final OutputStream out;
  private final byte[] buf = new byte[1 << 16];
  private int pos;

  AsciiWriter(OutputStream out) {
    this.out = out;
  }

  /** Appends {@code bytes} as they are. */
  AsciiWriter bytes(byte[] bytes) throws IOException {
    if (bytes.length > buf.length - pos) {
      flushBuffer();
      if (bytes.length > buf.length) {
        out.write(bytes);
        return this;
      }
    }
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
    return this;
  }

  /** Appends {@code text}, which must be ASCII (a number, a header). */
  AsciiWriter ascii(String text) throws IOException {
    return bytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Appends one byte ({@code ','}, {@code '\n'}). */
  AsciiWriter ch(char c) throws IOException {
    if (pos == buf.length) {
      flushBuffer();
    }
    buf[pos++] = (byte) c;
    return this;
  }

  /** Appends {@code value} in decimal, as {@link Integer#toString(int)} writes it. */
  AsciiWriter decimal(int value) throws IOException {
    if (buf.length - pos < 11) {
      flushBuffer();
    }
    long v = value;
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long p = 10; p <= v; p *= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      buf[i] = (byte) ('0' + (int) (v % 10));
      v /= 10;
    }
    pos = end;
    return this;
  }

  private void flushBuffer() throws IOException {
    out.write(buf, 0, pos);
    pos = 0;
  }

  @Override
  public void close() throws IOException {
    try {
      flushBuffer();
    } finally {
      out.close();
    }
  }
}
