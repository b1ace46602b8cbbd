package io.mlproxy.report;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The headline table: summary.csv as a Tablesaw table, one row per variant, and its HTML. Every
 * number is shown exactly as summary.csv holds it; each sits in a span naming its column.
 */
public final class HeadlineTable {

  private HeadlineTable() {}

  /** A mean with its 95% half-width, shown as "mean ± ci". */
  private record Pair(String label, SummaryMetric mean, SummaryMetric ci) {}

  private static final List<Pair> WITH_CI =
      List.of(
          new Pair("saving (fraction)", SummaryMetric.SAVING_MEAN, SummaryMetric.SAVING_CI95),
          new Pair("slowdown (fraction vs none)", SummaryMetric.SLOWDOWN_MEAN, SummaryMetric.SLOWDOWN_CI95),
          new Pair("score (saving − λ·slowdown)", SummaryMetric.SCORE_MEAN, SummaryMetric.SCORE_CI95));

  private static final List<SummaryMetric> COUNTS =
      List.of(SummaryMetric.FAULTS_MEAN, SummaryMetric.REFAULTS_MEAN, SummaryMetric.RECLAIM_CPU_S_MEAN);

  private static final List<String> COUNT_LABELS =
      List.of("faults", "refaults", "reclaim CPU (s)");

  private static final List<SummaryMetric> MODES =
      List.of(SummaryMetric.TIME_EMERGENCY_PCT, SummaryMetric.TIME_LEARNING_PCT,
          SummaryMetric.TIME_COLLABORATION_PCT, SummaryMetric.TIME_RECOMMENDATION_PCT);

  private static final List<SummaryMetric> TAIL =
      List.of(SummaryMetric.TRANSITIONS_MEAN, SummaryMetric.HINTS_APPLIED_MEAN,
          SummaryMetric.RECS_REJECTED_MEAN, SummaryMetric.GAP_CLOSED);

  private static final List<String> TAIL_LABELS =
      List.of("mode transitions", "hints applied", "messages rejected",
          "gap closed (fraction)");

  /** summary.csv as a Tablesaw table: variant, replications and one column per metric. */
  public static Table build(List<VariantSummary> summary) {
    Table t = Table.create("headline");
    t.addColumns(StringColumn.create("variant", summary.stream().map(VariantSummary::variant)
        .toArray(String[]::new)));
    t.addColumns(IntColumn.create("replications", summary.stream()
        .mapToInt(VariantSummary::replications).toArray()));
    for (SummaryMetric m : SummaryMetric.values()) {
      t.addColumns(DoubleColumn.create(m.column(), summary.stream().mapToDouble(v -> v.get(m))));
    }
    return t;
  }

  /** The table as HTML. */
  public static String html(Table t) {
    HtmlWriter h = new HtmlWriter();
    h.open("div", "class", "scroll").open("table", "class", "headline").open("thead").open("tr");
    h.element("th", "variant", "rowspan", "2").element("th", "replications", "rowspan", "2");
    for (Pair p : WITH_CI) {
      h.element("th", p.label() + " ± 95% CI", "rowspan", "2");
    }
    for (String l : COUNT_LABELS) {
      h.element("th", l, "rowspan", "2");
    }
    h.element("th", "time in mode (% of simulated time)", "colspan", "4");
    for (String l : TAIL_LABELS) {
      h.element("th", l, "rowspan", "2");
    }
    h.close("tr").open("tr");
    for (SummaryMetric m : MODES) {
      String name = m.column().replace("time_", "").replace("_pct", "").toUpperCase(java.util.Locale.ROOT);
      h.element("th", name);
    }
    h.close("tr").close("thead").open("tbody").nl();
    StringColumn variants = t.stringColumn("variant");
    IntColumn reps = t.intColumn("replications");
    for (int r = 0; r < t.rowCount(); r++) {
      h.open("tr", "data-variant", variants.get(r));
      h.element("th", variants.get(r), "scope", "row");
      h.open("td").element("span", Integer.toString(reps.getInt(r)), "data-col", "replications")
          .close("td");
      for (Pair p : WITH_CI) {
        h.open("td");
        cell(h, t, p.mean(), r);
        h.open("span", "class", "ci").text(" ± ");
        cell(h, t, p.ci(), r);
        h.close("span").close("td");
      }
      for (SummaryMetric m : COUNTS) {
        h.open("td");
        cell(h, t, m, r);
        h.close("td");
      }
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
    return h.close("tbody").close("table").close("div").toString();
  }

  private static void cell(HtmlWriter h, Table t, SummaryMetric m, int row) {
    h.element("span", Fmt.exact(t.doubleColumn(m.column()).getDouble(row)), "data-col", m.column());
  }
}
