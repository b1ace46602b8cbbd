package io.mlproxy.report;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Base64;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/** Turns a chart into markup that needs nothing outside the HTML file: inline SVG or PNG data. */
public final class ChartEmbedder {

  /** Default drawing size in CSS pixels. */
  public static final int WIDTH = 960;

  /** Default drawing height in CSS pixels. */
  public static final int HEIGHT = 460;

  static {
    // JFreeChart's workaround draws rotated labels (the y-axis titles) as glyph outlines: in SVG
    // that is kilobytes of paths per label and text nobody can search or copy. Java 17 rotates
    // drawString correctly, so let the SVG carry real <text>.
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  private ChartEmbedder() {}

  /**
   * Inline SVG with a viewBox (it scales with the page and prints sharply). {@code id} prefixes
   * the SVG's own ids so several charts can share one page.
   */
  public static String svg(JFreeChart chart, String id, int width, int height) {
    SVGGraphics2D g = new SVGGraphics2D(width, height);
    g.setDefsKeyPrefix(id + "-");
    // One decimal of a CSS pixel is invisible; full double precision would triple the file.
    g.setGeomDoubleConverter(ChartEmbedder::oneDecimal);
    chart.draw(g, new Rectangle(0, 0, width, height));
    String svg = g.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
    return svg.replaceFirst("<svg ", "<svg class=\"chart\" role=\"img\" aria-label=\""
        + HtmlWriter.escape(chart.getTitle() == null ? id : chart.getTitle().getText()) + "\" ");
  }

  /** An {@code <img>} holding the chart as a base64 PNG (for charts with too many shapes). */
  public static String png(JFreeChart chart, String id, int width, int height) {
    BufferedImage image = chart.createBufferedImage(width, height);
    byte[] bytes = PngWriter.encode(image);
    String alt = chart.getTitle() == null ? id : chart.getTitle().getText();
    return "<img class=\"chart\" id=\"" + HtmlWriter.escape(id) + "\" width=\"" + width
        + "\" height=\"" + height + "\" alt=\"" + HtmlWriter.escape(alt)
        + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(bytes)
        + "\">";
  }

  static String oneDecimal(double v) {
    if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
      return Double.toString(v);
    }
    long tenths = Math.round(v * 10);
    long whole = tenths / 10;
    long frac = Math.abs(tenths % 10);
    String sign = tenths < 0 && whole == 0 ? "-" : "";
    return frac == 0 ? sign + whole : sign + whole + "." + frac;
  }
}
