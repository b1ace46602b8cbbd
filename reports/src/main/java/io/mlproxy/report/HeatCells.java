package io.mlproxy.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The heatmap's cells as one raster drawn at the plot's own pixel resolution: each device pixel
 * of the data area takes the colour of the cell under its centre (columns by their start time,
 * buckets by their page range). Tens of thousands of cells drawn as rectangles through the
 * anti-aliasing rasterizer took about half a second per chart; this is one pass over the
 * pixels, whatever the spacing of columns or buckets.
 */
final class HeatCells extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;

  private final double[] columnStart;
  private final double columnEnd;
  private final long[] bucketStart;
  private final long[] bucketEnd;
  private final double[] value;
  private final HeatPaintScale scale;

  /**
   * @param columnStart start time of each column, increasing; column c ends where c + 1 starts,
   *     the last at {@code columnEnd}
   * @param bucketStart first page of each bucket, increasing, and {@code bucketEnd} its end
   * @param value the cell values, column-major ({@code value[c * buckets + b]}), NaN = no data
   */
  HeatCells(double[] columnStart, double columnEnd, long[] bucketStart, long[] bucketEnd, double[] value,
      HeatPaintScale scale) {
    this.columnStart = columnStart.clone();
    this.columnEnd = columnEnd;
    this.bucketStart = bucketStart.clone();
    this.bucketEnd = bucketEnd.clone();
    this.value = value.clone();
    this.scale = scale;
  }

  @Override
  public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domain, ValueAxis range,
      int rendererIndex, PlotRenderingInfo info) {
    Rectangle pixels = area.getBounds();
    if (pixels.width <= 0 || pixels.height <= 0) {
      return;
    }
    RectangleEdge xEdge = plot.getDomainAxisEdge();
    RectangleEdge yEdge = plot.getRangeAxisEdge();
    int buckets = bucketStart.length;
    // which column each pixel column shows, and which bucket each pixel row (-1: none)
    int[] columnOf = new int[pixels.width];
    for (int px = 0; px < pixels.width; px++) {
      double t = domain.java2DToValue(pixels.x + px + 0.5, area, xEdge);
      columnOf[px] = t < columnStart[0] || t >= columnEnd ? -1 : floorIndex(columnStart, t);
    }
    int[] bucketOf = new int[pixels.height];
    for (int py = 0; py < pixels.height; py++) {
      double page = range.java2DToValue(pixels.y + py + 0.5, area, yEdge);
      int b = page < bucketStart[0] ? -1 : floorIndex(bucketStart, page);
      bucketOf[py] = b < 0 || page >= bucketEnd[b] ? -1 : b;
    }
    int[] rgb = new int[buckets * columnStart.length];
    for (int k = 0; k < rgb.length; k++) {
      int c = k / buckets;
      int b = k % buckets;
      rgb[k] = ((Color) scale.getPaint(value[c * buckets + b])).getRGB();
    }
    BufferedImage image = new BufferedImage(pixels.width, pixels.height, BufferedImage.TYPE_INT_ARGB);
    // written straight into the raster: 0 (transparent) lets the plot's background show
    int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    for (int py = 0; py < pixels.height; py++) {
      int b = bucketOf[py];
      if (b >= 0) {
        int row = py * pixels.width;
        for (int px = 0; px < pixels.width; px++) {
          int c = columnOf[px];
          argb[row + px] = c < 0 ? 0 : rgb[c * buckets + b];
        }
      }
    }
    g2.drawImage(image, pixels.x, pixels.y, null);
  }

  /** The last index i with {@code starts[i] <= v} ({@code starts} increasing, v >= starts[0]). */
  private static int floorIndex(double[] starts, double v) {
    int i = Arrays.binarySearch(starts, v);
    return i >= 0 ? i : -i - 2;
  }

  private static int floorIndex(long[] starts, double v) {
    int lo = 0;
    int hi = starts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= v) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
