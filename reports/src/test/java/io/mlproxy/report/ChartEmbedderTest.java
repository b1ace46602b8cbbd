package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jsoup.Jsoup;

/** The embedded PNG is lossless: decoded by Image I/O it is the chart's own rendering, pixel for pixel. */
class ChartEmbedderTest {

  @Property(tries = 25)
  void pngDecodesToTheChartsPixels(
      @ForAll @Size(min = 1, max = 40) List<@DoubleRange(min = -1e6, max = 1e6) Double> values,
      @ForAll @IntRange(min = 1, max = 300) int width, @ForAll @IntRange(min = 1, max = 200) int height)
      throws Exception {
    XYSeries series = new XYSeries("s");
    for (int i = 0; i < values.size(); i++) {
      series.add(i, values.get(i));
    }
    JFreeChart chart = ChartFactory.createXYLineChart("t", "x", "y", new XYSeriesCollection(series));

    String img = ChartEmbedder.png(chart, "c", width, height);

    BufferedImage decoded = ImageStats.pngOf(Jsoup.parse(img).selectFirst("img").attr("src"));
    BufferedImage expected = chart.createBufferedImage(width, height);
    assertThat(decoded.getWidth()).isEqualTo(width);
    assertThat(decoded.getHeight()).isEqualTo(height);
    int[] got = decoded.getRGB(0, 0, width, height, null, 0, width);
    int[] want = expected.getRGB(0, 0, width, height, null, 0, width);
    assertThat(got).isEqualTo(want);
  }
}
