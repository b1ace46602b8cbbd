package io.mlproxy.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The index of a results folder: every scenario in one table (best variant by score, proxy vs
 * handcrafted with its paired interval, gap closed, time in RECOMMENDATION), each linking to
 * its report, and the JMH benchmarks when {@code bench/*.json} exists.
 */
public final class IndexReport {

  private IndexReport() {}

  /** Writes {@code resultsDir/index.html} atomically and returns its path. */
  public static Path write(Path resultsDir) {
    return write(resultsDir, resultsDir.resolve("index.html"));
  }

  /** Writes the index of {@code resultsDir} to {@code out}; links are relative to out's folder. */
  public static Path write(Path resultsDir, Path out) {
    return AtomicFiles.writeString(out, render(resultsDir, out));
  }

  /**
   * Scenario folders of {@code resultsDir}: direct subfolders holding a summary.csv, by name.
   * Hidden folders (a run's staging folders) are not scenarios.
   */
  public static List<Path> scenarioDirs(Path resultsDir) {
    if (!Files.isDirectory(resultsDir)) {
      throw new ReportException(resultsDir, 0, "not a directory");
    }
    try (Stream<Path> s = Files.list(resultsDir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> Files.isRegularFile(p.resolve("summary.csv")))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ReportException(resultsDir, 0, "cannot list: " + e.getMessage(), e);
    }
  }

  /** JMH result files: {@code resultsDir/bench/*.json}, by name. */
  public static List<Path> benchmarkFiles(Path resultsDir) {
    Path bench = resultsDir.resolve("bench");
    if (!Files.isDirectory(bench)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(bench)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".json") && Files.isRegularFile(p))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      throw new ReportException(bench, 0, "cannot list: " + e.getMessage(), e);
    }
  }

  /**
   * Renders the index of {@code resultsDir} as it will be once {@code staged} is swapped in as
   * {@code resultsDir/name}, and writes it beside {@code out} for {@link AtomicFiles#install}.
   */
  public static Path prepare(Path resultsDir, Path out, String name, Path staged) {
    Path target = resultsDir.toAbsolutePath().resolve(name);
    List<Path> dirs = new ArrayList<>();
    for (Path d : scenarioDirs(resultsDir)) {
      if (!d.toAbsolutePath().equals(target)) {
        dirs.add(d);
      }
    }
    dirs.add(target);
    dirs.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return AtomicFiles.prepare(out, render(resultsDir, out, dirs, d -> d.toAbsolutePath().equals(target) ? staged : d));
  }

  /** The index as a Tablesaw table, one row per scenario. */
  public static Table table(List<Path> scenarioDirs) {
    return table(scenarioDirs, d -> d);
  }

  private static Table table(List<Path> scenarioDirs, java.util.function.UnaryOperator<Path> data) {
    StringColumn scenario = StringColumn.create("scenario");
    StringColumn folder = StringColumn.create("folder");
    StringColumn best = StringColumn.create("best_variant");
    DoubleColumn diff = DoubleColumn.create("proxy_minus_handcrafted");
    DoubleColumn diffCi = DoubleColumn.create("proxy_minus_handcrafted_ci95");
    DoubleColumn p = DoubleColumn.create("p_value");
    DoubleColumn gap = DoubleColumn.create("gap_closed");
    DoubleColumn rec = DoubleColumn.create("time_recommendation_pct");
    for (Path dir : scenarioDirs) {
      List<VariantSummary> summary = SummaryCsv.read(data.apply(dir).resolve("summary.csv"));
      List<ReplicationRow> reps = ReplicationsCsv.read(data.apply(dir).resolve("replications.csv"));
      scenario.append(summary.get(0).scenario());
      folder.append(dir.getFileName().toString());
      best.append(summary.stream()
          .filter(v -> !v.variant().equals(Variants.ORACLE))
          .filter(v -> !Double.isNaN(v.get(SummaryMetric.SCORE_MEAN)))
          .max(Comparator.comparingDouble(v -> v.get(SummaryMetric.SCORE_MEAN)))
          .map(VariantSummary::variant).orElse(Fmt.UNDEFINED));
      Optional<PairedComparison> c = PairedComparison.of(reps, Variants.PROXY, Variants.HANDCRAFTED);
      diff.append(c.map(PairedComparison::meanDifference).orElse(Double.NaN));
      diffCi.append(c.map(PairedComparison::halfWidth).orElse(Double.NaN));
      p.append(c.map(PairedComparison::pValue).orElse(Double.NaN));
      Optional<VariantSummary> proxy =
          summary.stream().filter(v -> v.variant().equals(Variants.PROXY)).findFirst();
      gap.append(proxy.map(v -> v.get(SummaryMetric.GAP_CLOSED)).orElse(Double.NaN));
      rec.append(proxy.map(v -> v.get(SummaryMetric.TIME_RECOMMENDATION_PCT)).orElse(Double.NaN));
    }
    Table t = Tables.create("index");
    t.addColumns(scenario, folder, best, diff, diffCi, p, gap, rec);
    return t;
  }

  private static void score(HtmlWriter h, VariantSummary v) {
    double mean = v.get(SummaryMetric.SCORE_MEAN);
    double ci = v.get(SummaryMetric.SCORE_CI95);
    h.element("span", Fmt.num(mean), "data-col", "score_mean", "data-value", Fmt.exact(mean));
    if (!Double.isNaN(ci)) {
      h.open("span", "class", "pm").text(" ± ").close("span");
      h.element("span", Fmt.num(ci), "data-col", "score_ci95", "data-value", Fmt.exact(ci), "class", "pm");
    }
  }

  private static void number(HtmlWriter h, String col, double v, String text) {
    h.element("span", text, "data-col", col, "data-value", Fmt.exact(v));
  }

  /** The verdict sentences of one scenario, from its summary and replications alone. */
  private static List<String> verdicts(Path dir, List<VariantSummary> summary) {
    List<ReplicationRow> reps = ReplicationsCsv.read(dir.resolve("replications.csv"));
    ScenarioResults light = new ScenarioResults(dir, RunInfo.read(dir.resolve("run.properties")), Optional.empty(),
        summary, reps, List.of(), java.util.Map.of(), Optional.empty());
    return Verdict.sentences(light);
  }

  /** The index's HTML; links are relative to {@code out}'s folder. */
  public static String render(Path resultsDir, Path out) {
    return render(resultsDir, out, scenarioDirs(resultsDir), d -> d);
  }

  /** The index over {@code scenarios} (as linked), each read from {@code data.apply(folder)}. */
  private static String render(Path resultsDir, Path out, List<Path> scenarios,
      java.util.function.UnaryOperator<Path> data) {
    TablesawWarmup.start();
    List<Path> benchFiles = benchmarkFiles(resultsDir);
    if (scenarios.isEmpty() && benchFiles.isEmpty()) {
      throw new ReportException(resultsDir, 0,
          "no scenario results (no */summary.csv) and no benchmark results (no bench/*.json)");
    }
    Path base = out.toAbsolutePath().getParent();
    HtmlWriter h = new HtmlWriter();
    Page.begin(h, "ML-proxy workbench results — " + resultsDir.toAbsolutePath().getFileName());
    h.element("h1", "Results in " + resultsDir.toAbsolutePath().getFileName());
    if (!scenarios.isEmpty()) {
      Table t = table(scenarios, data);
      h.open("section", "id", "scenarios").element("h2", "Scenarios");
      h.element("p", "Score = saving − λ·slowdown, mean ± Student-t 95% half-width over the replications, "
          + "3 significant digits (exact values in each summary.csv). Bold: the best variant other than the "
          + "oracle. Below each row, the verdict on the adaptive proxy and on ML-only against handcrafted.",
          "class", "muted");
      h.open("table", "class", "index").open("tr");
      h.element("th", "scenario");
      for (String v : Variants.ALL) {
        h.open("th").raw(HeadlineTable.swatch(v)).text(v).close("th");
      }
      for (String c : List.of("proxy − handcrafted (paired, ± 95% CI)", "gap closed by proxy",
          "proxy time in RECOMMENDATION")) {
        h.element("th", c);
      }
      h.close("tr").nl();
      for (int i = 0; i < t.rowCount(); i++) {
        Path dir = scenarios.get(i);
        Path reportFile = dir.toAbsolutePath().resolve("report.html");
        String href = base.relativize(reportFile).toString().replace('\\', '/');
        String name = t.stringColumn("scenario").get(i);
        List<VariantSummary> summary = SummaryCsv.read(data.apply(dir).resolve("summary.csv"));
        String best = t.stringColumn("best_variant").get(i);
        h.open("tr", "data-scenario", name).open("th", "scope", "row", "rowspan", "2")
            .element("a", name, "href", href);
        if (!Files.exists(data.apply(dir).resolve("report.html"))) {
          h.element("span", " (report not generated yet)", "class", "muted");
        }
        h.close("th");
        for (String v : Variants.ALL) {
          VariantSummary vs = summary.stream().filter(x -> x.variant().equals(v)).findFirst().orElse(null);
          h.open("td", "data-variant", v, "class", v.equals(best) ? "best" : "");
          if (vs == null) {
            h.element("span", "not run", "class", "muted");
          } else {
            score(h, vs);
          }
          h.close("td");
        }
        double d = t.doubleColumn("proxy_minus_handcrafted").getDouble(i);
        double ci = t.doubleColumn("proxy_minus_handcrafted_ci95").getDouble(i);
        double pv = t.doubleColumn("p_value").getDouble(i);
        h.open("td");
        number(h, "diff", d, Fmt.signed(d, 3));
        h.text(" ± ");
        number(h, "diff_ci95", ci, Fmt.num(ci));
        if (!Double.isNaN(pv)) {
          h.element("span", Fmt.pValue(pv), "class", "ci");
        }
        h.close("td").open("td");
        double gap = t.doubleColumn("gap_closed").getDouble(i);
        number(h, "gap_closed", gap, Fmt.percent(gap));
        h.close("td").open("td");
        double rec = t.doubleColumn("time_recommendation_pct").getDouble(i);
        number(h, "time_recommendation_pct", rec, Double.isNaN(rec) ? Fmt.UNDEFINED : Fmt.num(rec) + "%");
        h.close("td").close("tr").nl();
        h.open("tr", "class", "verdict-row", "data-verdict-of", name).open("td", "colspan", "8", "class", "verdict-cell");
        for (String sentence : verdicts(data.apply(dir), summary)) {
          h.element("p", sentence);
        }
        h.close("td").close("tr").nl();
      }
      h.close("table").close("section").nl();
    }
    if (!benchFiles.isEmpty()) {
      List<BenchmarkResult> all = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (Path f : benchFiles) {
        all.addAll(JmhJson.read(f));
        names.add("bench/" + f.getFileName());
      }
      if (all.isEmpty()) {
        h.element("p", "The benchmark files hold no results.", "class", "muted");
      } else {
        h.raw(BenchmarkSection.render(all, names)).nl();
      }
    }
    Page.end(h, "Generated from the CSV and JSON files in this folder (nothing re-simulated).");
    return h.toString();
  }
}
