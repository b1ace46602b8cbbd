package io.mlproxy.report;

import io.mlproxy.scenario.ScenarioEdit;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.labels.XYItemLabelGenerator;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Writes {@code sweep.html} for a sweep's folder from its {@code sweep.csv}: per swept field, score,
 * saving and slowdown against the field's value (one line per variant, the shaded band its 95%
 * interval over replications); saving against slowdown for every point and variant (the Pareto
 * view, with both intervals as error bars); the table of every point, linking to its report.
 * Self-contained: inline SVG, inline styles, no script.
 */
public final class SweepReport {

  /** The report's file name. */
  public static final String FILE = "sweep.html";

  /** Most charts per swept field (one per combination of the other fields' values). */
  static final int MAX_CHARTS_PER_FIELD = 12;

  private static final String[] METRICS = {"score", "saving", "slowdown"};

  private SweepReport() {}

  /** One row of sweep.csv: a point and a variant. */
  record Row(String point, Map<String, String> values, String variant, double[] mean, double[] ci95) {}

  /** Reads {@code folder/sweep.csv} and writes {@code folder/sweep.html}. */
  public static Path write(Path folder) {
    Path file = folder.resolve("sweep.csv");
    List<Row> rows = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    int[] cols = new int[1 + 2 * METRICS.length]; // variant, then mean and ci95 of each metric
    List<String> header = ResultsCsv.read(file, t -> {
      if (rows.isEmpty()) {
        fields.addAll(sweptFields(file, t.header()));
        cols[0] = t.column("variant");
        for (int m = 0; m < METRICS.length; m++) {
          cols[1 + 2 * m] = t.column(METRICS[m] + "_mean");
          cols[2 + 2 * m] = t.column(METRICS[m] + "_ci95");
        }
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int f = 0; f < fields.size(); f++) {
        values.put(fields.get(f), t.requiredText(f + 1));
      }
      double[] mean = new double[METRICS.length];
      double[] ci = new double[METRICS.length];
      for (int m = 0; m < METRICS.length; m++) {
        mean[m] = t.number(cols[1 + 2 * m]);
        ci[m] = t.numberOrNaN(cols[2 + 2 * m]);
      }
      rows.add(new Row(t.requiredText(0), values, t.requiredText(cols[0]), mean, ci));
    });
    sweptFields(file, header);
    if (rows.isEmpty()) {
      throw new ReportException(file, 2, "no point in the sweep");
    }
    Properties props = new Properties();
    Path propsFile = folder.resolve("sweep.properties");
    if (Files.exists(propsFile)) {
      try (var in = Files.newBufferedReader(propsFile, StandardCharsets.UTF_8)) {
        props.load(in);
      } catch (IOException e) {
        throw new ReportException(propsFile, 0, "cannot read: " + e.getMessage(), e);
      }
    }
    return AtomicFiles.writeString(folder.resolve(FILE), html(rows, fields, props));
  }

  /** The swept fields: the columns between {@code point} and summary.csv's {@code scenario}. */
  private static List<String> sweptFields(Path file, List<String> header) {
    int scenarioCol = header.indexOf("scenario");
    if (header.isEmpty() || !header.get(0).equals("point") || scenarioCol < 2) {
      throw new ReportException(file, 1, "expected the columns point, the swept fields, then summary.csv's");
    }
    return header.subList(1, scenarioCol);
  }

