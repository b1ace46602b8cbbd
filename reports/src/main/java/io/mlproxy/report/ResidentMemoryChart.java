package io.mlproxy.report;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/** Chart 1: resident memory over time, every variant, with the workload's footprint. */
public final class ResidentMemoryChart implements ReportChart {

  static final String ID = "resident";
  static final String TITLE = "Resident memory over time (replication 1)";

  /**
   * Line widths in the variants' canonical order, widest first and drawn first: where two
   * variants hold the same memory, the later one runs inside the earlier, so both stay visible.
   */
  static final List<Float> WIDTHS = List.of(8f, 5.6f, 3.8f, 2.0f, 1.0f);

  @Override
  public Figure render(ScenarioResults r) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    int i = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      data.addSeries(ReportChart.series(v, ts.time(), ts.column(SeriesColumn.RESIDENT_PAGES)));
      renderer.setSeriesPaint(i, ChartStyle.variant(v));
      renderer.setSeriesStroke(i, new BasicStroke(width(v), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
      i++;
    }
    TimeSeries first = r.rep1(r.variantNames().get(0)).orElseThrow();
    data.addSeries(
        ReportChart.series(
            "footprint", first.time(), first.column(SeriesColumn.FOOTPRINT_PAGES)));
    renderer.setSeriesPaint(i, ChartStyle.BLACK);
    renderer.setSeriesStroke(i, ChartStyle.dashed(1.0f));
    double end = TimeCharts.end(r);
    XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(end), ChartStyle.axis("resident memory (pages)"), renderer);
    ((org.jfree.chart.axis.NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    TimeCharts.shadeFaults(plot, r, end, false);
    JFreeChart chart = TimeCharts.chart(TITLE, plot, true);
    return Figure.of(ID, TITLE, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 400),
        "Pages resident at the end of each output step; the dashed black line is the workload's "
            + "footprint (pages touched so far), which <em>none</em> (no proactive reclaim) follows. "
            + "Lower is more memory saved. Lines are drawn widest first, so a variant that holds "
            + "the same memory as another shows as a thinner line inside it. Shaded: injected faults.");
  }

  /** The line width of {@code variant}. */
  static float width(String variant) {
    int k = Variants.ALL.indexOf(variant);
    return k < 0 ? 1.5f : WIDTHS.get(k);
  }
}
