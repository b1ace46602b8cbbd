package io.mlproxy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Everything a scenario report shows, read from one scenario's results folder. Charts draw
 * replication 1 of each variant; {@code workbench report} reads every replication's time series,
 * so a missing or malformed one is reported, while the run that has just written them reads only
 * the drawn ones ({@link Reading#DRAWN}). Of the heatmaps, only the one drawn is read (proxy's if
 * present).
 */
public record ScenarioResults(
    Path dir,
    RunInfo run,
    Optional<String> scenarioYaml,
    List<VariantSummary> summary,
    List<ReplicationRow> replications,
    List<Event> events,
    Map<String, List<TimeSeries>> series,
    Optional<VariantHeatmap> heatmap) {

  /** Variants in the order the heatmap chart prefers them: the proxy's access pattern first. */
  public static final List<String> HEATMAP_PREFERENCE =
      List.of(Variants.PROXY, Variants.HANDCRAFTED, Variants.ML_ONLY, Variants.NONE, Variants.ORACLE);

  /** The heatmap drawn, and whose it is. */
  public record VariantHeatmap(String variant, Heatmap heatmap) {}

  /** Which time series a report reads. */
  public enum Reading {
    /** Every replication's, so that a missing or malformed one is reported (a folder from elsewhere). */
    ALL,
    /**
     * Replication 1's only, the ones the charts draw: for the run that has just written the folder
     * (reading the others again only checked its own output; 50 files for 5 variants x 10
     * replications).
     */
    DRAWN
  }

  /** Reads the scenario folder {@code dir}; bad input is a ReportException naming file and line. */
  public static ScenarioResults load(Path dir) {
    return load(dir, Reading.ALL);
  }

  /** Reads the scenario folder {@code dir}, the time series as {@code reading} says. */
  public static ScenarioResults load(Path dir, Reading reading) {
    return start(dir, reading).complete();
  }

  /**
   * A scenario folder being read: everything but the heatmap is read when {@link #start} returns;
   * the heatmap, by far the largest file, goes on being read on its own thread, so that the charts
   * that do not draw it can be drawn meanwhile.
   */
  public static final class Loading {
    private final ScenarioResults withoutHeatmap;
    private final String heatVariant;
    private final CompletableFuture<Object> heatmapRead;

    private Loading(ScenarioResults withoutHeatmap, String heatVariant, CompletableFuture<Object> heatmapRead) {
      this.withoutHeatmap = withoutHeatmap;
      this.heatVariant = heatVariant;
      this.heatmapRead = heatmapRead;
    }

    /** The results without the heatmap (no heatmap drawn from them). */
    public ScenarioResults withoutHeatmap() {
      return withoutHeatmap;
    }

    /** The results with the heatmap, once it is read; a malformed heatmap is a ReportException. */
    public ScenarioResults complete() {
      if (heatmapRead == null) {
        return withoutHeatmap;
      }
      Object o = heatmapRead.join();
      if (o instanceof ReportException e) {
        throw new ReportException(e.file(), e.line(), e.reason(), e.getCause());
      }
      ScenarioResults r = withoutHeatmap;
      return new ScenarioResults(r.dir(), r.run(), r.scenarioYaml(), r.summary(), r.replications(), r.events(),
          r.series(), Optional.of(new VariantHeatmap(heatVariant, (Heatmap) o)));
    }
  }

  /**
   * Starts reading {@code dir}: returns once all but the heatmap is read (a failure there is thrown
   * here, before any of the heatmap's).
   */
  public static Loading start(Path dir, Reading reading) {
    TablesawWarmup.start();
    List<VariantSummary> summary = SummaryCsv.read(dir.resolve("summary.csv"));
    // Only one heatmap is drawn: reading all of them would dominate the load time. It is by far
    // the largest file: it starts first, on its own thread.
    Path heatFile = null;
    String heatVariant = null;
    for (String v : HEATMAP_PREFERENCE) {
      Path heat = repDir(dir, v, 1).resolve("heatmap.csv");
      if (summary.stream().anyMatch(s -> s.variant().equals(v)) && Files.exists(heat)) {
        heatFile = heat;
        heatVariant = v;
        break;
      }
    }
    final Path heatPath = heatFile;
    CompletableFuture<Object> heatmapRead = heatPath == null ? null
        : CompletableFuture.supplyAsync(() -> {
          try {
            return (Object) HeatmapCsv.read(heatPath);
          } catch (ReportException e) {
            return e;
          }
        }, r -> {
          Thread t = new Thread(r, "heatmap-reader");
          t.setDaemon(true);
          t.start();
        });
    RunInfo run = RunInfo.read(dir.resolve("run.properties"));
    Path repsFile = dir.resolve("replications.csv");
    List<ReplicationRow> reps = ReplicationsCsv.read(repsFile);
    for (VariantSummary v : summary) {
      for (int rep = 1; rep <= v.replications(); rep++) {
        final int r = rep;
        boolean found =
            reps.stream().anyMatch(x -> x.variant().equals(v.variant()) && x.rep() == r);
        if (!found) {
          throw new ReportException(
              repsFile, 0, "no row for variant '" + v.variant() + "' replication " + rep
                  + " (summary.csv says " + v.replications() + " replications)");
        }
      }
    }
    List<Event> events = EventsCsv.readIfPresent(dir.resolve("events.csv"));
    // The files are independent: parse them in parallel, then report the first failure in
    // canonical order so the error does not depend on thread timing.
    List<Path> files = new ArrayList<>();
    for (VariantSummary v : summary) {
      for (int rep = 1; rep <= repsRead(v, reading); rep++) {
        files.add(repDir(dir, v.variant(), rep).resolve("timeseries.csv"));
      }
    }
    List<Object> parsed = files.parallelStream()
        .map(f -> {
          try {
            return (Object) TimeseriesCsv.read(f);
          } catch (ReportException e) {
            return e;
          }
        })
        .toList();
    for (Object o : parsed) {
      if (o instanceof ReportException e) {
        throw new ReportException(e.file(), e.line(), e.reason(), e.getCause());
      }
    }
    Map<String, List<TimeSeries>> series = new LinkedHashMap<>();
    int k = 0;
    for (VariantSummary v : summary) {
      List<TimeSeries> list = new ArrayList<>();
      for (int rep = 1; rep <= repsRead(v, reading); rep++) {
        list.add((TimeSeries) parsed.get(k++));
      }
      series.put(v.variant(), List.copyOf(list));
    }
    Optional<String> yaml = Optional.empty();
    Path yamlFile = dir.resolve("scenario.yaml");
    if (Files.exists(yamlFile)) {
      try {
        yaml = Optional.of(Files.readString(yamlFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ReportException(yamlFile, 0, "cannot read: " + e.getMessage(), e);
      }
    }
    return new Loading(new ScenarioResults(dir, run, yaml, summary, reps, events, Map.copyOf(series),
        Optional.empty()), heatVariant, heatmapRead);
  }

  private static int repsRead(VariantSummary v, Reading reading) {
    return reading == Reading.ALL ? v.replications() : Math.min(1, v.replications());
  }

  /** Folder of one replication of one variant. */
  public static Path repDir(Path scenarioDir, String variant, int rep) {
    return scenarioDir.resolve(variant).resolve("rep-" + rep);
  }

  /** The scenario's name: from run.properties, else from summary.csv. */
  public String scenarioName() {
    return run.has("scenario") ? run.get("scenario") : summary.get(0).scenario();
  }

  /** The summary row of {@code variant}, if the scenario ran it. */
  public Optional<VariantSummary> variant(String variant) {
    return summary.stream().filter(v -> v.variant().equals(variant)).findFirst();
  }

  /** Variant names in canonical order. */
  public List<String> variantNames() {
    return summary.stream().map(VariantSummary::variant).toList();
  }

  /** Replication 1's time series of {@code variant}, if the scenario ran it. */
  public Optional<TimeSeries> rep1(String variant) {
    List<TimeSeries> l = series.get(variant);
    return l == null || l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
  }

  /** Per-replication scores of {@code variant}, indexed by replication number − 1. */
  public double[] scores(String variant) {
    return replications.stream()
        .filter(r -> r.variant().equals(variant))
        .sorted((a, b) -> Integer.compare(a.rep(), b.rep()))
        .mapToDouble(ReplicationRow::score)
        .toArray();
  }

  /** Events of one variant and replication, in file order. */
  public List<Event> events(String variant, int rep) {
    return events.stream().filter(e -> e.variant().equals(variant) && e.rep() == rep).toList();
  }
}
