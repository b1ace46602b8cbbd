package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad results folders give a ReportException naming file and line, and leave no report. */
class ReportErrorsTest {

  @TempDir Path root;
  Path dir;

  @BeforeEach
  void smallResults() {
    ResultsFixture f = new ResultsFixture();
    f.steps = 40;
    f.reps = 2;
    dir = f.write(root);
  }

  private ReportException failure() {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> ScenarioReport.write(dir));
    assertThat(t).isInstanceOf(ReportException.class);
    assertThat(dir.resolve("report.html")).doesNotExist();
    assertNoTemporaryFiles();
    return (ReportException) t;
  }

  private void assertNoTemporaryFiles() {
    try (Stream<Path> s = Files.walk(root)) {
      assertThat(s.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private void replaceLine(Path file, int lineNumber, String text) {
    List<String> lines = ResultsFixture.lines(file);
    lines.set(lineNumber - 1, text);
    ResultsFixture.writeLines(file, lines);
  }

  @Test
  void missingSummary() throws IOException {
    Files.delete(dir.resolve("summary.csv"));
    ReportException e = failure();
    assertThat(e.file()).isEqualTo(dir.resolve("summary.csv"));
    assertThat(e.getMessage()).isEqualTo(dir.resolve("summary.csv") + ": file is missing");
  }

  @Test
  void malformedSummaryNumberNamesLineAndColumn() {
    Path f = dir.resolve("summary.csv");
    List<String> lines = ResultsFixture.lines(f);
    replaceLine(f, 3, lines.get(2).replaceFirst(",2,[^,]*,", ",2,zero point two,"));
    ReportException e = failure();
    assertThat(e.file()).isEqualTo(f);
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.reason()).isEqualTo("column 'saving_mean' 'zero point two' is not a number");
  }

  @Test
  void summaryWithWrongColumns() {
    Path f = dir.resolve("summary.csv");
    replaceLine(f, 1, ResultsFixture.lines(f).get(0).replace("score_mean", "score"));
    ReportException e = failure();
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.reason()).contains("missing column 'score_mean'");
  }

  @Test
  void unknownVariant() {
    Path f = dir.resolve("summary.csv");
    replaceLine(f, 4, ResultsFixture.lines(f).get(3).replace(",proxy,", ",proxxy,"));
    assertThat(failure().getMessage()).isEqualTo(f + ":4: column 'variant' 'proxxy' is not a "
        + "variant (one of [none, handcrafted, proxy, ml-only, oracle])");
  }

  @Test
  void truncatedReplicationsRow() {
    Path f = dir.resolve("replications.csv");
    replaceLine(f, 5, "phase-shift,proxy,2,43,0.1");
    ReportException e = failure();
    assertThat(e.file()).isEqualTo(f);
    assertThat(e.line()).isEqualTo(5);
    assertThat(e.reason()).isEqualTo("expected 17 fields as in the header, found 5");
  }

  @Test
  void replicationsMissingAReplicationOfAVariant() {
    Path f = dir.resolve("replications.csv");
    List<String> lines = ResultsFixture.lines(f);
    lines.removeIf(l -> l.startsWith("phase-shift,oracle,2,"));
    ResultsFixture.writeLines(f, lines);
    assertThat(failure().getMessage()).isEqualTo(f + ": no row for variant 'oracle' replication 2"
        + " (summary.csv says 2 replications)");
  }

  @Test
  void missingTimeseriesOfALaterReplication() throws IOException {
    Path f = dir.resolve("ml-only").resolve("rep-2").resolve("timeseries.csv");
    Files.delete(f);
    assertThat(failure().getMessage()).isEqualTo(f + ": file is missing");
  }

  @Test
  void malformedTimeseriesRowNamesTheLine() {
    Path f = dir.resolve("proxy").resolve("rep-1").resolve("timeseries.csv");
    List<String> lines = ResultsFixture.lines(f);
    replaceLine(f, 17, lines.get(16).replace(",RECOMMENDATION,", ",TURBO,")
        .replace(",COLLABORATION,", ",TURBO,").replace(",LEARNING,", ",TURBO,")
        .replace(",EMERGENCY,", ",TURBO,"));
    ReportException e = failure();
    assertThat(e.file()).isEqualTo(f);
    assertThat(e.line()).isEqualTo(17);
    assertThat(e.reason()).isEqualTo("column 'mode' 'TURBO' is not a mode");
  }

  @Test
  void timeGoingBackwardsInATimeseries() {
    Path f = dir.resolve("handcrafted").resolve("rep-1").resolve("timeseries.csv");
    List<String> lines = ResultsFixture.lines(f);
    replaceLine(f, 10, lines.get(9).replaceFirst("^[^,]*,", "0.5,"));
    ReportException e = failure();
    assertThat(e.line()).isEqualTo(10);
    assertThat(e.reason()).startsWith("column 'time_s' must increase from row to row");
  }

  @Test
  void malformedEventsAndHeatmap() {
    Path ev = dir.resolve("events.csv");
    List<String> lines = ResultsFixture.lines(ev);
    lines.add(2, "1.5,proxy,1,mode_transition,LEARNING,WARP,,,,,reason");
    ResultsFixture.writeLines(ev, lines);
    ReportException e = failure();
    assertThat(e.getMessage()).isEqualTo(ev + ":3: column 'to' 'WARP' is not a mode");

    lines.remove(2);
    ResultsFixture.writeLines(ev, lines);
    Path heat = dir.resolve("proxy").resolve("rep-1").resolve("heatmap.csv");
    replaceLine(heat, 6, "0.1,4,4096,5120,1200,1000");
    assertThat(failure().getMessage())
        .isEqualTo(heat + ":6: column 'access_permille' must be within 0..1000, found 1200.0");
    replaceLine(heat, 6, "0.1,4,4096,5120,120,-1");
    assertThat(failure().getMessage())
        .isEqualTo(heat + ":6: column 'resident_permille' must be within 0..1000, found -1.0");
    // a heatmap.csv written before resident_permille existed still reads (without paged-out marks)
    List<String> old = new java.util.ArrayList<>();
    for (String l : ResultsFixture.lines(heat)) {
      old.add(l.substring(0, l.lastIndexOf(',')));
    }
    ResultsFixture.writeLines(heat, old);
    ScenarioResults r = ScenarioResults.load(dir);
    assertThat(r.heatmap().orElseThrow().heatmap().hasResidency()).isFalse();
    assertThat(new HeatmapChart().render(r).caption()).contains("records no residency");
  }

  @Test
  void aFailedRegenerationKeepsThePreviousReport() throws IOException {
    Path report = ScenarioReport.write(dir);
    String before = Files.readString(report);
    Path f = dir.resolve("summary.csv");
    replaceLine(f, 2, "broken");
    assertThatThrownBy(() -> ScenarioReport.write(dir)).isInstanceOf(ReportException.class)
        .hasMessageStartingWith(f + ":2: expected 20 fields");
    assertThat(Files.readString(report)).isEqualTo(before);
    assertNoTemporaryFiles();
  }

  @Test
  void missingOptionalFilesAreNotErrors() throws IOException {
    Files.delete(dir.resolve("run.properties"));
    Files.delete(dir.resolve("events.csv"));
    Files.delete(dir.resolve("scenario.yaml"));
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.endsWith("heatmap.csv")).toList()) {
        Files.delete(p);
      }
    }
    Path report = ScenarioReport.write(dir);
    var doc = org.jsoup.Jsoup.parse(Files.readString(report));
    assertThat(doc.select("#run table.kv td").eachText()).contains("—", "phase-shift");
    assertThat(doc.select("figure.missing").eachAttr("id")).contains("fig-heatmap");
    assertThat(doc.select("#fig-efficiency svg").text()).doesNotContain("min_samples"); // run.properties is gone
    assertThat(doc.select("#fig-score svg").text()).contains("cumulative memory saving");
    assertThat(doc.select("#events").text()).contains("No events recorded");
  }

  @Test
  void theRunsOwnReportReadsOnlyWhatItDrawsAndStillReportsABadHeatmap() throws IOException {
    String name = dir.getFileName().toString();
    String regenerated = Files.readString(ScenarioReport.write(dir, root.resolve("regenerated.html")));
    // replication 2's series is not drawn: the run that wrote it does not read it again ...
    Path rep2 = dir.resolve("proxy").resolve("rep-2").resolve("timeseries.csv");
    replaceLine(rep2, 2, "broken");
    Path forRun = ScenarioReport.writeForRun(dir, dir.resolve("report.html"), name, io.mlproxy.engine.RunProfile.NONE);
    // ... and draws the same report as workbench report does from the good folder
    String drawn = Files.readString(forRun);
    assertThat(drawn).isEqualTo(regenerated);
    assertThat(ScenarioResults.load(dir, ScenarioResults.Reading.DRAWN).series().get("proxy")).hasSize(1);
    // workbench report reads every replication: there the broken row is an error naming its line
    assertThatThrownBy(() -> ScenarioReport.write(dir)).isInstanceOf(ReportException.class)
        .hasMessageStartingWith(rep2 + ":2:");
    assertThat(Files.readString(forRun)).isEqualTo(drawn);

    // the heatmap read beside the other charts: its error is still the report's error
    Path heat = dir.resolve("proxy").resolve("rep-1").resolve("heatmap.csv");
    replaceLine(heat, 6, "0.1,4,4096,5120,1200,1000");
    Files.delete(forRun);
    assertThatThrownBy(() -> ScenarioReport.writeForRun(dir, dir.resolve("report.html"), name,
        io.mlproxy.engine.RunProfile.NONE)).isInstanceOf(ReportException.class)
        .hasMessage(heat + ":6: column 'access_permille' must be within 0..1000, found 1200.0");
    assertThat(dir.resolve("report.html")).doesNotExist();
    assertNoTemporaryFiles();
  }
}
