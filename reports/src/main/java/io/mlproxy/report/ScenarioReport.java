package io.mlproxy.report;

import io.mlproxy.engine.RunProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenario report: one self-contained {@code report.html} (inline SVG and PNG data, inline
 * styles, no scripts, nothing fetched): the verdict and a one-screen summary first, then the seven
 * charts, the results table, DAMON's regions and quota, the events, and the run's parameters collapsed.
 */
public final class ScenarioReport {

  /** The charts, in the order the report shows them. */
  public static final List<ReportChart> CHARTS =
      List.of(new ResidentMemoryChart(), new FaultRateChart(), new ModeBandChart(),
          new EfficiencyChart(), new StalenessChart(), new HeatmapChart(),
          new CumulativeScoreChart());

  private ScenarioReport() {}

  /** Writes {@code scenarioDir/report.html} atomically and returns its path. */
  public static Path write(Path scenarioDir) {
    return write(scenarioDir, scenarioDir.resolve("report.html"));
  }

  /**
   * Reads {@code scenarioDir} and writes its report to {@code out} (through a temporary file,
   * so a failure leaves no half-written report). Bad input is a ReportException.
   */
  public static Path write(Path scenarioDir, Path out) {
    return write(scenarioDir, out, scenarioDir.toAbsolutePath().getFileName().toString());
  }

  /**
   * Like {@link #write(Path, Path)}, for a folder read under another name than the one it will
   * have: a run writes the report in its staging folder, before the swap.
   */
  public static Path write(Path scenarioDir, Path out, String folderName) {
    return AtomicFiles.writeString(out, render(ScenarioResults.load(scenarioDir), folderName));
  }

  /**
   * The report of a run that has just written {@code scenarioDir} (it reads only what the report
   * draws, {@link ScenarioResults.Reading#DRAWN}), adding the time of its parts to {@code
   * profile}'s step "report.html".
   */
  public static Path writeForRun(Path scenarioDir, Path out, String folderName, RunProfile profile) {
    long start = System.nanoTime();
    ScenarioResults.Loading loading = ScenarioResults.start(scenarioDir, ScenarioResults.Reading.DRAWN);
    profile.addPart(PROFILE_STEP, "reading the CSV files (but the heatmap's)", System.nanoTime() - start);
    String html = render(loading.withoutHeatmap(), loading::complete, folderName, profile);
    long writing = System.nanoTime();
    Path written = AtomicFiles.writeString(out, html);
    profile.addPart(PROFILE_STEP, "writing report.html", System.nanoTime() - writing);
    return written;
  }

  /** The run profile's step that the report's parts belong to. */
  public static final String PROFILE_STEP = "report.html";

  /** The report's HTML. */
  public static String render(ScenarioResults r) {
    return render(r, r.dir().toAbsolutePath().getFileName().toString());
  }

  /** The report's HTML, naming the results folder {@code folderName}. */
  public static String render(ScenarioResults r, String folderName) {
    return render(r, () -> r, folderName, RunProfile.NONE);
  }

  /**
   * The report's HTML from {@code r}; the heatmap chart draws {@code withHeatmap}'s results, which
   * may still be reading while the other charts draw.
   */
  private static String render(ScenarioResults r, java.util.function.Supplier<ScenarioResults> withHeatmap,
      String folderName, RunProfile profile) {
    long start = System.nanoTime();
    String name = r.scenarioName();
    HtmlWriter h = new HtmlWriter();
    Page.begin(h, "Scenario " + name + " — ML-proxy workbench report");
    h.element("h1", "Scenario " + name);
    if (r.run().has("description")) {
      h.element("p", r.run().get("description"), "class", "description");
    }
    // the charts are independent: drawn side by side (order kept)
    List<Figure> figures = CHARTS.parallelStream()
        .map(c -> c instanceof HeatmapChart ? c.render(withHeatmap.get()) : c.render(r)).toList();
    long charts = System.nanoTime();
    profile.addPart(PROFILE_STEP, "drawing the charts (and reading the heatmap)", charts - start);
    // Verdict first: the one screen a reader came for; parameters collapsed at the end.
    SummarySection.write(h, r);
    h.open("nav").element("a", "Verdict", "href", "#verdict");
    for (Figure f : figures) {
      h.element("a", f.title().replaceAll(",? \\(replication 1\\)", "").replaceAll(" — .*", ""), "href",
          "#fig-" + f.id());
    }
    h.element("a", "Results table", "href", "#headline").element("a", "DAMON regions and quota", "href", "#damon")
        .element("a", "Events", "href", "#events")
        .element("a", "Run and parameters", "href", "#run");
    h.close("nav").nl();
    h.open("section", "id", "charts").element("h2", "Charts (replication 1)");
    for (Figure f : figures) {
      h.open("figure", "id", "fig-" + f.id(), "class", f.drawn() ? "drawn" : "missing");
      if (!f.drawn()) {
        h.element("h3", f.title());
      }
      h.raw(f.body()).nl();
      if (!f.caption().isEmpty()) {
        h.open("figcaption").raw(f.caption()).close("figcaption");
      }
      h.close("figure").nl();
    }
    h.close("section").nl();
    h.open("section", "id", "headline").element("h2", "Results table")
        .raw(HeadlineTable.html(HeadlineTable.build(r.summary())))
        .element("p", "From summary.csv, to 3 significant digits (the exact values are in summary.csv): "
            + "means over replications with Student-t 95% half-widths (— where undefined, e.g. one "
            + "replication); faults, transitions, hints and rejected messages are means of per-replication "
            + "counts; gap closed = (score − handcrafted) / (oracle − handcrafted). λ = "
            + r.run().get("lambda") + ".", "class", "muted")
        .close("section").nl();
    DamonSection.write(h, r);
    eventCounts(h, r);
    header(h, r);
    if (r.scenarioYaml().isPresent()) {
      h.open("section", "id", "scenario-file").element("h2", "Scenario file")
          .open("details").element("summary", "scenario.yaml as run")
          .element("pre", r.scenarioYaml().get()).close("details").close("section").nl();
    }
    Page.end(h, "Generated from the CSV files in " + folderName
        + "/ (nothing re-simulated). Charts draw replication 1 with at most "
        + Downsampler.MAX_POINTS + " points per line (largest-triangle-three-buckets); "
        + "the CSVs keep full resolution.");
    String html = h.toString();
    profile.addPart(PROFILE_STEP, "tables and HTML", System.nanoTime() - charts);
    return html;
  }

