package io.mlproxy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look shared by every chart: the Okabe–Ito colour-blind-safe palette with one colour per
 * variant (used for nothing else), mode tints, fonts, plain white plots, and one fixed axis
 * space so that every time chart's plot area spans the same pixels and their x axes line up.
 */
public final class ChartStyle {

  /** Okabe & Ito's palette (2008), distinguishable with every common colour-vision deficiency. */
  public static final Color BLACK = new Color(0x000000);
  public static final Color ORANGE = new Color(0xE69F00);
  public static final Color SKY_BLUE = new Color(0x56B4E9);
  public static final Color BLUISH_GREEN = new Color(0x009E73);
  public static final Color YELLOW = new Color(0xF0E442);
  public static final Color BLUE = new Color(0x0072B2);
  public static final Color VERMILLION = new Color(0xD55E00);
  public static final Color REDDISH_PURPLE = new Color(0xCC79A7);
  /** Neutral grey for the no-reclaim reference (not a hue, so it competes with no variant). */
  public static final Color GREY = new Color(0x8C8C8C);

  /** Colour of each variant, the same in every chart and table of every report. */
  public static final Map<String, Color> VARIANT_COLOURS =
      Map.of(
          Variants.NONE, GREY,
          Variants.HANDCRAFTED, BLUE,
          Variants.PROXY, VERMILLION,
          Variants.ML_ONLY, BLUISH_GREEN,
          Variants.ORACLE, REDDISH_PURPLE);

  /**
   * How much of the variant's colour each mode gets: the mode ladder is drawn in tints of the
   * variant it belongs to, pale for EMERGENCY (no ML) to full colour for RECOMMENDATION.
   */
  private static final Map<Mode, Double> MODE_STRENGTH =
      Map.of(Mode.EMERGENCY, 0.22, Mode.LEARNING, 0.45, Mode.COLLABORATION, 0.7, Mode.RECOMMENDATION, 1.0);

  /** Shading of injected faults in the time charts: grey, so it is no variant's colour. */
  public static final Color FAULT_BAND = new Color(0, 0, 0, 28);
  public static final Color FAULT_LABEL = new Color(0x444444);

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
  static final Color GRID = new Color(0xdddddd);
  /** Behind marker labels: mostly opaque white, so a label reads over the data it sits on. */
  static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 220);

  /** Width of every time chart in CSS pixels. */
  public static final int TIME_CHART_WIDTH = 960;
  /** Space left of every time chart's plot area (y axis labels), pixels. */
  static final int AXIS_LEFT = 124;
  /** Space right of every time chart's plot area, pixels. */
  static final int AXIS_RIGHT = 18;

  private ChartStyle() {}

  /** The colour of {@code variant}. */
  public static Color variant(String variant) {
    return VARIANT_COLOURS.getOrDefault(variant, Color.BLACK);
  }

  /** The tint of {@code variant}'s colour that stands for {@code mode}. */
  public static Color mode(String variant, Mode mode) {
    return tint(variant(variant), MODE_STRENGTH.get(mode));
  }

  /** {@code c} mixed with white: {@code strength} 1 is c itself, 0 is white. */
  static Color tint(Color c, double strength) {
    return new Color(mix(c.getRed(), strength), mix(c.getGreen(), strength), mix(c.getBlue(), strength));
  }

  private static int mix(int channel, double strength) {
    return (int) Math.round(255 - (255 - channel) * strength);
  }

  /** A line renderer drawing each series as one path (small SVG) without point shapes. */
  public static XYLineAndShapeRenderer lines() {
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
    r.setDrawSeriesLineAsPath(true);
    r.setAutoPopulateSeriesStroke(false);
    r.setDefaultStroke(new BasicStroke(1.6f));
    return r;
  }

  /** A dashed stroke for thresholds and secondary lines. */
  public static BasicStroke dashed(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
  }

  /** A dotted stroke. */
  public static BasicStroke dotted(float width) {
    return new BasicStroke(
        width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);
  }

  /** A number axis with a label that names its unit. */
  public static NumberAxis axis(String labelWithUnit) {
    NumberAxis a = new NumberAxis(labelWithUnit);
    a.setAutoRangeIncludesZero(false);
    return a;
  }

  /** The time axis every time chart shares: simulated seconds from 0 to the run's end. */
  public static NumberAxis timeAxis(double end) {
    NumberAxis a = new NumberAxis("simulated time (s)");
    a.setRange(0, end > 0 ? end : 1);
    return a;
  }

  /** Fixes the axis space of a time plot (a combined one must come from {@link #combinedTimePlot}). */
  public static void alignTimeAxis(XYPlot plot) {
    if (!(plot instanceof CombinedDomainXYPlot)) {
      plot.setFixedRangeAxisSpace(fixedSpace());
    } else if (!(plot instanceof AlignedCombinedPlot)) {
      throw new IllegalArgumentException("use ChartStyle.combinedTimePlot for stacked time charts");
    }
    plot.setInsets(new RectangleInsets(4, 0, 4, 0));
  }

  private static AxisSpace fixedSpace() {
    AxisSpace space = new AxisSpace();
    space.setLeft(AXIS_LEFT);
    space.setRight(AXIS_RIGHT);
    return space;
  }

  /** Stacked time panels sharing the time axis, with the same fixed axis space as every time chart. */
  public static CombinedDomainXYPlot combinedTimePlot(double end) {
    return new AlignedCombinedPlot(timeAxis(end));
  }

  /**
   * A combined plot whose subplots get the fixed axis space: CombinedDomainXYPlot clears the
   * subplots' own fixed spaces while drawing and hands them the widest natural one instead.
   */
  private static final class AlignedCombinedPlot extends CombinedDomainXYPlot {
    private static final long serialVersionUID = 1L;

    AlignedCombinedPlot(NumberAxis time) {
      super(time);
    }

    @Override
    protected AxisSpace calculateAxisSpace(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D plotArea) {
      AxisSpace s = super.calculateAxisSpace(g2, plotArea);
      s.setLeft(AXIS_LEFT);
      s.setRight(AXIS_RIGHT);
      return s;
    }
  }

  /** Applies fonts, white background and light grid to {@code chart}, legend at the bottom. */
  public static JFreeChart apply(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(4, 0, 4, 0));
    TextTitle t = chart.getTitle();
    if (t != null) {
      t.setFont(TITLE_FONT);
    }
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(LABEL_FONT);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    if (chart.getPlot() instanceof CombinedDomainXYPlot c) {
      style(c);
      for (XYPlot sub : c.getSubplots()) {
        style(sub);
      }
    } else if (chart.getPlot() instanceof XYPlot p) {
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

  /** The paint of {@code variant} as a Paint, for renderers. */
  public static Paint paint(String variant) {
    return variant(variant);
  }
}
