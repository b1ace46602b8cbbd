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

/**
 * Everything a scenario report shows, read from one scenario's results folder. Charts draw
 * replication 1 of each variant; every replication's time series is read, so a missing or
 * malformed one is reported. Of the heatmaps, only the one drawn is read (proxy's if present).
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

  /** Reads the scenario folder {@code dir}; bad input is a ReportException naming file and line. */
  public static ScenarioResults load(Path dir) {
    TablesawWarmup.start();
    RunInfo run = RunInfo.read(dir.resolve("run.properties"));
    List<VariantSummary> summary = SummaryCsv.read(dir.resolve("summary.csv"));
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
    // Only one heatmap is drawn: reading all of them would dominate the load time.
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
    // The files are independent: parse them in parallel, then report the first failure in
    // canonical order so the error does not depend on thread timing. The heatmap is by far the
    // largest file: it starts first, on its own thread, while the time series share the pool.
    List<Path> files = new ArrayList<>();
    for (VariantSummary v : summary) {
      for (int rep = 1; rep <= v.replications(); rep++) {
        files.add(repDir(dir, v.variant(), rep).resolve("timeseries.csv"));
      }
    }
    final Path heatPath = heatFile;
    java.util.concurrent.CompletableFuture<Object> heatmapRead = heatPath == null ? null
        : java.util.concurrent.CompletableFuture.supplyAsync(() -> {
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
    List<Object> parsed = new ArrayList<>(files.parallelStream()
        .map(f -> {
          try {
            return (Object) TimeseriesCsv.read(f);
          } catch (ReportException e) {
            return e;
          }
        })
        .toList());
    if (heatmapRead != null) {
      parsed.add(heatmapRead.join());
    }
    for (Object o : parsed) {
      if (o instanceof ReportException e) {
        throw new ReportException(e.file(), e.line(), e.reason(), e.getCause());
      }
    }
    Map<String, List<TimeSeries>> series = new LinkedHashMap<>();
    int k = 0;
    for (VariantSummary v : summary) {
      List<TimeSeries> list = new ArrayList<>();
      for (int rep = 1; rep <= v.replications(); rep++) {
        list.add((TimeSeries) parsed.get(k++));
      }
      series.put(v.variant(), List.copyOf(list));
    }
    Optional<VariantHeatmap> heatmap = heatFile == null ? Optional.empty()
        : Optional.of(new VariantHeatmap(heatVariant, (Heatmap) parsed.get(k)));
    Optional<String> yaml = Optional.empty();
    Path yamlFile = dir.resolve("scenario.yaml");
    if (Files.exists(yamlFile)) {
      try {
        yaml = Optional.of(Files.readString(yamlFile, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new ReportException(yamlFile, 0, "cannot read: " + e.getMessage(), e);
      }
    }
    return new ScenarioResults(
        dir, run, yaml, summary, reps, events, Map.copyOf(series), heatmap);
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