  static String html(List<Row> rows, List<String> fields, Properties props) {
    String scenario = props.getProperty("scenario", rows.get(0).point().replaceFirst("-p\\d+$", ""));
    HtmlWriter h = new HtmlWriter();
    Page.begin(h, "Sweep of " + scenario);
    h.element("h1", "Sweep of " + scenario).nl();
    h.open("p").text(distinct(rows, Row::point).size() + " points × " + distinct(rows, Row::variant).size()
        + " variants; seed " + props.getProperty("seed", "—") + ", " + props.getProperty("replications", "—")
        + " replications per point, the same seeds at every point (common random numbers). "
        + "Bands and bars: Student-t 95% intervals over the replications.").close("p").nl();
    h.open("table", "class", "kv").nl();
    for (String f : fields) {
      h.open("tr").element("th", f, "scope", "row")
          .element("td", String.join(", ", distinct(rows, r -> r.values().get(f)))).close("tr").nl();
    }
    h.close("table").nl();
    int chart = 0;
    for (String f : fields) {
      h.element("h2", "Against " + f).nl();
      List<String> others = fields.stream().filter(o -> !o.equals(f)).toList();
      List<Map<String, String>> combos = new ArrayList<>();
      for (Row r : rows) {
        Map<String, String> c = new LinkedHashMap<>();
        others.forEach(o -> c.put(o, r.values().get(o)));
        if (!combos.contains(c)) {
          combos.add(c);
        }
      }
      if (combos.size() > MAX_CHARTS_PER_FIELD) {
        h.element("p", "Showing the first " + MAX_CHARTS_PER_FIELD + " of " + combos.size()
            + " combinations of the other fields; sweep.csv has them all.", "class", "note").nl();
      }
      for (Map<String, String> combo : combos.subList(0, Math.min(combos.size(), MAX_CHARTS_PER_FIELD))) {
        List<Row> sub = rows.stream().filter(r -> others.stream()
            .allMatch(o -> r.values().get(o).equals(combo.get(o)))).toList();
        String at = combo.isEmpty() ? "" : " at " + describe(combo);
        JFreeChart c = againstField(f, sub, "Score, saving and slowdown against " + f + at);
        h.open("figure").raw(ChartEmbedder.svg(c, "sweep-" + chart++, ChartEmbedder.WIDTH, 720))
            .element("figcaption", "One line per variant; the band is the 95% interval of the mean over replications"
                + (at.isEmpty() ? "." : "; other fields" + at + "."))
            .close("figure").nl();
      }
    }
    h.element("h2", "Saving against slowdown").nl();
    h.open("figure").raw(ChartEmbedder.svg(pareto(rows, fields.size() == 1 ? fields.get(0) : null),
            "sweep-pareto", ChartEmbedder.WIDTH, 560))
        .element("figcaption", "Every point and variant (the Pareto view: up and to the left is better); bars are"
            + " 95% intervals; labels name the " + (fields.size() == 1 ? "value of " + fields.get(0) : "point")
            + ".")
        .close("figure").nl();
    h.element("h2", "Points").nl();
    h.open("div", "class", "scroll").open("table", "class", "headline").nl().open("tr").element("th", "point");
    fields.forEach(f -> h.element("th", f));
    h.element("th", "variant").element("th", "score").element("th", "saving").element("th", "slowdown")
        .close("tr").nl();
    for (Row r : rows) {
      h.open("tr").open("td").open("a", "href", "points/" + r.point() + "/report.html").text(r.point())
          .close("a").close("td");
      fields.forEach(f -> h.element("td", r.values().get(f)));
      h.element("td", r.variant());
      for (int m = 0; m < METRICS.length; m++) {
        h.element("td", Fmt.sig(r.mean()[m], 4) + (Double.isNaN(r.ci95()[m]) ? "" : " ± " + Fmt.sig(r.ci95()[m], 2)));
      }
      h.close("tr").nl();
    }
    h.close("table").close("div").nl();
    Page.end(h, "workbench sweep " + scenario + " · " + props.getProperty("tool_version", "")
        + " · " + props.getProperty("date", ""));
    return h.toString();
  }

