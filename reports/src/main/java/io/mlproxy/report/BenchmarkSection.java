package io.mlproxy.report;

import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;

/**
 * The index's benchmarks section: the proxy's hot-path JMH results as ns/op with error bars
 * and a table with B/op, per benchmark and parameter set.
 */
public final class BenchmarkSection {

  private BenchmarkSection() {}

  /** The section's HTML for {@code results} (at least one). */
  public static String render(List<BenchmarkResult> results, List<String> sources) {
    HtmlWriter h = new HtmlWriter();
    h.open("section", "id", "benchmarks").element("h2", "Benchmarks (JMH)");
    h.element("p", "From " + String.join(", ", sources) + ". Error bars and ± are JMH's "
        + "99.9% confidence half-widths; B/op is gc.alloc.rate.norm (with -prof gc).", "class", "muted");
    List<BenchmarkResult> timed = results.stream().filter(BenchmarkResult::isTimePerOp).toList();
    if (!timed.isEmpty()) {
      h.open("figure", "id", "fig-bench", "class", "drawn")
          .raw(ChartEmbedder.svg(chart(timed), "bench", ChartEmbedder.WIDTH,
              Math.max(220, 90 + 26 * timed.size())))
          .close("figure");
    }
    h.open("table", "class", "bench").open("tr");
    for (String c : List.of("benchmark", "parameters", "mode", "score ± error", "unit", "ns/op",
        "B/op")) {
      h.element("th", c);
    }
    h.close("tr");
    for (BenchmarkResult r : results) {
      h.open("tr").element("td", r.shortName(), "title", r.benchmark())
          .element("td", r.paramText()).element("td", r.mode())
          .element("td", Fmt.sig(r.score(), 4) + " ± " + Fmt.sig(r.scoreError(), 2))
          .element("td", r.scoreUnit())
          .element("td", Fmt.sig(r.nsPerOp(), 4))
          .element("td", Fmt.sig(r.bytesPerOp(), 4)).close("tr");
    }
    return h.close("table").close("section").toString();
  }

  static JFreeChart chart(List<BenchmarkResult> timed) {
    DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
    for (BenchmarkResult r : timed) {
      String category = r.shortName() + (r.params().isEmpty() ? "" : " (" + r.paramText() + ")");
      double err = Double.isNaN(r.nsPerOpError()) ? 0 : r.nsPerOpError();
      data.add(r.nsPerOp(), err, "ns/op", category);
    }
    StatisticalBarRenderer renderer = new StatisticalBarRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setSeriesPaint(0, new Color(0x1f77b4));
    renderer.setErrorIndicatorPaint(Color.BLACK);
    renderer.setMaximumBarWidth(0.6);
    CategoryAxis names = new CategoryAxis("benchmark (parameters)");
    names.setTickLabelFont(ChartStyle.TICK_FONT);
    names.setLabelFont(ChartStyle.LABEL_FONT);
    names.setMaximumCategoryLabelWidthRatio(0.45f);
    NumberAxis value = new NumberAxis("time per operation (ns/op)");
    value.setLabelFont(ChartStyle.LABEL_FONT);
    value.setTickLabelFont(ChartStyle.TICK_FONT);
    CategoryPlot plot = new CategoryPlot(data, names, value, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(ChartStyle.GRID);
    JFreeChart chart = new JFreeChart("Proxy hot path: time per operation", ChartStyle.TITLE_FONT,
        plot, true);
    return ChartStyle.apply(chart);
  }
}
