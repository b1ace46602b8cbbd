package io.mlproxy.report;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The results table: summary.csv as a Tablesaw table, one row per variant, and its HTML. Numbers
 * show 3 significant digits; each sits in a span naming its column whose {@code data-value} holds
 * the exact number summary.csv has. Faults and refaults share a column when they are equal for
 * every variant (every major fault was on a page reclaim paged out).
 */
public final class HeadlineTable {

  private HeadlineTable() {}

  /** A mean with its 95% half-width, shown as "mean ± ci". */
  private record Pair(String label, SummaryMetric mean, SummaryMetric ci) {}

  private static final List<Pair> WITH_CI =
      List.of(
          new Pair("score (saving − λ·slowdown)", SummaryMetric.SCORE_MEAN, SummaryMetric.SCORE_CI95),
          new Pair("saving (fraction)", SummaryMetric.SAVING_MEAN, SummaryMetric.SAVING_CI95),
          new Pair("slowdown (vs none)", SummaryMetric.SLOWDOWN_MEAN, SummaryMetric.SLOWDOWN_CI95));

  private static final List<SummaryMetric> MODES =
      List.of(SummaryMetric.TIME_EMERGENCY_PCT, SummaryMetric.TIME_LEARNING_PCT,
          SummaryMetric.TIME_COLLABORATION_PCT, SummaryMetric.TIME_RECOMMENDATION_PCT);

  private static final List<SummaryMetric> TAIL =
      List.of(SummaryMetric.TRANSITIONS_MEAN, SummaryMetric.HINTS_APPLIED_MEAN,
          SummaryMetric.RECS_REJECTED_MEAN, SummaryMetric.GAP_CLOSED);

  private static final List<String> TAIL_LABELS =
      List.of("mode transitions", "hints applied", "messages rejected", "gap closed (fraction)");

  /** summary.csv as a Tablesaw table: variant, replications and one column per metric. */
  public static Table build(List<VariantSummary> summary) {
    Table t = Tables.create("headline");
    t.addColumns(StringColumn.create("variant", summary.stream().map(VariantSummary::variant)
        .toArray(String[]::new)));
    t.addColumns(IntColumn.create("replications", summary.stream()
        .mapToInt(VariantSummary::replications).toArray()));
    for (SummaryMetric m : SummaryMetric.values()) {
      t.addColumns(DoubleColumn.create(m.column(), summary.stream().mapToDouble(v -> v.get(m))));
    }
    return t;
  }

  /** Whether faults and refaults are equal for every variant (then one column shows both). */
  static boolean faultsAreRefaults(Table t) {
    DoubleColumn f = t.doubleColumn(SummaryMetric.FAULTS_MEAN.column());
    DoubleColumn rf = t.doubleColumn(SummaryMetric.REFAULTS_MEAN.column());
    for (int r = 0; r < t.rowCount(); r++) {
      if (Double.compare(f.getDouble(r), rf.getDouble(r)) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The table as HTML. */
  public static String html(Table t) {
    boolean merged = faultsAreRefaults(t);
    HtmlWriter h = new HtmlWriter();
    h.open("table", "class", "headline").open("thead").open("tr");
    h.element("th", "variant", "rowspan", "2").element("th", "reps", "rowspan", "2");
    for (Pair p : WITH_CI) {
      h.element("th", p.label() + " ± 95% CI", "rowspan", "2");
    }
    if (merged) {
      h.element("th", "major faults (all refaults)", "rowspan", "2");
    } else {
      h.element("th", "major faults", "rowspan", "2").element("th", "refaults", "rowspan", "2");
    }
    h.element("th", "reclaim CPU (s)", "rowspan", "2");
    h.element("th", "% of time in mode", "colspan", "4");
    for (String l : TAIL_LABELS) {
      h.element("th", l, "rowspan", "2");
    }
    h.close("tr").open("tr");
    for (SummaryMetric m : MODES) {
      String name = m.column().replace("time_", "").replace("_pct", "").toUpperCase(java.util.Locale.ROOT);
      h.open("th", "class", "mode").open("abbr", "title", name).text(name.substring(0, 1)).close("abbr").close("th");
    }
    h.close("tr").close("thead").open("tbody").nl();
    StringColumn variants = t.stringColumn("variant");
    IntColumn reps = t.intColumn("replications");
    for (int r = 0; r < t.rowCount(); r++) {
      h.open("tr", "data-variant", variants.get(r));
      h.open("th", "scope", "row").raw(swatch(variants.get(r))).text(variants.get(r)).close("th");
      h.open("td").element("span", Integer.toString(reps.getInt(r)), "data-col", "replications",
          "data-value", Integer.toString(reps.getInt(r))).close("td");
      for (Pair p : WITH_CI) {
        h.open("td");
        cell(h, t, p.mean(), r);
        h.open("span", "class", "ci").text("± ");
        cell(h, t, p.ci(), r);
        h.close("span").close("td");
      }
      if (merged) {
        h.open("td", "data-col-same", SummaryMetric.REFAULTS_MEAN.column());
        cell(h, t, SummaryMetric.FAULTS_MEAN, r);
        h.close("td");
      } else {
        for (SummaryMetric m : List.of(SummaryMetric.FAULTS_MEAN, SummaryMetric.REFAULTS_MEAN)) {
          h.open("td");
          cell(h, t, m, r);
          h.close("td");
        }
      }
      h.open("td");
      cell(h, t, SummaryMetric.RECLAIM_CPU_S_MEAN, r);
      h.close("td");
      for (SummaryMetric m : MODES) {
        h.open("td");
        cell(h, t, m, r);
        h.close("td");
      }
      for (SummaryMetric m : TAIL) {
        h.open("td");
        cell(h, t, m, r);
        h.close("td");
      }
      h.close("tr").nl();
    }
    return h.close("tbody").close("table").toString();
  }

  /** A small square in the variant's colour, as in every chart. */
  static String swatch(String variant) {
    java.awt.Color c = ChartStyle.variant(variant);
    return "<span class=\"swatch\" style=\"background:#" + String.format("%06x", c.getRGB() & 0xffffff)
        + "\"></span>";
  }

  private static void cell(HtmlWriter h, Table t, SummaryMetric m, int row) {
    double v = t.doubleColumn(m.column()).getDouble(row);
    h.element("span", Fmt.num(v), "data-col", m.column(), "data-value", Fmt.exact(v));
  }
}
