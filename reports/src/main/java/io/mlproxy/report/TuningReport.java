package io.mlproxy.report;

import io.mlproxy.tune.HeldOutTable;
import io.mlproxy.tune.TunedParameter;
import io.mlproxy.tune.Tuner;
import io.mlproxy.tune.TuningRecord;
import io.mlproxy.tune.TuningLog;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes {@code tuning.html} for a {@code workbench tune} folder: convergence (best objective
 * against evaluations, one line per method), per-threshold sensitivity (mean advantage against
 * each searched parameter), and the before/after comparison on held-out seeds. Self-contained:
 * the charts are inline SVG.
 */
public final class TuningReport {

  /** The report's file name. */
  public static final String FILE = "tuning.html";

  private static final int WIDTH = 720;
  private static final int HEIGHT = 360;
  private static final int SMALL_WIDTH = 360;
  private static final int SMALL_HEIGHT = 260;

  private TuningReport() {}

  /** Reads {@code folder}'s tuning.csv (and heldout.csv when present) and writes tuning.html there. */
  public static Path write(Path folder) {
    List<TuningRecord> records = TuningLog.read(folder.resolve(Tuner.LOG_FILE));
    Path heldOutFile = folder.resolve(Tuner.HELD_OUT_FILE);
    List<HeldOutTable.Row> heldOut = Files.exists(heldOutFile) ? HeldOutTable.read(heldOutFile) : List.of();
    Path file = folder.resolve(FILE);
    try {
      Files.writeString(file, html(records, heldOut), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return file;
  }

  /** The page for these records and held-out rows. */
  static String html(List<TuningRecord> records, List<HeldOutTable.Row> heldOut) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Threshold tuning</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em;max-width:1200px}")
        .append("table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}")
        .append(".grid{display:flex;flex-wrap:wrap}</style></head><body>\n")
        .append("<h1>Threshold tuning</h1>\n")
        .append("<p>Objective: mean over scenarios of the proxy's score advantage over handcrafted; a candidate whose ")
        .append("score falls more than the tolerance below handcrafted's lower 95% bound on any scenario is ")
        .append("penalised. ").append(records.size()).append(" evaluations.</p>\n");
    b.append("<h2>Convergence</h2>\n").append(svg(convergence(records), WIDTH, HEIGHT));
    b.append("<h2>Best candidates</h2>\n").append(bestTable(records));
    b.append("<h2>Sensitivity</h2>\n<p>Mean advantage over handcrafted of every candidate against each ")
        .append("threshold; candidates that broke the guard in red.</p>\n<div class=\"grid\">\n");
    for (TunedParameter p : TunedParameter.values()) {
      b.append(svg(sensitivity(records, p), SMALL_WIDTH, SMALL_HEIGHT));
    }
    b.append("</div>\n<h2>Before and after, on held-out seeds</h2>\n");
    if (heldOut.isEmpty()) {
      b.append("<p>No held-out comparison: the tuning was stopped before its budget was spent.</p>\n");
    } else {
      b.append(svg(beforeAfter(heldOut), WIDTH, HEIGHT)).append(heldOutTable(heldOut));
    }
    return b.append("</body></html>\n").toString();
  }