  private static void header(HtmlWriter h, ScenarioResults r) {
    RunInfo run = r.run();
    h.open("section", "id", "run").element("h2", "Run and parameters");
    h.open("details").element("summary", "run.properties: seed " + run.get("seed") + ", "
        + run.get("replications") + " replications, " + run.get("duration_s") + " s simulated, tool "
        + run.get("tool_version") + " (show all)");
    h.open("div", "class", "facts");
    h.open("table", "class", "kv");
    String[][] rows = {
      {"scenario", run.has("scenario") ? run.get("scenario") : r.scenarioName()},
      {"duration (s)", run.get("duration_s")},
      {"seed", run.get("seed")},
      {"replications", run.get("replications")},
      {"variants", run.get("variants")},
      {"parallel jobs", run.get("jobs")},
      {"λ (score = saving − λ·slowdown)", run.get("lambda")},
      {"tool version", run.get("tool_version")},
      {"date", run.get("date")},
    };
    for (String[] row : rows) {
      h.open("tr").element("th", row[0]).element("td", row[1]).close("tr");
    }
    h.close("table");
    Map<String, Map<String, String>> params = run.paramsBySection();
    if (params.isEmpty()) {
      h.element("p", "run.properties records no param.* keys.", "class", "muted");
    }
    for (Map.Entry<String, Map<String, String>> section : params.entrySet()) {
      h.open("table", "class", "kv params", "data-section", section.getKey());
      h.open("tr").element("th", section.getKey(), "colspan", "2").close("tr");
      for (Map.Entry<String, String> p : section.getValue().entrySet()) {
        h.open("tr").element("td", p.getKey()).element("td", p.getValue()).close("tr");
      }
      h.close("table");
    }
    h.close("div").close("details").close("section").nl();
  }

  private static void eventCounts(HtmlWriter h, ScenarioResults r) {
    h.open("section", "id", "events").element("h2", "Events");
    if (r.events().isEmpty()) {
      h.element("p", "No events recorded (events.csv is absent or empty).", "class", "muted");
      h.close("section").nl();
      return;
    }
    Map<String, Map<String, Integer>> counts = new TreeMap<>(Variants.ORDER);
    TreeMap<String, Integer> kinds = new TreeMap<>();
    for (Event e : r.events()) {
      // the mode a variant is forced into at t = 0 is logged like a transition but is none
      String kind = ModeBandChart.isForcedStart(e) ? FORCED_KIND : e.kind();
      counts.computeIfAbsent(e.variant(), v -> new TreeMap<>()).merge(kind, 1, Integer::sum);
      kinds.put(kind, 0);
    }
    h.open("table", "class", "events").open("tr").element("th", "variant (all replications)");
    for (String k : kinds.keySet()) {
      h.element("th", k);
    }
    h.close("tr");
    for (Map.Entry<String, Map<String, Integer>> e : counts.entrySet()) {
      h.open("tr").element("th", e.getKey(), "scope", "row");
      for (String k : kinds.keySet()) {
        h.element("td", Integer.toString(e.getValue().getOrDefault(k, 0)));
      }
      h.close("tr");
    }
    h.close("table");
    h.element("p", "Counts of events.csv rows over all replications; "
        + "\"" + FORCED_KIND + "\" is the mode a variant is forced into at t = 0 (ml-only into RECOMMENDATION), "
        + "logged as a mode_transition row but not counted as a transition (summary.csv's transitions_mean "
        + "does not count it either).", "class", "muted");
    h.close("section").nl();
  }

  /** How the events table names the forced mode at the start. */
  static final String FORCED_KIND = "mode forced at start";
}
