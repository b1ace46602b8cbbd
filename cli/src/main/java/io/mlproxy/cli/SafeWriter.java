package io.mlproxy.cli;

import io.mlproxy.scenario.SafeText;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * Output that never acts on the terminal: every message the workbench prints may echo input (a
 * file name, a value from a scenario or a trace, a CSV cell), so control characters, lone
 * surrogates and bidirectional overrides are written as escapes ({@link SafeText}); newlines and
 * tabs pass. Only the progress bar writes to the raw stream.
 */
final class SafeWriter extends Writer {
  private final Writer out;
  private char pendingHigh;

  private SafeWriter(Writer out) {
    this.out = out;
  }

  /** {@code out}, escaping as described. */
  static PrintWriter wrap(PrintWriter out) {
    return new PrintWriter(new SafeWriter(out), true);
  }

  @Override
  public void write(char[] buf, int off, int len) throws java.io.IOException {
    StringBuilder sb = new StringBuilder(len + 1);
    if (pendingHigh != 0) {
      sb.append(pendingHigh);
      pendingHigh = 0;
    }
    sb.append(buf, off, len);
    // a surrogate pair may be split across two writes: keep a trailing high surrogate for the next
    if (sb.length() > 0 && Character.isHighSurrogate(sb.charAt(sb.length() - 1))) {
      pendingHigh = sb.charAt(sb.length() - 1);
      sb.setLength(sb.length() - 1);
    }
    out.write(SafeText.escape(sb.toString()));
  }

  @Override
  public void flush() throws java.io.IOException {
    out.flush();
  }

  @Override
  public void close() throws java.io.IOException {
    if (pendingHigh != 0) {
      out.write(SafeText.escape(String.valueOf(pendingHigh)));
      pendingHigh = 0;
    }
    out.flush();
  }
}
