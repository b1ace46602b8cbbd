package io.mlproxy.scenario;

/**
 * Makes text taken from an input file safe to print: control characters, lone surrogates and
 * bidirectional overrides are written as escapes, so a message never moves the cursor, clears the
 * terminal, sets its title or reorders what the reader sees.
 */
public final class SafeText {

  /** Longest input value echoed in a message; longer values are cut with an ellipsis. */
  public static final int MAX_ECHO = 60;

  private SafeText() {}

  /**
   * {@code text} with every character that a terminal would act on escaped: C0 controls but tab
   * and newline, DEL, C1 controls, bidirectional overrides and isolates, and unpaired surrogates.
   */
  public static String escape(String text) {
    return escape(text, true);
  }

  /** Like {@link #escape(String)}, but newlines are escaped too: for one-line messages. */
  public static String escapeLine(String text) {
    return escape(text, false);
  }

  /** A value echoed in a message: stripped, quoted, escaped and cut at {@link #MAX_ECHO}. */
  public static String quote(String value) {
    String s = value.strip();
    if (s.codePointCount(0, s.length()) > MAX_ECHO) {
      s = s.substring(0, s.offsetByCodePoints(0, MAX_ECHO)) + "…";
    }
    return "'" + escapeLine(s) + "'";
  }

  /** True when {@link #escape(String)} would change nothing but newlines and tabs. */
  public static boolean isPrintable(String text) {
    return escape(text, true).equals(text);
  }

  private static String escape(String text, boolean keepNewlines) {
    StringBuilder sb = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      String replacement = null;
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (sb != null) {
          sb.append(c).append(text.charAt(i + 1));
        }
        i++;
        continue;
      }
      if (Character.isSurrogate(c) || isBidiControl(c)) {
        replacement = String.format("\\u%04X", (int) c);
      } else if (c == '\n' && keepNewlines || c == '\t') {
        replacement = null;
      } else if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
        replacement = switch (c) {
          case '\n' -> "\\n";
          case '\r' -> "\\r";
          case 0x1b -> "\\e";
          case 0x07 -> "\\a";
          case 0x00 -> "\\0";
          default -> String.format("\\x%02X", (int) c);
        };
      }
      if (replacement != null && sb == null) {
        sb = new StringBuilder(n + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (replacement != null) {
          sb.append(replacement);
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  private static boolean isBidiControl(char c) {
    return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f
        || c == 0x061c;
  }
}
