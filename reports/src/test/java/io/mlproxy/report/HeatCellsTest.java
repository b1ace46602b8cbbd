package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/** The heatmap's raster puts each cell's colour where its time span and page range fall. */
class HeatCellsTest {

  @Test
  void eachPixelTakesTheColourOfTheCellUnderIt() {
    // columns [0,1) [1,3) [3,4); buckets of pages [0,10) [10,40) with a gap, then [50,60)
    double[] columnStart = {0, 1, 3};
    long[] bucketStart = {0, 10, 50};
    long[] bucketEnd = {10, 40, 60};
    double[] value = new double[9];
    for (int c = 0; c < 3; c++) {
      for (int b = 0; b < 3; b++) {
        value[c * 3 + b] = 10 * c + b; // distinct everywhere
      }
    }
    value[1 * 3 + 2] = Double.NaN; // no data: white
    HeatPaintScale scale = new HeatPaintScale(0, 22, false);
    NumberAxis time = new NumberAxis();
    time.setRange(0, 5);
    NumberAxis pages = new NumberAxis();
    pages.setRange(0, 60);
    XYPlot plot = new XYPlot(null, time, pages, null);
    BufferedImage image = new BufferedImage(200, 120, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.MAGENTA); // the "background": shows where no cell is
    g.fillRect(0, 0, 200, 120);
    Rectangle2D area = new Rectangle2D.Double(0, 0, 200, 120);
    new HeatCells(columnStart, 4, bucketStart, bucketEnd, value, scale).draw(g, plot, area, time, pages, 0, null);
    g.dispose();

    for (int c = 0; c < 3; c++) {
      double t = c == 0 ? 0.5 : c == 1 ? 2 : 3.5;
      for (int b = 0; b < 3; b++) {
        double page = (bucketStart[b] + bucketEnd[b]) / 2.0;
        int x = (int) time.valueToJava2D(t, area, RectangleEdge.BOTTOM);
        int y = (int) pages.valueToJava2D(page, area, RectangleEdge.LEFT);
        Color expected = (Color) scale.getPaint(value[c * 3 + b]);
        assertThat(image.getRGB(x, y)).as("column %d bucket %d", c, b).isEqualTo(expected.getRGB());
      }
    }
    // after the last column (t >= 4) and in the page gap [40, 50): untouched
    int afterEnd = (int) time.valueToJava2D(4.5, area, RectangleEdge.BOTTOM);
    int inGap = (int) pages.valueToJava2D(45, area, RectangleEdge.LEFT);
    assertThat(image.getRGB(afterEnd, 60)).isEqualTo(Color.MAGENTA.getRGB());
    assertThat(image.getRGB(50, inGap)).isEqualTo(Color.MAGENTA.getRGB());
    assertThat(scale.getPaint(Double.NaN)).isEqualTo(Color.WHITE);
  }
}
