package io.mlproxy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/** The look shared by every chart: colours per variant and mode, fonts, plain white plots. */
public final class ChartStyle {

  /** Colour of each variant, fixed so a variant looks the same in every chart. */
  public static final Map<String, Color> VARIANT_COLOURS =
      Map.of(
          Variants.NONE, new Color(0x7f7f7f),
          Variants.HANDCRAFTED, new Color(0x1f77b4),
          Variants.PROXY, new Color(0xd62728),
          Variants.ML_ONLY, new Color(0x2ca02c),
          Variants.ORACLE, new Color(0x9467bd));

  /** Colour of each proxy mode: red for danger through green for full trust in ML. */
  public static final Map<Mode, Color> MODE_COLOURS =
      Map.of(
          Mode.EMERGENCY, new Color(0xd62728),
          Mode.LEARNING, new Color(0xff9f1c),
          Mode.COLLABORATION, new Color(0x1f77b4),
          Mode.RECOMMENDATION, new Color(0x2ca02c));

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Color GRID = new Color(0xdddddd);

  private ChartStyle() {}

  /** The colour of {@code variant}. */
  public static Paint variant(String variant) {
    return VARIANT_COLOURS.getOrDefault(variant, Color.BLACK);
  }

  /** A line renderer drawing each series as one path (small SVG) without point shapes. */
  public static XYLineAndShapeRenderer lines() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    r.setAutoPopulateSeriesStroke(false);
    r.setDefaultStroke(new BasicStroke(1.4f));
    return r;
  }

  /** A dashed stroke for thresholds and secondary lines. */
  public static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /** A number axis with a label that names its unit. */
  public static NumberAxis axis(String labelWithUnit) {
    NumberAxis a = new NumberAxis(labelWithUnit);
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /** Applies fonts, white background and light grid to {@code chart}, legend at the bottom. */
  public static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    TextTitle t = chart.getTitle();
    if (t != null) {
      t.setFont(TITLE_FONT);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL_FONT);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (chart.getPlot() instanceof XYPlot p) {
      style(p);
    }
    return chart;
  }

  /** Background, grid and axis fonts of one XY plot. */
  public static void style(XYPlot p) {
    p.setBackgroundPaint(Color.WHITE);
    p.setDomainGridlinePaint(GRID);
    p.setRangeGridlinePaint(GRID);
    p.setOutlinePaint(Color.GRAY);
    for (int i = 0; i < p.getDomainAxisCount(); i++) {
      if (p.getDomainAxis(i) != null) {
        p.getDomainAxis(i).setLabelFont(LABEL_FONT);
        p.getDomainAxis(i).setTickLabelFont(TICK_FONT);
      }
    }
    for (int i = 0; i < p.getRangeAxisCount(); i++) {
      if (p.getRangeAxis(i) != null) {
        p.getRangeAxis(i).setLabelFont(LABEL_FONT);
        p.getRangeAxis(i).setTickLabelFont(TICK_FONT);
      }
    }
  }
}
