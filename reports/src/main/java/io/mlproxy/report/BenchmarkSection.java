package io.mlproxy.report;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XIntervalSeries;
import org.jfree.data.xy.XIntervalSeriesCollection;

/**
 * The index's benchmarks section: one chart per benchmark, its parameter sets as rows with their
 * full names, time per operation on one logarithmic axis shared by all (0.8 s and 4 ns on one
 * page), each score with its error bar (JMH's 99.9% interval, else the range of the measured
 * iterations), and a table with every figure and B/op.
 */
public final class BenchmarkSection {

  /** Width of the value part of each chart, pixels; the label column is as wide as its labels. */
  static final int PLOT_WIDTH = 560;

  private BenchmarkSection() {}

  /** The section's HTML for {@code results} (at least one). */
  public static String render(List<BenchmarkResult> results, List<String> sources) {
    HtmlWriter h = new HtmlWriter();
    h.open("section", "id", "benchmarks").element("h2", "Benchmarks (JMH)");
    h.element("p", "From " + String.join(", ", sources) + ". Time per operation on a log scale shared by "
        + "every chart (a throughput is shown as its inverse, the time per operation); bars: JMH's 99.9% "
        + "confidence interval, or the range of the measured iterations where JMH computed none (fewer "
        + "than 3 iterations; one iteration: no bar). B/op is gc.alloc.rate.norm (with -prof gc).", "class", "muted");
    Map<String, List<BenchmarkResult>> groups = new LinkedHashMap<>();
    for (BenchmarkResult r : results) {
      if (r.hasNsPerOp()) {
        groups.computeIfAbsent(r.shortName(), k -> new ArrayList<>()).add(r);
      }
    }
    double[] range = range(results);
    // one label column for all charts, so that their time axes line up
    int labelWidth = labelWidth(results.stream().filter(BenchmarkResult::hasNsPerOp).toList());
    int k = 0;
    for (Map.Entry<String, List<BenchmarkResult>> g : groups.entrySet()) {
      JFreeChart chart = chart(g.getKey(), g.getValue(), range, labelWidth);
      int width = labelWidth + PLOT_WIDTH;
      h.open("figure", "id", "fig-bench-" + k, "class", "drawn bench", "data-benchmark", g.getKey())
          .raw(ChartEmbedder.svg(chart, "bench-" + k, width, 96 + 24 * g.getValue().size())
              .replaceFirst("class=\"chart\"", "class=\"chart bench\" style=\"max-width:" + width + "px\""))
          .close("figure");
      k++;
    }
    h.open("table", "class", "bench").open("tr");
    for (String c : List.of("benchmark", "parameters", "mode", "score ± error (or iteration range)", "unit",
        "ns/op", "B/op")) {
      h.element("th", c);
    }
    h.close("tr");
    for (BenchmarkResult r : results) {
      h.open("tr").element("td", r.benchmark())
          .element("td", r.paramText()).element("td", r.mode())
          .element("td", scoreText(r))
          .element("td", r.scoreUnit())
          .element("td", Fmt.num(r.nsPerOp()))
          .element("td", Fmt.num(r.bytesPerOp())).close("tr");
    }
    return h.close("table").close("section").toString();
  }

  /** Score ± JMH's error; without an error, the range of the measured iterations if known. */
  static String scoreText(BenchmarkResult r) {
    if (!Double.isNaN(r.scoreError())) {
      return Fmt.num(r.score()) + " ± " + Fmt.num(r.scoreError());
    }
    if (!Double.isNaN(r.rawMin())) {
      return Fmt.num(r.score()) + " (" + Fmt.num(r.rawMin()) + "–" + Fmt.num(r.rawMax()) + ")";
    }
    return Fmt.num(r.score()) + " (no error: one iteration)";
  }

  /** The row label of a result: its parameters, or the benchmark's name without any. */
  static String label(BenchmarkResult r) {
    String label = r.params().isEmpty() ? "(no parameters)" : r.paramText();
    return r.isThroughput() ? label + " (throughput, inverted)" : label;
  }

