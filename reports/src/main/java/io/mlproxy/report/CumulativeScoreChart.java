package io.mlproxy.report;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Chart 7: the efficiency score accumulated from the start, per variant (replication 1), with
 * injected faults shaded from injection to clearing.
 */
public final class CumulativeScoreChart implements ReportChart {

  static final String ID = "score";
  static final String TITLE = "Cumulative score per variant (replication 1)";

  /** A fault's span: injected at {@code from}, cleared at {@code to} (end of run if never). */
  record FaultSpan(double from, double to, String reason) {}

  @Override
  public Figure render(ScenarioResults r) {
    OptionalDouble lambda = r.run().number("lambda");
    TimeSeries none = r.rep1(Variants.NONE).orElse(null);
    boolean withSlowdown = lambda.isPresent() && none != null;
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = ChartStyle.lines();
    int i = 0;
    double end = TimeCharts.end(r);
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      double[] score = cumulativeScore(ts, withSlowdown ? none : null,
          withSlowdown ? lambda.getAsDouble() : 0);
      data.addSeries(TimeCharts.withGaps(v, ts.time(), score));
      renderer.setSeriesPaint(i, ChartStyle.variant(v));
      renderer.setSeriesStroke(i++, new java.awt.BasicStroke(ResidentMemoryChart.width(v) * 0.6f + 0.6f,
          java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_ROUND));
    }
    String yLabel = withSlowdown
        ? "cumulative score = saving − " + Fmt.sig(lambda.getAsDouble(), 3) + " × slowdown"
        : "cumulative memory saving (fraction)";
    XYPlot plot = new XYPlot(data, ChartStyle.timeAxis(end), ChartStyle.axis(yLabel), renderer);
    plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
    List<FaultSpan> faults = faultSpans(r.events(), end);
    List<Band> bands = TimeCharts.shadeFaults(plot, r, end, true);
    JFreeChart chart = TimeCharts.chart(TITLE, plot, true);
    String caption = withSlowdown
        ? "At each time t: saving = 1 − Σresident/Σfootprint and slowdown = (Σaccess_time − "
            + "Σaccess_time of none)/Σaccess_time of none, sums over steps up to t. The value at the "
            + "end is the run's score. Lines are drawn widest first, so coinciding variants stay visible."
        : "Score needs both lambda in run.properties and a 'none' variant to measure slowdown "
            + "against; drawn instead: cumulative saving = 1 − Σresident/Σfootprint.";
    caption += faults.isEmpty() ? " No faults were injected."
        : " Shaded: injected faults" + (bands.size() < faults.size()
            ? " (" + faults.size() + " faults drawn as " + bands.size() + " bands: overlapping or close ones merged)."
            : ".");
    return Figure.of(ID, TITLE, chart, ChartEmbedder.svg(chart, ID, ChartStyle.TIME_CHART_WIDTH, 400),
        HtmlWriter.escape(caption));
  }

  /**
   * Score accumulated up to each step: saving − λ·slowdown, with slowdown against {@code none}
   * (steps matched by index); without {@code none}, the saving alone. NaN while undefined.
   */
  public static double[] cumulativeScore(TimeSeries v, TimeSeries none, double lambda) {
    double[] res = v.column(SeriesColumn.RESIDENT_PAGES);
    double[] fp = v.column(SeriesColumn.FOOTPRINT_PAGES);
    double[] at = v.column(SeriesColumn.ACCESS_TIME_US);
    double[] atNone = none == null ? null : none.column(SeriesColumn.ACCESS_TIME_US);
    double[] out = new double[v.size()];
    double sumRes = 0;
    double sumFp = 0;
    double sumAt = 0;
    double sumAtNone = 0;
    for (int i = 0; i < out.length; i++) {
      sumRes += res[i];
      sumFp += fp[i];
      double saving = sumFp > 0 ? 1 - sumRes / sumFp : Double.NaN;
      if (atNone == null) {
        out[i] = saving;
        continue;
      }
      if (i >= atNone.length) {
        out[i] = Double.NaN;
        continue;
      }
      sumAt += at[i];
      sumAtNone += atNone[i];
      out[i] = sumAtNone > 0 ? saving - lambda * (sumAt - sumAtNone) / sumAtNone : Double.NaN;
    }
    return out;
  }

  /** Most shaded bands drawn: beyond, close faults share a band (thousands of labels help no one). */
  static final int MAX_BANDS = 100;

  /** A shaded band: one fault, or several overlapping or close ones. */
  record Band(double from, double to, int count, String label) {}

  /**
   * The bands to shade: overlapping spans merged, then, beyond {@link #MAX_BANDS}, spans starting in
   * the same 1/{@code MAX_BANDS} of the run merged too. Linear after sorting.
   */
  static List<Band> bands(List<FaultSpan> spans, double end) {
    List<FaultSpan> sorted = new ArrayList<>(spans);
    sorted.sort(java.util.Comparator.comparingDouble(FaultSpan::from));
    List<Band> bands = merge(sorted, (prev, next) -> next.from() <= prev.to());
    if (bands.size() > MAX_BANDS) {
      double width = end > 0 ? end / MAX_BANDS : 1;
      bands = merge(sorted, (prev, next) -> next.from() <= prev.to()
          || Math.floor(next.from() / width) == Math.floor(prev.from() / width));
    }
    return bands;
  }

  private static List<Band> merge(List<FaultSpan> sorted,
      java.util.function.BiPredicate<Band, FaultSpan> joins) {
    List<Band> bands = new ArrayList<>();
    Band open = null;
    java.util.TreeSet<String> reasons = new java.util.TreeSet<>();
    for (FaultSpan f : sorted) {
      if (open != null && joins.test(open, f)) {
        reasons.add(f.reason());
        open = new Band(open.from(), Math.max(open.to(), f.to()), open.count() + 1, null);
        continue;
      }
      if (open != null) {
        bands.add(labelled(open, reasons));
      }
      reasons = new java.util.TreeSet<>(List.of(f.reason()));
      open = new Band(f.from(), f.to(), 1, null);
    }
    if (open != null) {
      bands.add(labelled(open, reasons));
    }
    return bands;
  }

  private static Band labelled(Band b, java.util.Set<String> reasons) {
    String label = b.count() == 1 ? "fault: " + reasons.iterator().next()
        : b.count() + " faults: " + String.join(", ", reasons);
    return new Band(b.from(), b.to(), b.count(), label);
  }

  /**
   * Fault spans of replication 1, over all variants (the same faults hit every variant): each
   * injection ends at the first clearing of the same fault and variant listed after-or-at its
   * time, or at {@code end}. O(n log n) in the events (a run with 20,000 faults has 40,000).
   */
  static List<FaultSpan> faultSpans(List<Event> events, double end) {
    // clearing times per (variant, fault), in file order, with their running maximum: the first
    // clearing in file order at or after t is the first whose running maximum reaches t
    Map<String, double[]> clears = new HashMap<>();
    Map<String, Integer> counts = new HashMap<>();
    for (Event c : events) {
      if (c.rep() == 1 && c.kind().equals(Event.FAULT_CLEARED)) {
        String key = c.variant() + "\u0000" + c.reason();
        int n = counts.merge(key, 1, Integer::sum);
        double[] times = clears.get(key);
        if (times == null || times.length < n) {
          times = Arrays.copyOf(times == null ? new double[0] : times, Math.max(4, n * 2));
          clears.put(key, times);
        }
        times[n - 1] = c.timeS();
      }
    }
    Map<String, double[]> runningMax = new HashMap<>();
    clears.forEach((key, times) -> {
      int n = counts.get(key);
      double[] max = new double[n];
      for (int i = 0; i < n; i++) {
        max[i] = i == 0 ? times[0] : Math.max(max[i - 1], times[i]);
      }
      runningMax.put(key, max);
    });
    TreeMap<String, FaultSpan> spans = new TreeMap<>();
    for (Event e : events) {
      if (e.rep() != 1 || !e.kind().equals(Event.FAULT_INJECTED)) {
        continue;
      }
      String key = e.variant() + "\u0000" + e.reason();
      double to = end;
      double[] max = runningMax.get(key);
      if (max != null) {
        int i = firstAtLeast(max, e.timeS());
        if (i < max.length) {
          to = clears.get(key)[i];
        }
      }
      String spanKey = String.format(java.util.Locale.ROOT, "%020.6f|%s", e.timeS(), e.reason());
      spans.putIfAbsent(spanKey, new FaultSpan(e.timeS(), to, e.reason()));
    }
    return new ArrayList<>(spans.values());
  }

  /** The first index whose value is at least {@code t} in a non-decreasing array, or its length. */
  private static int firstAtLeast(double[] sorted, double t) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] >= t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