  static JFreeChart convergence(List<TuningRecord> records) {
    Map<String, XYSeries> byMethod = new LinkedHashMap<>();
    Map<String, Double> best = new LinkedHashMap<>();
    for (TuningRecord r : records) {
      XYSeries s = byMethod.computeIfAbsent(r.method(), XYSeries::new);
      double value = Math.max(best.getOrDefault(r.method(), Double.NEGATIVE_INFINITY), r.result().objective());
      best.put(r.method(), value);
      s.add(r.evaluation(), value);
    }
    XYSeriesCollection data = new XYSeriesCollection();
    byMethod.values().forEach(data::addSeries);
    JFreeChart chart = ChartFactory.createXYLineChart(
        "Best objective so far", "evaluations", "objective", data, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    return chart;
  }

  static JFreeChart sensitivity(List<TuningRecord> records, TunedParameter p) {
    XYSeries kept = new XYSeries("guard kept");
    XYSeries broken = new XYSeries("guard broken");
    for (TuningRecord r : records) {
      (r.result().guardOk() ? kept : broken)
          .add(r.result().candidate().value(p), r.result().meanAdvantage());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(kept);
    data.addSeries(broken);
    String unit = p.isDurationMs() ? " (ms)" : " (‰)";
    JFreeChart chart = ChartFactory.createScatterPlot(
        p.optionName(), p.optionName() + unit, "mean advantage", data, PlotOrientation.VERTICAL, false, false, false);
    style(chart);
    XYPlot plot = chart.getXYPlot();
    plot.getRenderer().setSeriesPaint(0, new Color(0x1f77b4));
    plot.getRenderer().setSeriesPaint(1, new Color(0xd62728));
    return chart;
  }

  static JFreeChart beforeAfter(List<HeldOutTable.Row> rows) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (HeldOutTable.Row r : rows) {
      if (r.thresholds().equals("default")) {
        data.addValue(r.score().handcrafted(), "handcrafted", r.score().scenario());
      }
    }
    for (HeldOutTable.Row r : rows) {
      data.addValue(r.score().proxy(), "proxy, " + r.thresholds() + " thresholds", r.score().scenario());
    }
    JFreeChart chart = ChartFactory.createBarChart(
        "Score on held-out seeds", "scenario", "score", data, PlotOrientation.VERTICAL, true, false, false);
    style(chart);
    return chart;
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    if (chart.getPlot() instanceof XYPlot xy && xy.getRenderer() instanceof XYLineAndShapeRenderer r) {
      for (int i = 0; i < xy.getDataset().getSeriesCount(); i++) {
        r.setSeriesStroke(i, new BasicStroke(2f));
      }
    }
  }

  private static String svg(JFreeChart chart, int w, int h) {
    SVGGraphics2D g = new SVGGraphics2D(w, h);
    chart.draw(g, new Rectangle(0, 0, w, h));
    return g.getSVGElement() + "\n";
  }

  private static String bestTable(List<TuningRecord> records) {
    Map<String, TuningRecord> best = new LinkedHashMap<>();
    for (TuningRecord r : records) {
      TuningRecord b = best.get(r.method());
      if (b == null || r.result().objective() > b.result().objective()) {
        best.put(r.method(), r);
      }
    }
    StringBuilder t = new StringBuilder("<table><tr><th>method</th><th>evaluation</th>");
    for (TunedParameter p : TunedParameter.values()) {
      t.append("<th>").append(p.column()).append("</th>");
    }
    t.append("<th>objective</th><th>mean advantage</th><th>guard</th></tr>\n");
    for (TuningRecord r : best.values()) {
      t.append("<tr><td>").append(escape(r.method())).append("</td><td>").append(r.evaluation()).append("</td>");
      for (TunedParameter p : TunedParameter.values()) {
        t.append("<td>").append(r.result().candidate().value(p)).append("</td>");
      }
      t.append("<td>").append(num(r.result().objective())).append("</td><td>")
          .append(num(r.result().meanAdvantage())).append("</td><td>")
          .append(r.result().guardOk() ? "kept" : "broken").append("</td></tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  private static String heldOutTable(List<HeldOutTable.Row> rows) {
    StringBuilder t = new StringBuilder(
        "<table><tr><th>thresholds</th><th>scenario</th><th>proxy</th><th>handcrafted</th>"
            + "<th>handcrafted lower 95%</th><th>advantage</th><th>gain over default (paired)</th>"
            + "<th>± 95%</th></tr>\n");
    for (HeldOutTable.Row r : rows) {
      t.append("<tr><td>").append(escape(r.thresholds())).append("</td><td>").append(escape(r.score().scenario()))
          .append("</td><td>").append(num(r.score().proxy())).append("</td><td>").append(num(r.score().handcrafted()))
          .append("</td><td>").append(num(r.score().handcraftedLower())).append("</td><td>")
          .append(num(r.score().advantage())).append("</td><td>").append(num(r.gain())).append("</td><td>")
          .append(num(r.gainHalfWidth())).append("</td></tr>\n");
    }
    return t.append("</table>\n").toString();
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
