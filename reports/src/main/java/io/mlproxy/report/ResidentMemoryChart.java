package io.mlproxy.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/** Chart 1: resident memory over time, every variant, with the workload's footprint. */
public final class ResidentMemoryChart implements ReportChart {

  static final String ID = "resident";
  static final String TITLE = "Resident memory over time (replication 1)";

  @Override
  public Figure render(ScenarioResults r) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    int i = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      data.addSeries(ReportChart.series(v, ts.time(), ts.column(SeriesColumn.RESIDENT_PAGES)));
      renderer.setSeriesPaint(i++, ChartStyle.variant(v));
    }
    TimeSeries first = r.rep1(r.variantNames().get(0)).orElseThrow();
    data.addSeries(
        ReportChart.series(
            "footprint", first.time(), first.column(SeriesColumn.FOOTPRINT_PAGES)));
    renderer.setSeriesPaint(i, Color.BLACK);
    renderer.setSeriesStroke(i, ChartStyle.dashed(1.2f));
    XYPlot plot =
        new XYPlot(
            data,
            ChartStyle.axis("simulated time (s)"),
            ChartStyle.axis("resident memory (pages)"),
            renderer);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(TITLE, ChartStyle.TITLE_FONT, plot, true));
    return Figure.of(
        ID,
        TITLE,
        ChartEmbedder.svg(chart, ID, ChartEmbedder.WIDTH, ChartEmbedder.HEIGHT),
        "Pages resident at the end of each output step; the dashed line is the workload's "
            + "footprint. Lower is more memory saved.");
  }
}