  private static int labelWidth(List<BenchmarkResult> rows) {
    FontRenderContext frc = new FontRenderContext(null, true, true);
    double w = 0;
    for (BenchmarkResult r : rows) {
      w = Math.max(w, ChartStyle.TICK_FONT.getStringBounds(label(r), frc).getWidth());
    }
    return (int) Math.ceil(w) + 24;
  }

  /** The decades (log10 of ns) every chart shows: all scores and bars. */
  static double[] range(List<BenchmarkResult> results) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (BenchmarkResult r : results) {
      if (!r.hasNsPerOp() || !(r.nsPerOp() > 0)) {
        continue;
      }
      double[] bar = r.nsPerOpBar();
      lo = Math.min(lo, Double.isNaN(bar[0]) || bar[0] <= 0 ? r.nsPerOp() : Math.min(bar[0], r.nsPerOp()));
      hi = Math.max(hi, Double.isNaN(bar[1]) || Double.isInfinite(bar[1]) ? r.nsPerOp() : Math.max(bar[1], r.nsPerOp()));
    }
    if (!(hi > 0)) {
      return new double[] {0, 1};
    }
    double a = Math.floor(Math.log10(lo));
    double b = Math.ceil(Math.log10(hi));
    return new double[] {a, b > a ? b : a + 1};
  }

  static JFreeChart chart(String name, List<BenchmarkResult> rows, double[] range, int labelWidth) {
    XIntervalSeries s = new XIntervalSeries("ns/op");
    String[] labels = new String[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      BenchmarkResult r = rows.get(i);
      // first row at the top
      int y = rows.size() - 1 - i;
      labels[y] = label(r);
      double[] bar = r.nsPerOpBar();
      double v = r.nsPerOp();
      double low = Double.isNaN(bar[0]) || bar[0] <= 0 ? v : bar[0];
      double high = Double.isNaN(bar[1]) || Double.isInfinite(bar[1]) ? v : bar[1];
      // x is log10 of ns on a plain axis: JFreeSVG writes its tick labels as text
      s.add(Math.log10(v), Math.log10(low), Math.log10(high), y);
    }
    XIntervalSeriesCollection data = new XIntervalSeriesCollection();
    data.addSeries(s);
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawYError(false);
    renderer.setDrawXError(true);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setSeriesPaint(0, ChartStyle.BLACK);
    renderer.setErrorPaint(ChartStyle.BLACK);
    renderer.setCapLength(6);
    renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-3.5, -3.5, 7, 7));
    NumberAxis time = new NumberAxis("time per operation (log scale)");
    time.setRange(range[0], range[1]);
    time.setTickUnit(new NumberTickUnit(1));
    time.setNumberFormatOverride(new DecadeFormat());
    time.setLabelFont(ChartStyle.LABEL_FONT);
    time.setTickLabelFont(ChartStyle.TICK_FONT);
    SymbolAxis params = new SymbolAxis(null, labels);
    params.setTickLabelFont(ChartStyle.TICK_FONT);
    params.setGridBandsVisible(false);
    params.setRange(-0.6, rows.size() - 0.4);
    XYPlot plot = new XYPlot(data, time, params, renderer);
    plot.setOrientation(PlotOrientation.VERTICAL);
    AxisSpace left = new AxisSpace();
    left.setLeft(labelWidth);
    left.setRight(12);
    plot.setFixedRangeAxisSpace(left);
    JFreeChart chart = new JFreeChart(name, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, false);
    return ChartStyle.apply(chart);
  }

  /** A decade, log10 of nanoseconds, as a time with its unit: 10 ns, 1 µs, 100 ms, 1 s. */
  static final class DecadeFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double log10ns, StringBuffer to, FieldPosition pos) {
      double ns = Math.pow(10, Math.rint(log10ns * 1000) / 1000);
      String[] units = {"ns", "µs", "ms", "s"};
      double v = ns;
      int u = 0;
      while (Math.abs(v) >= 1000 && u < units.length - 1) {
        v /= 1000;
        u++;
      }
      return to.append(Fmt.sig(v, 3)).append(' ').append(units[u]);
    }

    @Override
    public StringBuffer format(long ns, StringBuffer to, FieldPosition pos) {
      return format((double) ns, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("formatting only");
    }
  }
}
