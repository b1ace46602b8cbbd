package io.mlproxy.engine;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes a scenario's results folder (see docs/results-format.md).
 *
 * <p>Everything goes into a hidden staging folder of the locked {@link ResultsFolder} first and
 * replaces {@code <out>/<scenario>} only once complete (report included), so a failed or concurrent
 * run never leaves half a folder and never destroys earlier results.
 */
public final class ResultsWriter {

  private ResultsWriter() {}

  /**
   * Everything to write for one scenario.
   *
   * @param runFilesWritten whether each run's files (time series, DAMON rows, heatmap, agent log)
   *     are already in the staging folder ({@link #writeRunFiles}), the results holding none of them
   */
  public record Contents(
      Scenario scenario,
      String scenarioText,
      Map<String, String> runProperties,
      List<SummaryRow> summary,
      List<ReplicationScore> scores,
      List<ReplicationResult> results,
      List<Variant> reported,
      boolean runFilesWritten) {

    /** Contents whose results still hold every run's rows. */
    public Contents(Scenario scenario, String scenarioText, Map<String, String> runProperties,
        List<SummaryRow> summary, List<ReplicationScore> scores, List<ReplicationResult> results,
        List<Variant> reported) {
      this(scenario, scenarioText, runProperties, summary, scores, results, reported, false);
    }
  }

  /**
   * What the caller adds to a scenario's folder before it is swapped in (the HTML report), and
   * does right after (the index of the results folder).
   */
  public interface Finishing {
    /** Nothing to add. */
    Finishing NONE = new Finishing() {};

    /** Called with the complete staging folder, before it replaces the scenario's folder. */
    default void beforeInstall(Path staging) {}

    /** Called with the scenario's folder right after the swap. */
    default void afterInstall(Path folder) {}
  }

  /** Writes {@code c} under {@code outDir}, holding its lock meanwhile; returns the scenario's folder. */
  public static Path write(Path outDir, Contents c) {
    try (ResultsFolder folder = ResultsFolder.open(outDir, "workbench results writer", false, message -> { })) {
      return write(folder, c, Finishing.NONE);
    }
  }

  /**
   * Writes {@code c} into a fresh staging folder of {@code folder}, lets {@code finishing} add to
   * it, and swaps it in as the scenario's folder; a failure removes the staging folder and leaves
   * the previous results as they were.
   */
  public static Path write(ResultsFolder folder, Contents c, Finishing finishing) {
    return write(folder, c, finishing, RunProfile.NONE);
  }

  /** As {@link #write(ResultsFolder, Contents, Finishing)}, timing its steps into {@code profile}. */
  public static Path write(ResultsFolder folder, Contents c, Finishing finishing, RunProfile profile) {
    return write(folder, folder.stage(c.scenario().name()), c, finishing, profile);
  }

  /**
   * As {@link #write(ResultsFolder, Contents, Finishing, RunProfile)} into {@code staging}, a
   * staging folder of {@code folder} made earlier (where the runs' files may already be).
   */
  public static Path write(ResultsFolder folder, Path staging, Contents c, Finishing finishing, RunProfile profile) {
    String name = c.scenario().name();
    try {
      profile.time("writing the CSV files", () -> writeFiles(staging, c));
      finishing.beforeInstall(staging);
      Path target = profile.time("swapping the results folder in", () -> folder.install(staging, name));
      finishing.afterInstall(target);
      return target;
    } catch (RuntimeException | Error e) {
      folder.discardAfter(staging, e);
      throw e;
    }
  }

