package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest extends CliTestSupport {

  @TempDir Path root;

  private static final String SUMMARY_HEADER = "scenario,variant,replications,saving_mean,"
      + "saving_ci95,slowdown_mean,slowdown_ci95,score_mean,score_ci95,faults_mean,refaults_mean,"
      + "reclaim_cpu_s_mean,time_emergency_pct,time_learning_pct,time_collaboration_pct,"
      + "time_recommendation_pct,transitions_mean,hints_applied_mean,recs_rejected_mean,gap_closed";

  private static final String REPS_HEADER = "scenario,variant,rep,seed,saving,slowdown,score,"
      + "faults,refaults,reclaim_cpu_s,transitions,hints_applied,recs_rejected,time_emergency_pct,"
      + "time_learning_pct,time_collaboration_pct,time_recommendation_pct";

  private static final String SERIES_HEADER = String.join(",", io.mlproxy.engine.TimeseriesRow.HEADER);

  /** One time-series row in the current format: the given columns, the others empty. */
  private static String seriesRow(java.util.Map<String, Object> values) {
    StringBuilder b = new StringBuilder();
    for (String c : io.mlproxy.engine.TimeseriesRow.HEADER) {
      b.append(b.length() == 0 ? "" : ",").append(values.getOrDefault(c, ""));
    }
    return b.append('\n').toString();
  }

  /** A tiny results folder per docs/results-format.md: none, handcrafted, proxy; 2 reps. */
  private Path scenario(String name) throws IOException {
    Path dir = root.resolve(name);
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.csv"), SUMMARY_HEADER + "\n"
        + name + ",none,2,0,0,0,0,0,0,0,0,0,0,,,,,,,\n"
        + name + ",handcrafted,2,0.2,0.01,0.1,0.02,0.15,0.01,30,20,0.01,100,0,0,0,0,0,0,\n"
        + name + ",proxy,2,0.3,0.01,0.08,0.02,0.26,0.01,25,15,0.01,20,20,10,50,3,40,1,\n");
    Files.writeString(dir.resolve("replications.csv"), REPS_HEADER + "\n"
        + name + ",none,1,1,0,0,0,0,0,0,,,,0,,,\n"
        + name + ",none,2,2,0,0,0,0,0,0,,,,0,,,\n"
        + name + ",handcrafted,1,1,0.2,0.1,0.15,30,20,0.01,0,0,0,100,0,0,0\n"
        + name + ",handcrafted,2,2,0.2,0.1,0.16,30,20,0.01,0,0,0,100,0,0,0\n"
        + name + ",proxy,1,1,0.3,0.08,0.26,25,15,0.01,3,40,1,20,20,10,50\n"
        + name + ",proxy,2,2,0.3,0.08,0.27,25,15,0.01,3,40,1,20,20,10,50\n");
    Files.writeString(dir.resolve("events.csv"), "time_s,variant,rep,kind,from,to,evidence_pages,"
        + "evidence_mean_ms,evidence_lower_ms,evidence_upper_ms,reason\n"
        + "0.2,proxy,1,mode_transition,EMERGENCY,LEARNING,,,,,\"warm-up done, dataset ready\"\n");
    for (String v : new String[] {"none", "handcrafted", "proxy"}) {
      for (int rep = 1; rep <= 2; rep++) {
        Path rd = dir.resolve(v).resolve("rep-" + rep);
        Files.createDirectories(rd);
        String mode = v.equals("none") ? "" : "EMERGENCY";
        StringBuilder b = new StringBuilder(SERIES_HEADER).append('\n');
        for (int i = 1; i <= 4; i++) {
          java.util.Map<String, Object> row = new java.util.HashMap<>(java.util.Map.of("time_s", i / 10.0,
              "resident_pages", 1000 - i * (v.equals("none") ? 0 : 50), "footprint_pages", 1000, "touches", 100,
              "hits", 99, "faults", 1, "refaults", 0, "pages_paged_out", 2, "direct_reclaims", 0,
              "reclaim_cpu_us", 4));
          row.put("stall_us", 0);
          row.put("access_time_us", 59.9);
          row.put("free_permille", 500);
          if (!v.equals("none")) {
            row.put("mode", i > 2 && v.equals("proxy") ? "LEARNING" : mode);
            row.putAll(java.util.Map.of("ml_share_permille", 100, "ml_pageouts", 0, "ml_efficiency", 300,
                "default_efficiency", 280, "known_pages", 0, "known_decisions", 0, "recent_pages", 0,
                "recent_decisions", 0, "hints_in_force", 5));
          }
          b.append(seriesRow(row));
        }
        Files.writeString(rd.resolve("timeseries.csv"), b.toString());
      }
    }
    return dir;
  }

  @Test
  void oneScenarioFolderGetsItsReport() throws IOException {
    Path dir = scenario("tiny");
    assertThat(run("report", dir.toString())).as(err.toString()).isZero();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(Files.readString(dir.resolve("report.html"))).contains("Scenario tiny",
        "warm-up done, dataset ready");
    assertThat(out.toString()).contains("wrote " + dir.resolve("report.html").toAbsolutePath());
    assertThat(root.resolve("index.html")).doesNotExist();
  }

  @Test
  void outNamesTheScenarioReport() throws IOException {
    Path dir = scenario("tiny");
    Path file = root.resolve("elsewhere").resolve("tiny.html");
    assertThat(run("report", dir.toString(), "--out", file.toString())).isZero();
    assertThat(file).exists();
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void aResultsRootGetsEveryReportAndTheIndex() throws IOException {
    scenario("one");
    scenario("two");
    assertThat(run("report", root.toString())).as(err.toString()).isZero();
    assertThat(root.resolve("one").resolve("report.html")).exists();
    assertThat(root.resolve("two").resolve("report.html")).exists();
    String index = Files.readString(root.resolve("index.html"));
    assertThat(index).contains("href=\"one/report.html\"", "href=\"two/report.html\"");
    assertThat(out.toString()).contains("(2 scenarios)");
  }

  @Test
  void outNamesTheIndexOfAResultsRoot() throws IOException {
    scenario("one");
    Path file = root.resolve("index-copy.html");
    assertThat(run("report", root.toString(), "--out", file.toString())).isZero();
    assertThat(file).exists();
    assertThat(root.resolve("index.html")).doesNotExist();
  }

  @Test
  void malformedResultsExitOneNamingFileAndLine() throws IOException {
    Path dir = scenario("tiny");
    Path series = dir.resolve("proxy").resolve("rep-2").resolve("timeseries.csv");
    String text = Files.readString(series).replace("\n0.3,", "\n0.3x,");
    Files.writeString(series, text);
    assertThat(run("report", dir.toString())).isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains(series + ":4: column 'time_s' '0.3x' is not a number");
    assertThat(dir.resolve("report.html")).doesNotExist();
  }

  @Test
  void emptyOrMissingFolderExitsOne() {
    assertThat(run("report", root.toString())).isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("no scenario results");
    assertThat(run("report", root.resolve("nope").toString())).isEqualTo(Workbench.EXIT_FAILURE);
    assertThat(err.toString()).contains("not a directory");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("report")).isEqualTo(Workbench.EXIT_USAGE);
    assertThat(run("report", root.toString(), "--bogus")).isEqualTo(Workbench.EXIT_USAGE);
  }
}
