package io.mlproxy.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report's "DAMON regions and DAMOS quota" section, from each variant's replication-1
 * {@code damon.csv}: how many regions DAMON kept and how large they were, and how often the
 * DAMON_RECLAIM scheme's quota stopped it (quota-limited applications, DAMOS's qt_exceeds).
 */
final class DamonSection {

  /** damon.csv's header, exactly (docs/results-format.md). */
  static final List<String> COLUMNS = List.of(
      "time_s", "nr_regions", "region_pages_min", "region_pages_mean", "region_pages_max", "kdamond_active",
      "applications", "quota_limited", "qt_exceeds", "nr_tried", "sz_tried_bytes", "nr_applied",
      "sz_applied_bytes", "effective_quota_bytes");

  /** One variant's figures over its replication 1. */
  record Row(String variant, double regionsMean, long regionsMin, long regionsMax, double pagesMean,
             long pagesMax, double activeShare, long applications, long quotaLimited, long qtExceeds,
             double appliedBytes) {}

  private DamonSection() {}

  /** Reads {@code file}; bad content is a ReportException naming file and line. */
  static Row read(String variant, Path file) {
    Totals t = new Totals();
    ResultsCsv.read(file, row -> {
      long nr = row.integer(1);
      if (nr < 0) {
        throw row.fieldError(1, "must be ≥ 0, found " + nr);
      }
      t.rows++;
      t.regions += nr;
      t.min = Math.min(t.min, nr);
      t.max = Math.max(t.max, nr);
      t.pages += row.number(3);
      t.pagesMax = Math.max(t.pagesMax, row.integer(4));
      t.active += row.integer(5) != 0 ? 1 : 0;
      // the scheme's statistics are cumulative: the last row holds the run's totals
      t.scheme = !row.text(6).isEmpty();
      if (t.scheme) {
        t.applications = row.integer(6);
        t.quotaLimited = row.integer(7);
        t.qtExceeds = row.integer(8);
        t.appliedBytes = row.number(12);
      }
    }, COLUMNS);
    if (t.rows == 0) {
      throw new ReportException(file, 0, "no rows");
    }
    int n = t.rows;
    return new Row(variant, t.regions / n, t.min, t.max, t.pages / n, t.pagesMax, (double) t.active / n,
        t.scheme ? t.applications : -1, t.scheme ? t.quotaLimited : -1, t.scheme ? t.qtExceeds : -1,
        t.scheme ? t.appliedBytes : Double.NaN);
  }

  /** Running totals while the rows stream past. */
  private static final class Totals {
    int rows;
    double regions;
    double pages;
    long min = Long.MAX_VALUE;
    long max;
    long pagesMax;
    long active;
    boolean scheme;
    long applications;
    long quotaLimited;
    long qtExceeds;
    double appliedBytes;
  }

  /** Writes the section: a table of every variant whose replication 1 has a damon.csv. */
  static void write(HtmlWriter h, ScenarioResults r) {
    h.open("section", "id", "damon").element("h2", "DAMON regions and DAMOS quota");
    List<Row> rows = new ArrayList<>();
    for (String v : r.variantNames()) {
      Path f = ScenarioResults.repDir(r.dir(), v, 1).resolve("damon.csv");
      if (Files.exists(f)) {
        rows.add(read(v, f));
      }
    }
    if (rows.isEmpty()) {
      h.element("p", "No damon.csv in this results folder (written by runs since the rate-based model).", "class",
          "muted");
      h.close("section").nl();
      return;
    }
    long pageSize = pageSizeBytes(r.run());
    h.open("table").open("tr");
    for (String c : List.of("variant (replication 1)", "regions: mean (min–max)", "region size: mean (largest)",
        "kdamond active", "scheme applications", "quota-limited", "qt_exceeds", "paged out")) {
      h.element("th", c);
    }
    h.close("tr");
    for (Row row : rows) {
      h.open("tr").element("th", row.variant(), "scope", "row")
          .element("td", Fmt.sig(row.regionsMean(), 3) + " (" + row.regionsMin() + "–" + row.regionsMax() + ")")
          .element("td", size(row.pagesMean(), pageSize) + " (" + size(row.pagesMax(), pageSize) + ")")
          .element("td", Fmt.percent(row.activeShare()));
      if (row.applications() < 0) {
        h.element("td", Fmt.UNDEFINED).element("td", Fmt.UNDEFINED).element("td", Fmt.UNDEFINED)
            .element("td", Fmt.UNDEFINED);
      } else {
        h.element("td", Long.toString(row.applications()))
            .element("td", row.quotaLimited() + " (" + Fmt.percent(row.applications() == 0 ? Double.NaN
                : (double) row.quotaLimited() / row.applications()) + ")")
            .element("td", Long.toString(row.qtExceeds()))
            .element("td", bytes(row.appliedBytes()));
      }
      h.close("tr");
    }
    h.close("table");
    h.element("p", "From damon.csv of replication 1: DAMON's region count and sizes averaged over the run's "
        + "output steps (largest at any step); the DAMON_RECLAIM scheme's applications while its watermarks "
        + "let it act, those in which the quota ran out before every region matching its access pattern "
        + "was acted on, quota windows that ended with the quota used up (DAMOS qt_exceeds), and the bytes "
        + "it paged out. none and oracle run no scheme.", "class", "muted");
    h.close("section").nl();
  }

  private static long pageSizeBytes(RunInfo run) {
    String v = run.has("param.memory.page_size") ? run.get("param.memory.page_size") : "";
    try {
      return Long.parseLong(v.replace(" B", "").strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String size(double pages, long pageSize) {
    String p = Fmt.sig(pages, 3) + " pages";
    return pageSize > 0 ? p + ", " + bytes(pages * pageSize) : p;
  }

  private static String bytes(double b) {
    if (Double.isNaN(b)) {
      return Fmt.UNDEFINED;
    }
    String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (b >= 1024 && u < units.length - 1) {
      b /= 1024;
      u++;
    }
    return Fmt.sig(b, 3) + " " + units[u];
  }
}
