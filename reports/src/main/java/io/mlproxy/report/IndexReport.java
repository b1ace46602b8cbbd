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
    Table t = Table.create("index");
    t.addColumns(scenario, folder, best, diff, diffCi, p, gap, rec);
    return t;
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
      h.open("table", "class", "index").open("tr");
      for (String c : List.of("scenario", "best variant by score (oracle excluded)",
          "proxy − handcrafted score (paired, ± 95% CI)", "gap closed by proxy (fraction)",
          "proxy time in RECOMMENDATION (%)")) {
        h.element("th", c);
      }
      h.close("tr").nl();
      for (int i = 0; i < t.rowCount(); i++) {
        Path reportFile = scenarios.get(i).toAbsolutePath().resolve("report.html");
        String href = base.relativize(reportFile).toString().replace('\\', '/');
        h.open("tr", "data-scenario", t.stringColumn("scenario").get(i)).open("td")
            .element("a", t.stringColumn("scenario").get(i), "href", href);
        if (!Files.exists(data.apply(scenarios.get(i)).resolve("report.html"))) {
          h.element("span", " (report not generated yet)", "class", "muted");
        }
        h.close("td");
        h.element("td", t.stringColumn("best_variant").get(i));
        double d = t.doubleColumn("proxy_minus_handcrafted").getDouble(i);
        double ci = t.doubleColumn("proxy_minus_handcrafted_ci95").getDouble(i);
        double pv = t.doubleColumn("p_value").getDouble(i);
        h.open("td").element("span", Fmt.exact(d), "data-col", "diff").text(" ± ")
            .element("span", Fmt.exact(ci), "data-col", "diff_ci95");
        if (!Double.isNaN(pv)) {
          h.element("span", " (p = " + Fmt.sig(pv, 2) + ")", "class", "ci");
        }
        h.close("td");
        h.open("td").element("span", Fmt.exact(t.doubleColumn("gap_closed").getDouble(i)),
            "data-col", "gap_closed").close("td");
        h.open("td").element("span",
            Fmt.exact(t.doubleColumn("time_recommendation_pct").getDouble(i)),
            "data-col", "time_recommendation_pct").close("td");
        h.close("tr").nl();
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
