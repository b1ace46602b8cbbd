package io.mlproxy.report;

/**
 * One figure of a report: an anchor id, a title, the embedded image markup (inline SVG or a
 * base64 PNG) or a note saying why it could not be drawn, and an optional caption (HTML).
 */
public record Figure(String id, String title, String body, String caption, boolean drawn) {

  /** A drawn figure. */
  public static Figure of(String id, String title, String body, String caption) {
    return new Figure(id, title, body, caption, true);
  }

  /** A figure the results have no data for. */
  public static Figure unavailable(String id, String title, String reason) {
    return new Figure(
        id, title, "<p class=\"note\">Not drawn: " + HtmlWriter.escape(reason) + "</p>", "", false);
  }
}