  /** Three stacked plots (score, saving, slowdown) over the values of {@code field}. */
  static JFreeChart againstField(String field, List<Row> rows, String title) {
    List<String> values = distinct(rows, r -> r.values().get(field));
    Map<String, Double> x = new LinkedHashMap<>();
    ValueAxis domain;
    Optional<String> unit = commonUnit(values);
    if (unit.isPresent()) {
      values.forEach(v -> x.put(v, ScenarioEdit.numeric(v).orElseThrow().value()));
      NumberAxis a = new NumberAxis(field + (unit.get().isEmpty() ? "" : " (" + unit.get() + ")"));
      a.setAutoRangeIncludesZero(false);
      domain = a;
    } else {
      for (int i = 0; i < values.size(); i++) {
        x.put(values.get(i), (double) i);
      }
      domain = new SymbolAxis(field, values.toArray(String[]::new));
    }
    CombinedDomainXYPlot plot = new CombinedDomainXYPlot(domain);
    plot.setGap(12);
    List<String> variants = distinct(rows, Row::variant);
    for (int m = 0; m < METRICS.length; m++) {
      YIntervalSeriesCollection data = new YIntervalSeriesCollection();
      DeviationRenderer r = new DeviationRenderer(true, true);
      for (int v = 0; v < variants.size(); v++) {
        String variant = variants.get(v);
        YIntervalSeries s = new YIntervalSeries(variant);
        for (Row row : rows) {
          if (row.variant().equals(variant)) {
            double half = Double.isNaN(row.ci95()[m]) ? 0 : row.ci95()[m];
            s.add(x.get(row.values().get(field)), row.mean()[m], row.mean()[m] - half, row.mean()[m] + half);
          }
        }
        data.addSeries(s);
        Paint p = ChartStyle.variant(variant);
        r.setSeriesPaint(v, p);
        r.setSeriesFillPaint(v, p);
        r.setSeriesStroke(v, new BasicStroke(1.8f));
        r.setSeriesVisibleInLegend(v, m == 0);
      }
      r.setAlpha(0.18f);
      NumberAxis range = ChartStyle.axis(METRICS[m] + (m == 0 ? " (saving − λ·slowdown)" : ""));
      XYPlot sub = new XYPlot(data, null, range, r);
      // later variants on top: `none` (first) is the reference and often equals handcrafted
      sub.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
      ChartStyle.style(sub);
      plot.add(sub, 1);
    }
    JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true);
    ChartStyle.apply(chart);
    domain.setLabelFont(ChartStyle.LABEL_FONT);
    domain.setTickLabelFont(ChartStyle.TICK_FONT);
    return chart;
  }

  /** Saving (y) against slowdown (x), every point and variant, both intervals as error bars. */
  static JFreeChart pareto(List<Row> rows, String onlyField) {
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    List<String> variants = distinct(rows, Row::variant);
    Map<Integer, List<String>> labels = new LinkedHashMap<>();
    XYErrorRenderer r = new XYErrorRenderer();
    for (int v = 0; v < variants.size(); v++) {
      XYIntervalSeries s = new XYIntervalSeries(variants.get(v));
      List<String> l = new ArrayList<>();
      for (Row row : rows) {
        if (row.variant().equals(variants.get(v))) {
          double hx = Double.isNaN(row.ci95()[2]) ? 0 : row.ci95()[2];
          double hy = Double.isNaN(row.ci95()[1]) ? 0 : row.ci95()[1];
          s.add(row.mean()[2], row.mean()[2] - hx, row.mean()[2] + hx, row.mean()[1], row.mean()[1] - hy,
              row.mean()[1] + hy);
          l.add(onlyField != null ? row.values().get(onlyField) : row.point().replaceFirst(".*-(p\\d+)$", "$1"));
        }
      }
      labels.put(v, l);
      data.addSeries(s);
      Paint p = ChartStyle.variant(variants.get(v));
      r.setSeriesPaint(v, p);
      r.setSeriesShapesVisible(v, true);
    }
    r.setErrorPaint(new Color(0, 0, 0, 70));
    r.setCapLength(3);
    r.setDefaultItemLabelGenerator((XYItemLabelGenerator) (dataset, series, item) -> labels.get(series).get(item));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
    XYPlot plot = new XYPlot(data, ChartStyle.axis("slowdown (extra access time against none)"),
        ChartStyle.axis("saving (1 − resident / footprint)"), r);
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    JFreeChart chart = new JFreeChart("Saving against slowdown, every point", ChartStyle.TITLE_FONT, plot, true);
    return ChartStyle.apply(chart);
  }

  /** The unit shared by every value, if each is a number ("" for plain numbers). */
  static Optional<String> commonUnit(List<String> values) {
    Set<String> units = new LinkedHashSet<>();
    for (String v : values) {
      Optional<ScenarioEdit.Numeric> n = ScenarioEdit.numeric(v);
      if (n.isEmpty()) {
        return Optional.empty();
      }
      units.add(n.get().unit());
    }
    return units.size() == 1 ? Optional.of(units.iterator().next()) : Optional.empty();
  }

  private static List<String> distinct(List<Row> rows, java.util.function.Function<Row, String> f) {
    return new ArrayList<>(new LinkedHashSet<>(rows.stream().map(f).toList()));
  }

  private static String describe(Map<String, String> combo) {
    StringBuilder sb = new StringBuilder();
    combo.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
