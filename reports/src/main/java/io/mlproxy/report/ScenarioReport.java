package io.mlproxy.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The scenario report: one self-contained {@code report.html} (inline SVG and PNG data, inline
 * styles, no scripts, nothing fetched) with the run's header, the verdict, the headline table,
 * DAMON's regions and quota and the seven charts.
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
    String html = render(ScenarioResults.load(scenarioDir), folderName);
    return AtomicFiles.writeString(out, html);
  }

  /** The report's HTML. */
  public static String render(ScenarioResults r) {
    return render(r, r.dir().toAbsolutePath().getFileName().toString());
  }

  /** The report's HTML, naming the results folder {@code folderName}. */
  public static String render(ScenarioResults r, String folderName) {
    String name = r.scenarioName();
    HtmlWriter h = new HtmlWriter();
    Page.begin(h, "Scenario " + name + " — ML-proxy workbench report");
    h.element("h1", "Scenario " + name);
    if (r.run().has("description")) {
      h.element("p", r.run().get("description"), "class", "description");
    }
    // the charts are independent: drawn side by side (order kept)
    List<Figure> figures = CHARTS.parallelStream().map(c -> c.render(r)).toList();
    h.open("nav").element("a", "Verdict", "href", "#verdict").element("a", "Headline table", "href", "#headline")
        .element("a", "DAMON regions and quota", "href", "#damon");
    for (Figure f : figures) {
      h.element("a", f.title().replaceAll(" \\(replication 1\\)", ""), "href", "#fig-" + f.id());
    }
    h.close("nav").nl();
    header(h, r);
    h.open("section", "id", "verdict").element("h2", "Verdict").open("div", "class", "verdict");
    for (String s : Verdict.sentences(r)) {
      h.element("p", s);
    }
    h.close("div").close("section").nl();
    h.open("section", "id", "headline").element("h2", "Headline table")
        .raw(HeadlineTable.html(HeadlineTable.build(r.summary())))
        .element("p", "From summary.csv: means over replications with Student-t 95% half-widths "
            + "(— where undefined, e.g. one replication); faults, refaults, transitions, hints and "
            + "rejected messages are means of per-replication counts; gap closed = (score − "
            + "handcrafted) / (oracle − handcrafted). λ = " + r.run().get("lambda") + ".",
            "class", "muted")
        .close("section").nl();
    DamonSection.write(h, r);
    h.open("section", "id", "charts").element("h2", "Charts");
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
    eventCounts(h, r);
    if (r.scenarioYaml().isPresent()) {
      h.open("section", "id", "scenario-file").element("h2", "Scenario file")
          .open("details").element("summary", "scenario.yaml as run")
          .element("pre", r.scenarioYaml().get()).close("details").close("section").nl();
    }
    Page.end(h, "Generated from the CSV files in " + folderName
        + "/ (nothing re-simulated). Charts draw replication 1 with at most "
        + Downsampler.MAX_POINTS + " points per line (largest-triangle-three-buckets); "
        + "the CSVs keep full resolution.");
    return h.toString();
  }

  private static void header(HtmlWriter h, ScenarioResults r) {
    RunInfo run = r.run();
    h.open("section", "id", "run").element("h2", "Run and key parameters");
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
    h.close("div").close("section").nl();
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
      counts.computeIfAbsent(e.variant(), v -> new TreeMap<>()).merge(e.kind(), 1, Integer::sum);
      kinds.put(e.kind(), 0);
    }
    h.open("table").open("tr").element("th", "variant (all replications)");
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
    h.close("table").close("section").nl();
  }
}
