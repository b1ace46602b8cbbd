package io.mlproxy.report;

/**
 * A small HTML builder: every text and attribute value goes through {@link #escape}, only
 * {@link #raw} inserts markup as is (for the SVG that JFreeSVG produced).
 */
public final class HtmlWriter {

  private final StringBuilder out = new StringBuilder(1 << 16);

  /** Escapes {@code s} for use in element content and in double-quoted attribute values. */
  public static String escape(String s) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String rep =
          switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
          };
      if (rep != null || (c < 0x20 && c != '\n' && c != '\t' && c != '\r')) {
        if (b == null) {
          b = new StringBuilder(s.length() + 16);
          b.append(s, 0, i);
        }
        // Control characters are not allowed in HTML text: show them as U+FFFD.
        b.append(rep != null ? rep : "\uFFFD");
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? s : b.toString();
  }

  /** Opens {@code tag} with attribute name/value pairs. */
  public HtmlWriter open(String tag, String... attributes) {
    out.append('<').append(tag);
    appendAttributes(attributes);
    out.append('>');
    return this;
  }

  /** A void element such as {@code meta} or {@code img}. */
  public HtmlWriter empty(String tag, String... attributes) {
    return open(tag, attributes);
  }

  private void appendAttributes(String[] attributes) {
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name/value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1]))
          .append('"');
    }
  }

  /** Closes {@code tag}. */
  public HtmlWriter close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** Escaped text. */
  public HtmlWriter text(String s) {
    out.append(escape(s));
    return this;
  }

  /** An element holding only escaped text. */
  public HtmlWriter element(String tag, String text, String... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  /** Markup inserted as is: only for markup this module produced. */
  public HtmlWriter raw(String markup) {
    out.append(markup);
    return this;
  }

  /** A line break in the source, for readability of the file. */
  public HtmlWriter nl() {
    out.append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
