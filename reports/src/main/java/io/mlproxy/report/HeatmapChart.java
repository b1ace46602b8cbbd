package io.mlproxy.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.TexturePaint;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Chart 6: DAMON access heatmap of one replication, as {@code damo report heatmap} draws it:
 * time across, virtual page index up, colour = access frequency normalised to the range observed
 * (logarithmic when it spans decades); where the file records residency, buckets that were mostly
 * not resident (paged out) are hatched. Embedded as PNG: tens of thousands of cells would make a
 * huge SVG.
 */
public final class HeatmapChart implements ReportChart {

  static final String ID = "heatmap";
  static final String TITLE = "DAMON access heatmap";

  /** At most this many time columns are drawn; neighbouring steps are averaged. */
  static final int MAX_COLUMNS = 480;

  /** A bucket with fewer resident pages than this (‰ of its pages) is marked as paged out. */
  static final double PAGED_OUT_BELOW = 500;

  /** The hatch of paged-out buckets: sky blue, a colour of no variant and not in the heat scale. */
  static final Color HATCH = ChartStyle.SKY_BLUE;

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
    double[] out = h.hasResidency() ? new double[cols * buckets] : null;
    double maxWidth = 0;
    long markedCells = 0;
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
        int k = c * buckets + b;
        x[k] = t0;
        y[k] = h.startPage()[b];
        z[k] = mean(h.permille(), from, to, b);
        if (out != null) {
          double resident = mean(h.residentPermille(), from, to, b);
          out[k] = resident < PAGED_OUT_BELOW ? 1 : 0;
          markedCells += resident < PAGED_OUT_BELOW ? 1 : 0;
        }
      }
    }
    double height = 0;
    for (int b = 0; b < buckets; b++) {
      height = Math.max(height, h.endPage()[b] - h.startPage()[b]);
    }
    HeatPaintScale scale = HeatPaintScale.observed(z);
    double[] columnStart = new double[cols];
    for (int c = 0; c < cols; c++) {
      columnStart[c] = x[c * buckets];
    }
    double columnEnd = h.times()[steps - 1];
    double end = Math.max(h.times()[steps - 1], TimeCharts.end(r));
    NumberAxis time = ChartStyle.timeAxis(end);
    NumberAxis address = ChartStyle.axis("virtual page index");
    // no dataset: the cells are one raster (HeatCells), drawn under the paged-out hatching
    XYPlot plot = new XYPlot(null, time, address, null);
    plot.setBackgroundPaint(Color.WHITE);
    address.setRange(h.startPage()[0], h.endPage()[buckets - 1]);
    plot.addAnnotation(new HeatCells(columnStart, columnEnd, h.startPage(), h.endPage(), z, scale), false);
    if (out != null && markedCells > 0) {
      plot.addAnnotation(new PagedOut(x, y, out, cols, buckets, maxWidth, height), false);
    }
    String title = TITLE + " — " + variant + ", replication 1";
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false);
    ValueAxis legendAxis = scale.isLog() ? new LogAxis("access frequency (‰ of max nr_accesses, log scale)")
        : new NumberAxis("access frequency (‰ of max nr_accesses)");
    legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
    legendAxis.setLabelFont(ChartStyle.LABEL_FONT);
    legendAxis.setTickLabelFont(ChartStyle.TICK_FONT);
    if (legendAxis instanceof LogAxis log) {
      log.setBase(10);
      // ticks every half decade (10, 31.6, 100, ...), 3 significant digits
      log.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.5, new SigFormat()));
      log.setNumberFormatOverride(new SigFormat());
    }
    PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setMargin(4, ChartStyle.AXIS_LEFT, 2, 300);
    legend.setStripWidth(12);
    legend.setSubdivisionCount(128);
    chart.addSubtitle(legend);
    if (out != null && markedCells > 0) {
      LegendItemCollection items = new LegendItemCollection();
      items.add(new LegendItem("bucket mostly paged out (< half of its pages resident)", null, null, null,
          new Rectangle2D.Double(-7, -6, 14, 12), hatch(Color.BLACK)));
      LegendTitle key = new LegendTitle(() -> items);
      key.setPosition(RectangleEdge.BOTTOM);
      key.setItemFont(ChartStyle.LABEL_FONT);
      key.setFrame(BlockBorder.NONE);
      chart.addSubtitle(key);
    }
    ChartStyle.alignTimeAxis(plot);
    ChartStyle.apply(chart);
    ChartStyle.style(plot);
    String range = Fmt.sig(scale.getLowerBound(), 3) + " to " + Fmt.sig(scale.getUpperBound(), 3) + " ‰";
    String caption = "Each cell: size-weighted mean of DAMON's nr_accesses over the regions overlapping one of "
        + buckets + " address buckets, in ‰ of the maximum nr_accesses. Colours span the range observed ("
        + range + (scale.isLog() ? ", log scale: the values span decades, values below the lower end take its "
            + "colour" : ", linear") + "), as damo normalises its heatmap. "
        + (group > 1 ? "Columns average " + group + " output steps each. " : "")
        + (out == null ? "This heatmap.csv records no residency (written before resident_permille existed). "
            : markedCells > 0 ? "Hatched: buckets with fewer than half of their pages resident — paged out by "
                + "reclaim (or not touched yet). " : "No bucket was ever mostly paged out. ")
        + "Full resolution is in " + variant + "/rep-1/heatmap.csv. Addresses are the workload's own page "
        + "numbers, which a page keeps through pageout and refault: a modelling choice that gives DAMON a "
        + "cleaner history than physical frames would (README, DAMON model).";
    return Figure.of(ID, title, chart, ChartEmbedder.png(chart, ID, ChartStyle.TIME_CHART_WIDTH,
        out != null && markedCells > 0 ? 500 : 476), HtmlWriter.escape(caption));
  }

  private static double mean(double[][] cells, int from, int to, int b) {
    double sum = 0;
    int n = 0;
    for (int s = from; s < to; s++) {
      double v = cells[s][b];
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** Numbers to 3 significant digits, for the log colour scale's ticks. */
  static final class SigFormat extends java.text.NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double v, StringBuffer to, java.text.FieldPosition pos) {
      return to.append(Fmt.num(v));
    }

    @Override
    public StringBuffer format(long v, StringBuffer to, java.text.FieldPosition pos) {
      return to.append(Fmt.num(v));
    }

    @Override
    public Number parse(String source, java.text.ParsePosition pos) {
      throw new UnsupportedOperationException("formatting only");
    }
  }

  /** Diagonal hatch lines on a transparent ground. */
  static Paint hatch(Color line) {
    BufferedImage tile = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = tile.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(line);
    g.setStroke(new BasicStroke(1.6f));
    g.drawLine(0, 8, 8, 0);
    g.drawLine(-4, 4, 4, -4);
    g.drawLine(4, 12, 12, 4);
    g.dispose();
    return new TexturePaint(tile, new Rectangle(0, 0, 8, 8));
  }

  /**
   * The paged-out cells as one hatched shape over the heat colours: runs of marked cells in each
   * bucket become one rectangle each, filled in a single call (a texture fill per cell cost
   * half a second for 30,000 cells).
   */
  private static final class PagedOut extends org.jfree.chart.annotations.AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    private static final Paint HATCHED = hatch(HATCH);
    private final double[] x;
    private final double[] y;
    private final double[] marked;
    private final int cols;
    private final int buckets;
    private final double width;
    private final double height;

    PagedOut(double[] x, double[] y, double[] marked, int cols, int buckets, double width, double height) {
      this.x = x;
      this.y = y;
      this.marked = marked;
      this.cols = cols;
      this.buckets = buckets;
      this.width = width;
      this.height = height;
    }

    @Override
    public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
        int rendererIndex, org.jfree.chart.plot.PlotRenderingInfo info) {
      java.awt.geom.Path2D.Double shape = new java.awt.geom.Path2D.Double();
      RectangleEdge xEdge = plot.getDomainAxisEdge();
      RectangleEdge yEdge = plot.getRangeAxisEdge();
      for (int b = 0; b < buckets; b++) {
        int c = 0;
        while (c < cols) {
          while (c < cols && marked[c * buckets + b] < 0.5) {
            c++;
          }
          int from = c;
          while (c < cols && marked[c * buckets + b] >= 0.5) {
            c++;
          }
          if (c > from) {
            double x0 = domain.valueToJava2D(x[from * buckets + b], area, xEdge);
            double x1 = domain.valueToJava2D(x[(c - 1) * buckets + b] + width, area, xEdge);
            double y0 = range.valueToJava2D(y[from * buckets + b], area, yEdge);
            double y1 = range.valueToJava2D(y[from * buckets + b] + height, area, yEdge);
            shape.append(new Rectangle2D.Double(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0),
                Math.abs(y1 - y0)), false);
          }
        }
      }
      java.awt.Shape clip = g2.getClip();
      g2.clip(area);
      g2.setPaint(HATCHED);
      g2.fill(shape);
      g2.setClip(clip);
    }
  }
}
