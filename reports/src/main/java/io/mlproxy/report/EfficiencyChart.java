package io.mlproxy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 4: the evidence the mode controller decides on, as timeseries.csv records it at the end of
 * every step: the paired difference ML − default per judged page, read as lower bounds of what is
 * known (promotion needs its lower bound above the promote line) and as upper bounds over the
 * window's decisions (its mean below the demote line demotes, its upper bound below it means an
 * unreliable model); below it, the pages behind each reading against min_samples. Transitions are
 * marked with the numbers of the mode chart, so a reader sees which crossing caused which change.
 */
public final class EfficiencyChart implements ReportChart {

  static final String ID = "efficiency";
  static final String TITLE = "Evidence: ML − default per judged page (replication 1)";

  /** run.properties key of the sample floor. */
  public static final String MIN_SAMPLES_KEY = "param.thresholds.min_samples";

  // Readings and thresholds are not variants: black, orange and greys, colours no variant has.
  private static final Color KNOWN = ChartStyle.BLACK;
  private static final Color RECENT = ChartStyle.ORANGE;
  private static final Color PROMOTE = new Color(0x555555);
  private static final Color DEMOTE = new Color(0x555555);
  /** Shading where the known reading is below the sample gate (it cannot promote). */
  private static final Color GATE_CLOSED = new Color(0x56, 0xB4, 0xE9, 40);

  /** Decisions a reading needs besides min_samples pages (the mode controller's own limit). */
  static final int MIN_DECISIONS = 8;

