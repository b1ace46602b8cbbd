package io.mlproxy.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 2: major faults per second, one panel per variant on one shared scale (no variant hides
 * another), counted over windows of about 1/200 of the run (a single fault in a 100 ms step is
 * 10/s; a window shows the rate). Refaults, the faults reclaim caused, are drawn dashed over the
 * faults only where they differ from them.
 */
public final class FaultRateChart implements ReportChart {

  static final String ID = "faults";
  static final String TITLE = "Major faults per second (replication 1)";

  @Override
  public Figure render(ScenarioResults r) {
    double end = TimeCharts.end(r);
    TimeSeries first = r.rep1(r.variantNames().get(0)).orElseThrow();
    double window = TimeCharts.window(end, first.stepSeconds(first.size() - 1));
    List<String> quiet = new ArrayList<>();
    List<String> drawn = new ArrayList<>();
    boolean anyRefaultDiffers = false;
    double max = 0;
    List<XYSeries[]> panels = new ArrayList<>();
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      double[] faults = ts.column(SeriesColumn.FAULTS);
      double[] refaults = ts.column(SeriesColumn.REFAULTS);
      if (sum(faults) == 0) {
        quiet.add(v);
        continue;
      }
      XYSeries f = TimeCharts.windowed(v + ": faults", ts, faults, window, TimeCharts.Aggregate.RATE);
      XYSeries rf = null;
      if (!java.util.Arrays.equals(faults, refaults)) {
        rf = TimeCharts.windowed(v + ": refaults", ts, refaults, window, TimeCharts.Aggregate.RATE);
        anyRefaultDiffers = true;
      }
      max = Math.max(max, f.getMaxY());
      drawn.add(v);
      panels.add(new XYSeries[] {f, rf});
    }
    if (drawn.isEmpty()) {
      return Figure.unavailable(ID, TITLE, "no variant had a major fault in replication 1");
    }
    CombinedDomainXYPlot plot = ChartStyle.combinedTimePlot(end);
    plot.setGap(6);
    for (int k = 0; k < drawn.size(); k++) {
      String v = drawn.get(k);
      XYSeriesCollection area = new XYSeriesCollection(panels.get(k)[0]);
      XYAreaRenderer fill = new XYAreaRenderer(XYAreaRenderer.AREA);
      fill.setUseFillPaint(true);
      Color c = ChartStyle.variant(v);
      fill.setSeriesPaint(0, c);
      fill.setSeriesFillPaint(0, ChartStyle.tint(c, 0.55));
      fill.setOutline(true);
      fill.setSeriesOutlinePaint(0, c);
      NumberAxis y = ChartStyle.axis(v + " (1/s)");
      y.setAutoRangeIncludesZero(true);
      y.setRange(0, max * 1.08 > 0 ? max * 1.08 : 1);
      XYPlot p = new XYPlot(area, null, y, fill);
      if (panels.get(k)[1] != null) {
        XYLineAndShapeRenderer dashed = ChartStyle.lines();
        dashed.setSeriesPaint(0, ChartStyle.BLACK);
        dashed.setSeriesStroke(0, ChartStyle.dashed(1.2f));
        p.setDataset(1, new XYSeriesCollection(panels.get(k)[1]));
        p.setRenderer(1, dashed);
      }
      TimeCharts.shadeFaults(p, r, end, k == 0);
      plot.add(p, 1);
    }
    JFreeChart chart = TimeCharts.chart(TITLE, plot, false);
    String caption = "Major faults (pages read back from swap) per second in windows of "
        + TimeCharts.describeWindow(window) + ", one panel per variant on one scale. "
        + (anyRefaultDiffers
            ? "Dashed: refaults (faults on pages proactive reclaim paged out), where they differ from the faults. "
            : "Every fault was a refault (a page proactive reclaim had paged out), so one line shows both. ")
        + (quiet.isEmpty() ? "" : "No fault at all: " + String.join(", ", quiet) + ". ")
        + "Shaded: injected faults.";
    return Figure.of(ID, TITLE, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 110 + 92 * drawn.size()),
        HtmlWriter.escape(caption));
  }

  private static double sum(double[] a) {
    double s = 0;
    for (double v : a) {
      s += Double.isNaN(v) ? 0 : v;
    }
    return s;
  }
}