  /** Writes every file of {@code c} into {@code dir}, an empty folder. */
  public static void writeFiles(Path dir, Contents c) {
    String name = c.scenario().name();
    try {
      Files.writeString(dir.resolve("scenario.yaml"), c.scenarioText(), StandardCharsets.UTF_8);
      writeProperties(dir.resolve("run.properties"), c.runProperties());
      writeCsv(dir.resolve("summary.csv"), csv -> writeSummary(csv, c.summary()));
      writeCsv(dir.resolve("replications.csv"), csv -> writeReplications(csv, name, c));
      writeCsv(dir.resolve("events.csv"), csv -> writeEvents(csv, c));
      if (!c.runFilesWritten()) {
        writeRunFiles(dir, c.scenario(), c.reported(), c.results());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Writes the files of each run of {@code results} whose variant is reported into {@code dir}
   * ({@code <variant>/rep-<n>/}): a run's rows can go to disk as soon as its replication ends
   * instead of being held until the last one.
   */
  public static void writeRunFiles(Path dir, Scenario scenario, List<Variant> reported,
      List<ReplicationResult> results) {
    // each run's files are independent of the others': written side by side
    results.parallelStream()
        .filter(r -> reported.contains(r.outcome().variant()))
        .forEach(r -> writeRun(dir, scenario, r));
  }

  /**
   * {@code r} without what {@link #writeRunFiles} writes (time series, DAMON rows, heatmap, agent
   * log): what the summary, replications.csv and events.csv still need.
   */
  public static ReplicationResult withoutRunFiles(ReplicationResult r) {
    return new ReplicationResult(r.outcome(), List.of(), r.events(), List.of(), r.proxyCounters(), r.touches(),
        r.agentCounters(), new byte[0], List.of());
  }

  private static void writeRun(Path dir, Scenario scenario, ReplicationResult r) {
    Path repDir = dir.resolve(r.outcome().variant().yamlName()).resolve("rep-" + r.outcome().rep());
    try {
      Files.createDirectories(repDir);
      writeCsv(repDir.resolve("timeseries.csv"), csv -> writeTimeseries(csv, r.rows()));
      writeCsv(repDir.resolve("damon.csv"), csv -> writeDamon(csv, r.damon()));
      if (!r.heatmap().isEmpty()) {
        writeHeatmap(repDir.resolve("heatmap.csv"), r, scenario.memory().pages());
      }
      if (r.agentLog().length > 0) {
        Files.write(repDir.resolve("agent.log"), r.agentLog());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write results into " + repDir + ": " + e.getMessage(), e);
    }
  }

  private interface CsvBody {
    void write(Csv csv);
  }

  private static void writeCsv(Path file, CsvBody body) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      body.write(new Csv(w));
    }
  }

  private static void writeProperties(Path file, Map<String, String> props) throws IOException {
    StringBuilder sb = new StringBuilder();
    props.forEach(
        (k, v) -> sb.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", "\\n")).append('\n'));
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  static final String[] SUMMARY_HEADER = {
    "scenario", "variant", "replications", "saving_mean", "saving_ci95", "slowdown_mean", "slowdown_ci95",
    "score_mean", "score_ci95", "faults_mean", "refaults_mean", "reclaim_cpu_s_mean", "time_emergency_pct",
    "time_learning_pct", "time_collaboration_pct", "time_recommendation_pct", "transitions_mean",
    "hints_applied_mean", "recs_rejected_mean", "gap_closed"
  };

  static void writeSummary(Csv csv, List<SummaryRow> rows) {
    csv.row(SUMMARY_HEADER);
    for (SummaryRow r : rows) {
      csv.text(r.scenario())
          .text(r.variant().yamlName())
          .num(r.replications())
          .num(r.saving().mean())
          .num(r.saving().halfWidth())
          .num(r.slowdown().mean())
          .num(r.slowdown().halfWidth())
          .num(r.score().mean())
          .num(r.score().halfWidth())
          .num(r.faultsMean())
          .num(r.refaultsMean())
          .num(r.reclaimCpuSecondsMean())
          .num(r.timeEmergencyPct())
          .num(r.timeLearningPct())
          .num(r.timeCollaborationPct())
          .num(r.timeRecommendationPct())
          .num(r.transitionsMean())
          .num(r.hintsAppliedMean())
          .num(r.recsRejectedMean())
          .num(r.gapClosed())
          .end();
    }
  }

  private static void writeReplications(Csv csv, String scenario, Contents c) {
    csv.row(
        "scenario", "variant", "rep", "seed", "saving", "slowdown", "score", "faults", "refaults",
        "reclaim_cpu_s", "transitions", "hints_applied", "recs_rejected", "time_emergency_pct",
        "time_learning_pct", "time_collaboration_pct", "time_recommendation_pct");
    for (ReplicationScore s : c.scores()) {
      ReplicationOutcome o = s.outcome();
      if (!c.reported().contains(o.variant())) {
        continue;
      }
      ReplicationOutcome.ModeTime m = o.modeTimeUs();
      csv.text(scenario)
          .text(o.variant().yamlName())
          .num(o.rep())
          .num(o.seed())
          .num(s.saving())
          .num(s.slowdown())
          .num(s.score())
          .num(o.faults())
          .num(o.refaults())
          .num(o.reclaimCpuUs() / 1e6)
          .num(o.transitions())
          .num(o.hintsApplied())
          .num(o.recsRejected())
          .num(m.percent(m.emergency()))
          .num(m.percent(m.learning()))
          .num(m.percent(m.collaboration()))
          .num(m.percent(m.recommendation()))
          .end();
    }
  }

  private static void writeEvents(Csv csv, Contents c) {
    csv.row("time_s", "variant", "rep", "kind", "from", "to", "evidence_pages", "evidence_mean_ms",
        "evidence_lower_ms", "evidence_upper_ms", "reason");
    for (ReplicationResult r : c.results()) {
      if (!c.reported().contains(r.outcome().variant())) {
        continue;
      }
      for (EventLog.Entry e : r.events()) {
        csv.num(e.timeUs() / 1e6)
            .text(r.outcome().variant().yamlName())
            .num(r.outcome().rep())
            .text(e.kind())
            .text(e.from())
            .text(e.to());
        if (e.evidence().pages() > 0) {
          csv.num(e.evidence().pages())
              .num(e.evidence().meanMs())
              .num(e.evidence().lowerMs())
              .num(e.evidence().upperMs());
        } else {
          csv.text("").text("").text("").text("");
        }
        csv.text(e.reason()).end();
      }
    }
  }

  private static void writeTimeseries(Csv csv, List<TimeseriesRow> rows) {
    csv.row(TimeseriesRow.HEADER);
    for (TimeseriesRow row : rows) {
      row.write(csv);
    }
  }

  private static void writeDamon(Csv csv, List<DamonRow> rows) {
    csv.row(DamonRow.HEADER);
    for (DamonRow row : rows) {
      row.write(csv);
    }
  }

  /** heatmap.csv: the largest file of a run, written as bytes ({@link AsciiWriter}). */
  private static void writeHeatmap(Path file, ReplicationResult r, int pages) throws IOException {
    int buckets = ReplicationModel.heatmapBuckets(pages);
    // the bucket columns repeat on every row and the time on every bucket: formatted once each
    byte[][] bucketColumns = new byte[buckets][];
    for (int b = 0; b < buckets; b++) {
      bucketColumns[b] = ("," + b + "," + (long) pages * b / buckets + "," + (long) pages * (b + 1) / buckets + ",")
          .getBytes(StandardCharsets.US_ASCII);
    }
    try (AsciiWriter out = new AsciiWriter(Files.newOutputStream(file))) {
      out.ascii("time_s,bucket,start_page,end_page,access_permille,resident_permille\n");
      for (int[] row : r.heatmap()) {
        byte[] time = Csv.format(row[0] / 1e3).getBytes(StandardCharsets.US_ASCII);
        for (int b = 0; b < buckets; b++) {
          out.bytes(time).bytes(bucketColumns[b]).decimal(row[b + 1]).ch(',').decimal(row[buckets + b + 1]).ch('\n');
        }
      }
    }
  }
}
