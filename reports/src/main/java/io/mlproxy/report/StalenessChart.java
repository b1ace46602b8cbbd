package io.mlproxy.report;

import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 5: the agent's lag as the proxy saw it, for every variant that uses the agent: the
 * largest age of the dataset behind the recommendation in force and the largest staleness of
 * that recommendation in each window (a 1 s sawtooth over minutes would fill the plot solid),
 * with injected faults shaded and the staleness timeout drawn.
 */
public final class StalenessChart implements ReportChart {

  static final String ID = "staleness";
  static final String TITLE = "Dataset age and recommendation staleness, maxima per window (replication 1)";

  /** run.properties key of the staleness timeout ("10000 ms"). */
  static final String TIMEOUT_KEY = "param.thresholds.staleness_timeout";

  @Override
  public Figure render(ScenarioResults r) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    double end = TimeCharts.end(r);
    TimeSeries first = r.rep1(r.variantNames().get(0)).orElseThrow();
    double window = TimeCharts.window(end, first.stepSeconds(first.size() - 1));
    int i = 0;
    double top = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      double[] age = seconds(ts.column(SeriesColumn.DATASET_AGE_MS));
      double[] stale = seconds(ts.column(SeriesColumn.RECOMMENDATION_STALENESS_MS));
      // proxy and ml-only share one agent schedule, so their lines often coincide: the thinner
      // ml-only line runs inside the proxy's, both visible
      float w = v.equals(Variants.PROXY) ? 5f : v.equals(Variants.ML_ONLY) ? 2f : ResidentMemoryChart.width(v);
      if (!TimeCharts.allNaN(age)) {
        data.addSeries(TimeCharts.windowed(v + ": dataset age", ts, age, window, TimeCharts.Aggregate.MAX));
        renderer.setSeriesPaint(i, ChartStyle.variant(v));
        renderer.setSeriesStroke(i++, new java.awt.BasicStroke(w));
        top = Math.max(top, max(age));
      }
      if (!TimeCharts.allNaN(stale)) {
        data.addSeries(TimeCharts.windowed(v + ": recommendation staleness", ts, stale, window,
            TimeCharts.Aggregate.MAX));
        renderer.setSeriesPaint(i, ChartStyle.variant(v));
        renderer.setSeriesStroke(i++, new java.awt.BasicStroke(w, java.awt.BasicStroke.CAP_BUTT,
            java.awt.BasicStroke.JOIN_MITER, 10f, new float[] {7f, 4f}, 0f));
        top = Math.max(top, max(stale));
      }
    }
    if (i == 0) {
      return Figure.unavailable(ID, TITLE, "no variant recorded a dataset or a recommendation");
    }
    NumberAxis y = ChartStyle.axis("age (s)");
    y.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(end), y, renderer);
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    OptionalDouble timeout = timeoutSeconds(r.run());
    if (timeout.isPresent()) {
      ValueMarker m = new ValueMarker(timeout.getAsDouble(), ChartStyle.BLACK, ChartStyle.dotted(1.2f));
      m.setLabel("staleness_timeout " + Fmt.sig(timeout.getAsDouble(), 3) + " s");
      m.setLabelFont(ChartStyle.SMALL_FONT);
      m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
      m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
      m.setLabelBackgroundColor(ChartStyle.LABEL_BACKGROUND);
      plot.addRangeMarker(m);
      // the timeout is the scale that matters: lags far below it are harmless
      y.setRange(0, Math.max(top, timeout.getAsDouble()) * 1.08);
    }
    TimeCharts.shadeFaults(plot, r, end, true);
    JFreeChart chart = TimeCharts.chart(TITLE, plot, true);
    return Figure.of(ID, TITLE, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 400),
        HtmlWriter.escape("The largest value in each window of " + TimeCharts.describeWindow(window)
            + ". Solid: age of the dataset behind the recommendation in force; dashed: time since "
            + "that recommendation was installed. Lines start at the first dataset or recommendation; "
            + "a gap means none was in force. "
            + (timeout.isPresent() ? "Dotted: staleness_timeout, beyond which the proxy falls back to "
                + "EMERGENCY. " : "")
            + "Shaded: injected faults."));
  }

  /** The staleness timeout in seconds, from run.properties ("10000 ms"), if recorded. */
  static OptionalDouble timeoutSeconds(RunInfo run) {
    if (!run.has(TIMEOUT_KEY)) {
      return OptionalDouble.empty();
    }
    String v = run.get(TIMEOUT_KEY).replace("ms", "").strip();
    try {
      return OptionalDouble.of(Double.parseDouble(v) / 1000);
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  private static double max(double[] v) {
    double m = 0;
    for (double d : v) {
      if (!Double.isNaN(d)) {
        m = Math.max(m, d);
      }
    }
    return m;
  }

  private static double[] seconds(double[] ms) {
    double[] s = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      s[i] = ms[i] / 1000.0;
    }
    return s;
  }
}
