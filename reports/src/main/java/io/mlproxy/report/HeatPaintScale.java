package io.mlproxy.report;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * Access frequency to colour over the range observed in the run, as {@code damo report heatmap}
 * normalises it: dark for the least accessed through red to pale yellow for the most; linear, or
 * logarithmic when the observed values span decades (then a zero is as dark as the least).
 */
public final class HeatPaintScale implements PaintScale {

  private static final int[] STOPS = {0x000004, 0x420a68, 0x932667, 0xdd513a, 0xfca50a, 0xfcffa4};

  private final Color[] table = new Color[256];
  private final double lower;
  private final double upper;
  private final boolean log;

  /** A scale from {@code lower} to {@code upper}; with {@code log}, lower must be positive. */
  public HeatPaintScale(double lower, double upper, boolean log) {
    if (!(upper > lower) || (log && !(lower > 0))) {
      throw new IllegalArgumentException("bad range " + lower + ".." + upper + (log ? " (log)" : ""));
    }
    this.lower = lower;
    this.upper = upper;
    this.log = log;
    for (int i = 0; i < table.length; i++) {
      double pos = i / 255.0 * (STOPS.length - 1);
      int k = Math.min((int) pos, STOPS.length - 2);
      double f = pos - k;
      table[i] = new Color(mix(STOPS[k] >> 16, STOPS[k + 1] >> 16, f),
          mix(STOPS[k] >> 8, STOPS[k + 1] >> 8, f), mix(STOPS[k], STOPS[k + 1], f));
    }
  }

  /**
   * The scale for these values: their observed range; logarithmic when the positive values span
   * more than {@code 30}x between their 5th percentile and their maximum (a scan touched once in a
   * while next to a hot set touched all the time), linear otherwise.
   */
  public static HeatPaintScale observed(double[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int positives = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        min = Math.min(min, v);
        max = Math.max(max, v);
        positives += v > 0 ? 1 : 0;
      }
    }
    if (!(max > min)) {
      // one value everywhere: any range that contains it
      double v = Double.isFinite(max) ? max : 0;
      return new HeatPaintScale(v - 1, v + 1, false);
    }
    if (positives > 1) {
      double[] pos = new double[positives];
      int k = 0;
      for (double v : values) {
        if (!Double.isNaN(v) && v > 0) {
          pos[k++] = v;
        }
      }
      java.util.Arrays.sort(pos);
      double p5 = pos[(int) Math.floor(0.05 * (pos.length - 1))];
      if (max / p5 > 30) {
        // values below the 5th percentile (and zeros) take the darkest colour
        return new HeatPaintScale(Math.max(p5, max / 1e4), max, true);
      }
    }
    return new HeatPaintScale(min, max, false);
  }

  private static int mix(int a, int b, double f) {
    return (int) Math.round((a & 0xff) * (1 - f) + (b & 0xff) * f);
  }

  /** Whether the scale is logarithmic. */
  public boolean isLog() {
    return log;
  }

  @Override
  public double getLowerBound() {
    return lower;
  }

  @Override
  public double getUpperBound() {
    return upper;
  }

  /** Position of {@code value} on the scale, 0..1 (clamped). */
  double position(double value) {
    double t;
    if (log) {
      t = value <= lower ? 0 : (Math.log(value) - Math.log(lower)) / (Math.log(upper) - Math.log(lower));
    } else {
      t = (value - lower) / (upper - lower);
    }
    return Math.max(0, Math.min(1, t));
  }

  @Override
  public Paint getPaint(double value) {
    if (Double.isNaN(value)) {
      return Color.WHITE;
    }
    return table[(int) Math.round(position(value) * 255)];
  }
}
