package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every time chart of a report spans the same pixels and the same time range: x axes line up. */
class TimeChartLayoutTest {

  @TempDir Path root;

  @Test
  void everyTimeChartHasTheSamePlotAreaAndTimeRange() {
    ResultsFixture f = new ResultsFixture();
    f.steps = 200;
    f.reps = 2;
    ScenarioResults r = ScenarioResults.load(f.write(root));
    List<String> checked = new ArrayList<>();
    Rectangle2D first = null;
    for (ReportChart c : ScenarioReport.CHARTS) {
      Figure fig = c.render(r);
      assertThat(fig.drawn()).as(fig.id()).isTrue();
      assertThat(fig.chart()).as(fig.id()).isNotNull();
      ChartRenderingInfo info = new ChartRenderingInfo();
      BufferedImage img = new BufferedImage(ChartStyle.TIME_CHART_WIDTH, 500, BufferedImage.TYPE_INT_RGB);
      fig.chart().draw(img.createGraphics(), new Rectangle2D.Double(0, 0, ChartStyle.TIME_CHART_WIDTH, 500), info);
      PlotRenderingInfo plot = info.getPlotInfo();
      Rectangle2D area = plot.getSubplotCount() > 0 ? plot.getSubplotInfo(0).getDataArea() : plot.getDataArea();
      XYPlot xy = (XYPlot) fig.chart().getPlot();
      assertThat(xy.getDomainAxis().getLowerBound()).as(fig.id()).isEqualTo(0.0);
      assertThat(xy.getDomainAxis().getUpperBound()).as(fig.id()).isEqualTo(f.steps * f.stepS, within(1e-9));
      if (first == null) {
        first = area;
      }
      assertThat(area.getMinX()).as(fig.id() + " left edge").isCloseTo(first.getMinX(), within(0.5));
      assertThat(area.getMaxX()).as(fig.id() + " right edge").isCloseTo(first.getMaxX(), within(0.5));
      checked.add(fig.id());
    }
    assertThat(checked).containsExactly("resident", "faults", "modes", "efficiency", "staleness", "heatmap", "score");
    assertThat(first.getMinX()).isCloseTo(ChartStyle.AXIS_LEFT, within(1.0));
  }
}
