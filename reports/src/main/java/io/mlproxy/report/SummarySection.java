package io.mlproxy.report;

import java.util.List;
import java.util.Optional;

/**
 * The first screen of a scenario report: the verdict sentences, a compact table of every
 * variant's score (3 significant digits) and the mode ladder at a glance: the share of time the
 * proxy spent in each mode, drawn in the same tints as the mode chart.
 */
final class SummarySection {

  private SummarySection() {}

  static void write(HtmlWriter h, ScenarioResults r) {
    h.open("section", "id", "verdict").element("h2", "Verdict").open("div", "class", "verdict");
    for (String s : Verdict.sentences(r)) {
      h.element("p", s);
    }
    h.close("div");
    h.open("div", "class", "glance");
    compactTable(h, r);
    ladder(h, r);
    h.close("div");
    h.close("section").nl();
  }

  private static void compactTable(HtmlWriter h, ScenarioResults r) {
    boolean merged = r.summary().stream().allMatch(v ->
        Double.compare(v.get(SummaryMetric.FAULTS_MEAN), v.get(SummaryMetric.REFAULTS_MEAN)) == 0);
    h.open("table", "class", "compact");
    h.open("tr").element("th", "variant").element("th", "score ± 95% CI").element("th", "saving")
        .element("th", "slowdown").element("th", merged ? "major faults" : "faults / refaults")
        .element("th", "gap closed").close("tr");
    for (VariantSummary v : r.summary()) {
      h.open("tr", "data-variant", v.variant());
      h.open("th", "scope", "row").raw(HeadlineTable.swatch(v.variant())).text(v.variant()).close("th");
      h.open("td");
      value(h, v, SummaryMetric.SCORE_MEAN);
      h.open("span", "class", "pm").text(" ± ");
      value(h, v, SummaryMetric.SCORE_CI95);
      h.close("span").close("td");
      h.open("td");
      value(h, v, SummaryMetric.SAVING_MEAN);
      h.close("td").open("td");
      value(h, v, SummaryMetric.SLOWDOWN_MEAN);
      h.close("td").open("td");
      value(h, v, SummaryMetric.FAULTS_MEAN);
      if (!merged) {
        h.text(" / ");
        value(h, v, SummaryMetric.REFAULTS_MEAN);
      }
      h.close("td").open("td");
      value(h, v, SummaryMetric.GAP_CLOSED);
      h.close("td").close("tr");
    }
    h.close("table");
  }

  private static void value(HtmlWriter h, VariantSummary v, SummaryMetric m) {
    h.element("span", Fmt.num(v.get(m)), "data-col", m.column(), "data-value", Fmt.exact(v.get(m)));
  }

  private static final List<SummaryMetric> MODE_TIMES = List.of(SummaryMetric.TIME_EMERGENCY_PCT,
      SummaryMetric.TIME_LEARNING_PCT, SummaryMetric.TIME_COLLABORATION_PCT, SummaryMetric.TIME_RECOMMENDATION_PCT);

  /** One bar per variant with a proxy: its time per mode (all replications), and its transitions. */
  private static void ladder(HtmlWriter h, ScenarioResults r) {
    h.open("div", "class", "ladders");
    h.element("p", "Time in each proxy mode (mean over replications):", "class", "muted");
    boolean any = false;
    for (String variant : List.of(Variants.PROXY, Variants.ML_ONLY)) {
      Optional<VariantSummary> v = r.variant(variant);
      if (v.isEmpty() || Double.isNaN(v.get().get(SummaryMetric.TIME_EMERGENCY_PCT))) {
        continue;
      }
      any = true;
      h.open("div", "class", "ladder", "data-variant", variant);
      h.open("span", "class", "who").raw(HeadlineTable.swatch(variant)).text(variant).close("span");
      h.open("div", "class", "bar", "role", "img", "aria-label", variant + " time per mode");
      StringBuilder legend = new StringBuilder();
      for (Mode m : Mode.values()) {
        double pct = v.get().get(MODE_TIMES.get(m.ordinal()));
        if (Double.isNaN(pct) || pct <= 0) {
          continue;
        }
        java.awt.Color c = ChartStyle.mode(variant, m);
        h.open("span", "class", "seg", "title", m + " " + Fmt.num(pct) + "%", "style",
            String.format(java.util.Locale.ROOT, "width:%.2f%%;background:#%06x;color:%s", pct,
                c.getRGB() & 0xffffff, m.ordinal() >= 2 ? "#fff" : "#222"));
        if (pct >= 12) {
          h.text(m.name().charAt(0) + " " + Fmt.num(pct) + "%");
        }
        h.close("span");
        legend.append(legend.length() == 0 ? "" : " · ").append(m.name()).append(' ').append(Fmt.num(pct)).append('%');
      }
      h.close("div");
      double transitions = v.get().get(SummaryMetric.TRANSITIONS_MEAN);
      h.element("span", legend + "; " + Fmt.num(transitions) + " transition"
          + (transitions == 1 ? "" : "s") + " per run", "class", "muted");
      h.close("div");
    }
    if (!any) {
      h.element("p", "No variant ran the proxy.", "class", "muted");
    }
    h.close("div");
  }
}
