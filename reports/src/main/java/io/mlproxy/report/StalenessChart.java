package io.mlproxy.report;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 5: the agent's lag as the proxy saw it: age of the dataset the agent worked from and
 * staleness of the recommendation in force, for every variant that uses the agent.
 */
public final class StalenessChart implements ReportChart {

  static final String ID = "staleness";
  static final String TITLE = "Dataset age and recommendation staleness (replication 1)";

  @Override
  public Figure render(ScenarioResults r) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    int i = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      double[] age = seconds(ts.column(SeriesColumn.DATASET_AGE_MS));
      double[] stale = seconds(ts.column(SeriesColumn.RECOMMENDATION_STALENESS_MS));
      if (!EfficiencyChart.allNaN(age)) {
        data.addSeries(ReportChart.series(v + ": dataset age", ts.time(), age));
        renderer.setSeriesPaint(i++, ChartStyle.variant(v));
      }
      if (!EfficiencyChart.allNaN(stale)) {
        data.addSeries(ReportChart.series(v + ": recommendation staleness", ts.time(), stale));
        renderer.setSeriesPaint(i, ChartStyle.variant(v));
        renderer.setSeriesStroke(i++, ChartStyle.dashed(1.4f));
      }
    }
    if (i == 0) {
      return Figure.unavailable(ID, TITLE, "no variant recorded a dataset or a recommendation");
    }
    XYPlot plot = new XYPlot(data, ChartStyle.axis("simulated time (s)"),
        ChartStyle.axis("age (s)"), renderer);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(TITLE, ChartStyle.TITLE_FONT, plot, true));
    return Figure.of(ID, TITLE, ChartEmbedder.svg(chart, ID, ChartEmbedder.WIDTH, ChartEmbedder.HEIGHT),
        "Solid: how old the dataset behind the agent's latest recommendation is; dashed: how long "
            + "ago the recommendation in force was computed. Lines start at the first dataset or "
            + "recommendation.");
  }

  private static double[] seconds(double[] ms) {
    double[] s = new double[ms.length];
    for (int i = 0; i < ms.length; i++) {
      s[i] = ms[i] / 1000.0;
    }
    return s;
  }
}
