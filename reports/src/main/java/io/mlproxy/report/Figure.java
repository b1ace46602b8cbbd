package io.mlproxy.report;

import org.jfree.chart.JFreeChart;

/**
 * One figure of a report: an anchor id, a title, the embedded image markup (inline SVG or a
 * base64 PNG) or a note saying why it could not be drawn, an optional caption (HTML), and the
 * chart it was drawn from (null when not drawn), so its layout can be checked.
 */
public record Figure(String id, String title, String body, String caption, boolean drawn, JFreeChart chart) {

  /** A drawn figure. */
  public static Figure of(String id, String title, String body, String caption) {
    return new Figure(id, title, body, caption, true, null);
  }

  /** A drawn figure and its chart. */
  public static Figure of(String id, String title, JFreeChart chart, String body, String caption) {
    return new Figure(id, title, body, caption, true, chart);
  }

  /** A figure the results have no data for. */
  public static Figure unavailable(String id, String title, String reason) {
    return new Figure(
        id, title, "<p class=\"note\">Not drawn: " + HtmlWriter.escape(reason) + "</p>", "", false, null);
  }
}
