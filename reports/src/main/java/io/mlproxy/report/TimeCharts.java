package io.mlproxy.report;

import java.util.Arrays;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;

/**
 * What the time charts share: the run's end (one x range for all), windows for rates and
 * maxima, lines that break where data is missing, shaded fault windows, and the fixed layout
 * that lines their x axes up.
 */
final class TimeCharts {

  /** Window lengths offered, seconds: the smallest that gives at most MAX_WINDOWS windows is used. */
  private static final double[] NICE_WINDOWS = {0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600};

  /** About this many windows across a run: enough for shape, few enough to read each one. */
  static final int MAX_WINDOWS = 200;

  private TimeCharts() {}

  /** The latest step end over all variants' replication 1: the right end of every time axis. */
  static double end(ScenarioResults r) {
    double end = 0;
    for (String v : r.variantNames()) {
      TimeSeries ts = r.rep1(v).orElseThrow();
      end = Math.max(end, ts.time()[ts.size() - 1]);
    }
    return end;
  }

  /** The window length (seconds) for a run of {@code end} seconds with steps of {@code step}. */
  static double window(double end, double step) {
    for (double w : NICE_WINDOWS) {
      if (w >= step - 1e-9 && end / w <= MAX_WINDOWS) {
        return w;
      }
    }
    return Math.max(step, end / MAX_WINDOWS);
  }

  /** How values of the steps in one window combine. */
  enum Aggregate {
    /** Sum of the counts divided by the time covered: a rate per second. */
    RATE,
    /** The largest value (NaN when the window holds none). */
    MAX
  }

  /**
   * Per-window values of a step series, as a staircase: each window contributes its start and
   * end at its value, and a window without data (MAX over NaN only) breaks the line.
   */
  static XYSeries windowed(String key, TimeSeries ts, double[] values, double window, Aggregate how) {
    double[] t = ts.time();
    XYSeries s = new XYSeries(key, false, true);
    int n = t.length;
    int i = 0;
    boolean gapOpen = false;
    while (i < n) {
      double start = ts.stepStart(i);
      long k = (long) Math.floor(start / window + 1e-9);
      double w0 = k * window;
      double w1 = w0 + window;
      double acc = how == Aggregate.MAX ? Double.NaN : 0;
      double covered = 0;
      while (i < n && ts.stepStart(i) < w1 - 1e-9) {
        double v = values[i];
        if (how == Aggregate.RATE) {
          acc += Double.isNaN(v) ? 0 : v;
        } else if (!Double.isNaN(v)) {
          acc = Double.isNaN(acc) ? v : Math.max(acc, v);
        }
        covered += ts.stepSeconds(i);
        i++;
      }
      double value = how == Aggregate.RATE ? (covered > 0 ? acc / covered : Double.NaN) : acc;
      double x1 = Math.min(w1, t[i - 1]);
      if (Double.isNaN(value)) {
        if (!gapOpen && !s.isEmpty()) {
          s.add(w0, Double.NaN, false);
          gapOpen = true;
        }
        continue;
      }
      gapOpen = false;
      s.add(w0, value, false);
      s.add(x1, value, false);
    }
    return s;
  }

  /**
   * The series downsampled run by run of defined values, with a missing point between runs, so
   * the line breaks where nothing was recorded instead of bridging the gap.
   */
  static XYSeries withGaps(String key, double[] x, double[] y) {
    XYSeries s = new XYSeries(key, false, true);
    int n = y.length;
    int i = 0;
    while (i < n) {
      while (i < n && Double.isNaN(y[i])) {
        i++;
      }
      int from = i;
      while (i < n && !Double.isNaN(y[i])) {
        i++;
      }
      if (i > from) {
        double[] rx = Arrays.copyOfRange(x, from, i);
        double[] ry = Arrays.copyOfRange(y, from, i);
        Downsampler.Points p =
            Downsampler.downsample(rx, ry, Math.max(3, Downsampler.MAX_POINTS * (i - from) / n));
        for (int k = 0; k < p.size(); k++) {
          s.add(p.x()[k], p.y()[k], false);
        }
        if (i < n) {
          s.add(x[i], Double.NaN, false);
        }
      }
    }
    return s;
  }

  /** Whether every value is NaN. */
  static boolean allNaN(double[] v) {
    for (double d : v) {
      if (!Double.isNaN(d)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Shades the injected faults of replication 1 (at most {@link CumulativeScoreChart#MAX_BANDS}
   * bands) on {@code plot}, labelled when {@code labels}; returns the bands drawn.
   */
  static List<CumulativeScoreChart.Band> shadeFaults(XYPlot plot, ScenarioResults r, double end, boolean labels) {
    List<CumulativeScoreChart.FaultSpan> spans = CumulativeScoreChart.faultSpans(r.events(), end);
    List<CumulativeScoreChart.Band> bands = CumulativeScoreChart.bands(spans, end);
    int k = 0;
    for (CumulativeScoreChart.Band f : bands) {
      IntervalMarker m = new IntervalMarker(f.from(), Math.max(f.to(), f.from() + end / 500));
      m.setPaint(ChartStyle.FAULT_BAND);
      if (labels) {
        m.setLabel(f.label());
        m.setLabelFont(ChartStyle.SMALL_FONT);
        m.setLabelPaint(ChartStyle.FAULT_LABEL);
        m.setLabelAnchor(k++ % 2 == 0 ? RectangleAnchor.TOP_LEFT : RectangleAnchor.BOTTOM_LEFT);
        m.setLabelTextAnchor(k % 2 == 1 ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
      }
      plot.addDomainMarker(m, org.jfree.chart.ui.Layer.BACKGROUND);
    }
    return bands;
  }

  /** A styled time chart whose plot area lines up with every other time chart's. */
  static JFreeChart chart(String title, XYPlot plot, boolean legend) {
    ChartStyle.alignTimeAxis(plot);
    return ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, legend));
  }

  /** A window length for captions, e.g. "1 s" or "200 ms". */
  static String describeWindow(double seconds) {
    return seconds < 1 ? Fmt.sig(seconds * 1000, 3) + " ms" : Fmt.sig(seconds, 3) + " s";
  }
}
