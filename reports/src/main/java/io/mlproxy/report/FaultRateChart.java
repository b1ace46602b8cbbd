package io.mlproxy.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/** Chart 2: major-fault and refault rates over time, every variant, in two stacked panels. */
public final class FaultRateChart implements ReportChart {

  static final String ID = "faults";
  static final String TITLE = "Fault and refault rates over time (replication 1)";

  @Override
  public Figure render(ScenarioResults r) {
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(ChartStyle.axis("simulated time (s)"));
    plot.setGap(12);
    plot.add(panel(r, SeriesColumn.FAULTS, "faults (1/s)", true), 1);
    plot.add(panel(r, SeriesColumn.REFAULTS, "refaults (1/s)", false), 1);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(TITLE, ChartStyle.TITLE_FONT, plot, true));
    return Figure.of(
        ID,
        TITLE,
        ChartEmbedder.svg(chart, ID, ChartEmbedder.WIDTH, 560),
        "Per-step counts divided by the step length. A refault is a fault on a page that "
            + "reclaim paged out: the cost of a wrong reclaim decision.");
  }

  private static XYPlot panel(ScenarioResults r, SeriesColumn col, String label, boolean legend) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    int i = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      double[] counts = ts.column(col);
      double[] rate = new double[ts.size()];
      for (int k = 0; k < rate.length; k++) {
        rate[k] = counts[k] / ts.stepSeconds(k);
      }
      data.addSeries(ReportChart.series(v, ts.time(), rate));
      renderer.setSeriesPaint(i++, ChartStyle.variant(v));
    }
    // The combined plot gathers legend items from both panels: show them once.
    renderer.setDefaultSeriesVisibleInLegend(legend);
    XYPlot p = new XYPlot(data, null, ChartStyle.axis(label), renderer);
    ChartStyle.style(p);
    return p;
  }
}