  @Override
  public Figure render(ScenarioResults r) {
    String variant = ReportChart.proxyVariant(r);
    if (variant == null) {
      return Figure.unavailable(ID, TITLE, "the scenario ran neither proxy nor ml-only");
    }
    TimeSeries ts = r.rep1(variant).orElseThrow();
    double[] t = ts.time();
    double[] knownMean = ts.column(SeriesColumn.KNOWN_MEAN_MS);
    double[] recentMean = ts.column(SeriesColumn.RECENT_MEAN_MS);
    if (allNaN(knownMean) && allNaN(recentMean)) {
      return Figure.unavailable(ID, TITLE, "the " + variant + " time series has no judged pages");
    }
    XYSeriesCollection values = new XYSeriesCollection();
    XYLineAndShapeRenderer valueLines = ChartStyle.lines();
    int k = 0;
    k = add(values, valueLines, k, "known mean (promotion reading)", t, knownMean, KNOWN, null);
    k = add(values, valueLines, k, "known lower bound", t, ts.column(SeriesColumn.KNOWN_LOWER_MS), KNOWN,
        ChartStyle.dashed(1.0f));
    k = add(values, valueLines, k, "recent mean (demotion reading)", t, recentMean, RECENT, null);
    k = add(values, valueLines, k, "recent upper bound", t, ts.column(SeriesColumn.RECENT_UPPER_MS), RECENT,
        ChartStyle.dashed(1.0f));
    k = add(values, valueLines, k, "promote above", t, ts.column(SeriesColumn.PROMOTE_ABOVE_MS), PROMOTE,
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f));
    add(values, valueLines, k, "demote below", t, ts.column(SeriesColumn.DEMOTE_BELOW_MS), DEMOTE,
        new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 3f, 2f, 3f}, 0f));
    XYPlot valuePlot = new XYPlot(values, null, ChartStyle.axis("ML − default per page (ms)"), valueLines);
    ValueMarker zero = new ValueMarker(0, new Color(0x666666), new BasicStroke(0.8f));
    valuePlot.addRangeMarker(zero);

    XYSeriesCollection samples = new XYSeriesCollection();
    XYLineAndShapeRenderer sampleLines = ChartStyle.lines();
    int j = add(samples, sampleLines, 0, "known pages", t, ts.column(SeriesColumn.KNOWN_PAGES), KNOWN, null);
    add(samples, sampleLines, j, "recent pages", t, ts.column(SeriesColumn.RECENT_PAGES), RECENT, null);
    XYPlot samplePlot = new XYPlot(samples, null, ChartStyle.axis("judged pages"), sampleLines);
    OptionalDouble minSamples = r.run().number(MIN_SAMPLES_KEY);
    if (minSamples.isPresent()) {
      ValueMarker floor = new ValueMarker(minSamples.getAsDouble(), new Color(0x555555), ChartStyle.dashed(1.0f));
      floor.setLabel("min_samples " + Fmt.sig(minSamples.getAsDouble(), 6));
      floor.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      // at the right end, where the last readings are, on white: JFreeChart's default grey box hid the bars
      floor.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      floor.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      floor.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
      samplePlot.addRangeMarker(floor);
    }

    double end = TimeCharts.end(r);
    int gated = minSamples.isPresent() ? shadeClosedGate(valuePlot, ts, minSamples.getAsDouble()) : 0;
    CombinedDomainXYPlot plot = ChartStyle.combinedTimePlot(end);
    plot.add(valuePlot, 3);
    plot.add(samplePlot, 1);
    TimeCharts.shadeFaults(samplePlot, r, end, false);
    List<Event> transitions = ModeBandChart.transitions(r.events(variant, 1));
    for (int n = 0; n < transitions.size() && n < ModeBandChart.MAX_LABELLED; n++) {
      ValueMarker m = new ValueMarker(transitions.get(n).timeS());
      m.setPaint(new Color(0x333333));
      m.setStroke(ChartStyle.dashed(0.6f));
      m.setLabel(Integer.toString(n + 1));
      m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
      valuePlot.addDomainMarker(m);
    }
    ((NumberAxis) samplePlot.getRangeAxis()).setAutoRangeIncludesZero(true);
    String title = variant.equals(Variants.PROXY) ? TITLE : TITLE + " — ml-only";
    JFreeChart chart = TimeCharts.chart(title, plot, true);
    String caption = "A page paged out (or that would have been) is worth min(g, W) − B ms, g the time until it "
        + "is needed again; the difference is ML's opinion's worth minus the default's, per judged page. "
        + "Black, the known reading: outcomes counted when known, a page left alone counting from B on and "
        + "gaining; promotion needs its lower bound (dashed) above the promote line (grey, short dashes). Orange, the recent reading: "
        + "the window's decisions with their pending pages at their best possible worth; its mean below the "
        + "demote line (grey, dash-dot) demotes one mode, its upper bound (dashed) below it sends the proxy to EMERGENCY as an "
        + "unreliable model. Gaps: no judged page in the window. Numbered lines: the transitions of the mode "
        + "chart. Below: the pages behind each reading; a reading counts from min_samples pages (and 8 "
        + "decisions) on"
        + (gated > 0 ? "; light blue shading above: times when the known reading is below that gate, so it "
            + "cannot promote whatever its value" : "") + ". Shaded below: injected faults.";
    return Figure.of(ID, title, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 560),
        HtmlWriter.escape(caption));
  }

  /** Adds a line that breaks where the values are missing; returns the next series index. */
  private static int add(XYSeriesCollection data, XYLineAndShapeRenderer renderer, int index, String key,
                         double[] x, double[] y, Color colour, BasicStroke stroke) {
    if (allNaN(y)) {
      return index;
    }
    data.addSeries(withGaps(key, x, y));
    renderer.setSeriesPaint(index, colour);
    if (stroke != null) {
      renderer.setSeriesStroke(index, stroke);
    }
    return index + 1;
  }

  /**
   * Shades the times when the known reading has fewer than {@code minSamples} pages or fewer than
   * {@link #MIN_DECISIONS} decisions (it cannot promote); at most 100 bands. Returns how many.
   */
  private static int shadeClosedGate(XYPlot plot, TimeSeries ts, double minSamples) {
    double[] pages = ts.column(SeriesColumn.KNOWN_PAGES);
    double[] decisions = ts.column(SeriesColumn.KNOWN_DECISIONS);
    double[] mean = ts.column(SeriesColumn.KNOWN_MEAN_MS);
    List<double[]> spans = new java.util.ArrayList<>();
    double end = ts.time()[ts.size() - 1];
    double joinWithin = end / 100;
    for (int i = 0; i < ts.size(); i++) {
      boolean closed = !Double.isNaN(mean[i])
          && (Double.isNaN(pages[i]) || pages[i] < minSamples || Double.isNaN(decisions[i])
              || decisions[i] < MIN_DECISIONS);
      if (!closed) {
        continue;
      }
      double from = ts.stepStart(i);
      double to = ts.time()[i];
      double[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
      if (last != null && from - last[1] <= joinWithin) {
        last[1] = to;
      } else {
        spans.add(new double[] {from, to});
      }
    }
    for (double[] span : spans) {
      org.jfree.chart.plot.IntervalMarker m = new org.jfree.chart.plot.IntervalMarker(span[0], span[1]);
      m.setPaint(GATE_CLOSED);
      plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    return spans.size();
  }

  /** See {@link TimeCharts#withGaps}. */
  static XYSeries withGaps(String key, double[] x, double[] y) {
    return TimeCharts.withGaps(key, x, y);
  }

  static boolean allNaN(double[] v) {
    for (double d : v) {
      if (!Double.isNaN(d)) {
        return false;
      }
    }
    return true;
  }
}
