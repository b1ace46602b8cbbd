package io.mlproxy.report;

import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Chart 6: DAMON access heatmap of one replication, as {@code damo report heatmap} draws it:
 * time across, address space up, colour = access frequency. Embedded as PNG: tens of thousands
 * of cells would make a huge SVG.
 */
public final class HeatmapChart implements ReportChart {

  static final String ID = "heatmap";
  static final String TITLE = "DAMON access heatmap";

  /** At most this many time columns are drawn; neighbouring steps are averaged. */
  static final int MAX_COLUMNS = 480;

  @Override
  public Figure render(ScenarioResults r) {
    if (r.heatmap().isEmpty()) {
      return Figure.unavailable(ID, TITLE, "no variant has a rep-1/heatmap.csv");
    }
    String variant = r.heatmap().get().variant();
    Heatmap h = r.heatmap().get().heatmap();
    int steps = h.times().length;
    int group = (steps + MAX_COLUMNS - 1) / MAX_COLUMNS;
    int cols = (steps + group - 1) / group;
    int buckets = h.buckets();
    double[] x = new double[cols * buckets];
    double[] y = new double[cols * buckets];
    double[] z = new double[cols * buckets];
    double maxWidth = 0;
    for (int c = 0; c < cols; c++) {
      int from = c * group;
      int to = Math.min(steps, from + group);
      double t0 = from == 0 ? 0 : h.times()[from - 1];
      if (from == 0 && steps > 1) {
        t0 = Math.max(0, h.times()[0] - (h.times()[1] - h.times()[0]));
      }
      double t1 = h.times()[to - 1];
      maxWidth = Math.max(maxWidth, t1 - t0);
      for (int b = 0; b < buckets; b++) {
        double sum = 0;
        int n = 0;
        for (int s = from; s < to; s++) {
          double v = h.permille()[s][b];
          if (!Double.isNaN(v)) {
            sum += v;
            n++;
          }
        }
        int k = c * buckets + b;
        x[k] = t0;
        y[k] = h.startPage()[b];
        z[k] = n == 0 ? Double.NaN : sum / n;
      }
    }
    double height = 0;
    for (int b = 0; b < buckets; b++) {
      height = Math.max(height, h.endPage()[b] - h.startPage()[b]);
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("access", new double[][] {x, y, z});
    XYBlockRenderer renderer = new XYBlockRenderer();
    HeatPaintScale scale = new HeatPaintScale();
    renderer.setPaintScale(scale);
    renderer.setBlockAnchor(RectangleAnchor.BOTTOM_LEFT);
    renderer.setBlockWidth(maxWidth);
    renderer.setBlockHeight(height);
    NumberAxis time = ChartStyle.axis("simulated time (s)");
    NumberAxis address = ChartStyle.axis("address (page frame number)");
    address.setAutoRangeIncludesZero(true);
    XYPlot plot = new XYPlot(data, time, address, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    time.setRange(0, h.times()[steps - 1]);
    address.setRange(h.startPage()[0], h.endPage()[buckets - 1]);
    String title = TITLE + " — " + variant + ", replication 1";
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
    NumberAxis legendAxis = new NumberAxis("access frequency (‰ of max nr_accesses)");
    legendAxis.setRange(0, 1000);
    legendAxis.setLabelFont(ChartStyle.LABEL_FONT);
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setMargin(4, 8, 4, 4);
    legend.setStripWidth(14);
    chart.addSubtitle(legend);
    ChartStyle.apply(chart);
    ChartStyle.style(plot);
    return Figure.of(ID, title, ChartEmbedder.png(chart, ID, ChartEmbedder.WIDTH, 440),
        HtmlWriter.escape("Each cell: size-weighted mean of DAMON's nr_accesses over the regions "
            + "overlapping one of " + buckets + " address buckets, relative to the maximum. "
            + (group > 1 ? "Columns average " + group + " output steps each. " : "")
            + "Full resolution is in " + variant + "/rep-1/heatmap.csv. Addresses are the workload's own "
            + "page numbers, which a page keeps through pageout and refault: a modelling choice that gives "
            + "DAMON a cleaner history than physical frames would (README, DAMON model)."));
  }
}
