package io.mlproxy.report;

import java.awt.Color;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 4: the mode controller's windowed ML and default efficiency, with the promote and demote
 * thresholds drawn where the controller puts them: the default's efficiency moved by the margin
 * (per-mille of the default's magnitude) up for promotion and down for demotion.
 */
public final class EfficiencyChart implements ReportChart {

  static final String ID = "efficiency";
  static final String TITLE = "Windowed ML vs default efficiency (replication 1)";

  /** run.properties key of the promotion margin, per-mille of |default efficiency|. */
  public static final String PROMOTE_KEY = "param.thresholds.promote_margin";

  /** run.properties key of the demotion margin, per-mille of |default efficiency|. */
  public static final String DEMOTE_KEY = "param.thresholds.demote_margin";

  @Override
  public Figure render(ScenarioResults r) {
    String variant = ReportChart.proxyVariant(r);
    if (variant == null) {
      return Figure.unavailable(ID, TITLE, "the scenario ran neither proxy nor ml-only");
    }
    TimeSeries ts = r.rep1(variant).orElseThrow();
    double[] ml = ts.column(SeriesColumn.ML_EFFICIENCY);
    double[] def = ts.column(SeriesColumn.DEFAULT_EFFICIENCY);
    if (allNaN(ml) && allNaN(def)) {
      return Figure.unavailable(ID, TITLE, "the " + variant + " time series has no efficiency values");
    }
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    data.addSeries(ReportChart.series("ML efficiency", ts.time(), ml));
    renderer.setSeriesPaint(0, ChartStyle.variant(Variants.ML_ONLY));
    data.addSeries(ReportChart.series("default efficiency", ts.time(), def));
    renderer.setSeriesPaint(1, ChartStyle.variant(Variants.HANDCRAFTED));
    OptionalDouble promote = r.run().number(PROMOTE_KEY);
    OptionalDouble demote = r.run().number(DEMOTE_KEY);
    StringBuilder caption = new StringBuilder(
        "Decision value per decision over the controller's window (page·ms; negative when "
            + "paged-out pages refault before the break-even time). ");
    int next = 2;
    if (promote.isPresent()) {
      data.addSeries(ReportChart.series(
          "promote threshold: default + |default|×" + Fmt.exact(promote.getAsDouble()) + "‰",
          ts.time(), threshold(def, promote.getAsDouble())));
      renderer.setSeriesPaint(next, new Color(0x2ca02c));
      renderer.setSeriesStroke(next++, ChartStyle.dashed(1.1f));
    }
    if (demote.isPresent()) {
      data.addSeries(ReportChart.series(
          "demote threshold: default − |default|×" + Fmt.exact(demote.getAsDouble()) + "‰",
          ts.time(), threshold(def, -demote.getAsDouble())));
      renderer.setSeriesPaint(next, new Color(0xd62728));
      renderer.setSeriesStroke(next, ChartStyle.dashed(1.1f));
    }
    if (promote.isPresent() || demote.isPresent()) {
      caption.append("Dashed: the thresholds, drawn relative to the default's efficiency as the "
          + "controller applies them; ML above the green line argues for promotion, ML below the "
          + "red line for demotion.");
    } else {
      caption.append("Thresholds not drawn: run.properties has neither " + PROMOTE_KEY + " nor "
          + DEMOTE_KEY + ".");
    }
    XYPlot plot = new XYPlot(data, ChartStyle.axis("simulated time (s)"),
        ChartStyle.axis("decision value per decision (page·ms)"), renderer);
    String title = variant.equals(Variants.PROXY) ? TITLE : TITLE + " — ml-only";
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
    return Figure.of(ID, title, ChartEmbedder.svg(chart, ID, ChartEmbedder.WIDTH, ChartEmbedder.HEIGHT),
        HtmlWriter.escape(caption.toString()));
  }

  /** The default's efficiency moved by {@code signedPermille} of its magnitude. */
  static double[] threshold(double[] def, double signedPermille) {
    double[] out = new double[def.length];
    for (int i = 0; i < def.length; i++) {
      out[i] = def[i] + Math.abs(def[i]) * signedPermille / 1000.0;
    }
    return out;
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
