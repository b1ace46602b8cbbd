package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.tune.Candidate;
import io.mlproxy.tune.HeldOutTable;
import io.mlproxy.tune.RobustObjective;
import io.mlproxy.tune.ScenarioScore;
import io.mlproxy.tune.Tuner;
import io.mlproxy.tune.TuningLog;
import io.mlproxy.tune.TuningRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TuningReportTest {

  @TempDir Path dir;

  private static TuningRecord record(String method, int n, double proxy, double hand, double lower) {
    Candidate c = Candidate.fromUnit(new double[] {n / 10.0, 0.5, 0.1, 0.1, 0.2, 0.1, 0.2, 0.3, 0.9, 0.8});
    return new TuningRecord(method, n,
        new RobustObjective(0.01).judge(c, List.of(new ScenarioScore("s", proxy, hand, lower))));
  }

  @Test
  void convergenceIsTheRunningBestPerMethod() {
    List<TuningRecord> records = List.of(
        record("cmaes", 1, 0.30, 0.30, 0.29), record("cmaes", 2, 0.35, 0.30, 0.29),
        record("cmaes", 3, 0.32, 0.30, 0.29), record("random", 1, 0.20, 0.30, 0.29),
        record("random", 2, 0.31, 0.30, 0.29));
    JFreeChart chart = TuningReport.convergence(records);
    XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
    assertThat(data.getSeriesCount()).isEqualTo(2);
    // cmaes: 0, 0.05, 0.05 (the third is worse than the second)
    assertThat(data.getSeries("cmaes").getY(2).doubleValue()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-9));
    // random: the first breaks the guard (0.20 < 0.29 - 0.01): -0.1 - 2 - 10 x 0.08; then 0.01
    assertThat(data.getSeries("random").getY(0).doubleValue()).isCloseTo(-2.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(data.getSeries("random").getY(1).doubleValue()).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void pageHasEveryChartAndTheHeldOutTable() throws Exception {
    TuningLog log = TuningLog.open(dir.resolve(Tuner.LOG_FILE), List.of("s"));
    log.append(record("bobyqa", 1, 0.30, 0.30, 0.29));
    log.append(record("bobyqa", 2, 0.34, 0.30, 0.29));
    HeldOutTable.write(dir.resolve(Tuner.HELD_OUT_FILE), List.of(
        new HeldOutTable.Row("default", new ScenarioScore("s", 0.31, 0.30, 0.28)),
        new HeldOutTable.Row("tuned", new ScenarioScore("s", 0.36, 0.30, 0.28))));
    Path file = TuningReport.write(dir);
    Document doc = Jsoup.parse(Files.readString(file));
    // convergence, one sensitivity plot per tuned parameter, before/after
    assertThat(doc.select("svg")).hasSize(2 + io.mlproxy.tune.TunedParameter.values().length);
    assertThat(doc.select("table").last().select("tr")).hasSize(3);
    assertThat(doc.text()).contains("0.0600").contains("bobyqa");
    XYDataset sens = TuningReport.sensitivity(TuningLog.read(dir.resolve(Tuner.LOG_FILE)),
        io.mlproxy.tune.TunedParameter.LEARNING_SHARE).getXYPlot().getDataset();
    assertThat(sens.getItemCount(0)).isEqualTo(2);
  }

  @Test
  void stoppedTuningHasNoHeldOutSection() throws Exception {
    TuningLog log = TuningLog.open(dir.resolve(Tuner.LOG_FILE), List.of("s"));
    log.append(record("random", 1, 0.30, 0.30, 0.29));
    Document doc = Jsoup.parse(Files.readString(TuningReport.write(dir)));
    assertThat(doc.text()).contains("No held-out comparison");
    assertThat(doc.select("svg")).hasSize(1 + io.mlproxy.tune.TunedParameter.values().length);
  }
}
