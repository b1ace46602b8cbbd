package io.mlproxy.report;

import java.util.Arrays;

/**
 * Largest-triangle-three-buckets downsampling (Steinarsson 2013): keeps the first and last point
 * and, from each bucket between, the point forming the largest triangle with the previously kept
 * point and the next bucket's average, so spikes and turns survive. Charts only: the CSVs keep
 * full resolution.
 */
public final class Downsampler {

  /** At most this many points are drawn per line. */
  public static final int MAX_POINTS = 2000;

  private Downsampler() {}

  /** A line's points after dropping undefined values and downsampling. */
  public record Points(double[] x, double[] y) {
    /** Number of points. */
    public int size() {
      return x.length;
    }
  }

  /**
   * The points of ({@code x}, {@code y}) with NaN y values dropped, reduced to at most {@code
   * max} by LTTB. {@code x} must be non-decreasing.
   */
  public static Points downsample(double[] x, double[] y, int max) {
    if (x.length != y.length) {
      throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
    }
    int finite = 0;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        finite++;
      }
    }
    double[] fx = x;
    double[] fy = y;
    if (finite != y.length) {
      fx = new double[finite];
      fy = new double[finite];
      int k = 0;
      for (int i = 0; i < y.length; i++) {
        if (!Double.isNaN(y[i])) {
          fx[k] = x[i];
          fy[k++] = y[i];
        }
      }
    }
    int[] keep = lttb(fx, fy, max);
    double[] ox = new double[keep.length];
    double[] oy = new double[keep.length];
    for (int i = 0; i < keep.length; i++) {
      ox[i] = fx[keep[i]];
      oy[i] = fy[keep[i]];
    }
    return new Points(ox, oy);
  }

  /**
   * Indices (increasing) of the points LTTB keeps out of {@code x.length}; all of them when there
   * are no more than {@code threshold}. {@code threshold} must be at least 3.
   */
  public static int[] lttb(double[] x, double[] y, int threshold) {
    if (threshold < 3) {
      throw new IllegalArgumentException("threshold must be >= 3, was " + threshold);
    }
    int n = x.length;
    if (n <= threshold) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      return all;
    }
    int[] out = new int[threshold];
    int k = 0;
    out[k++] = 0;
    double every = (double) (n - 2) / (threshold - 2);
    int a = 0;
    for (int b = 0; b < threshold - 2; b++) {
      int avgStart = (int) Math.floor((b + 1) * every) + 1;
      int avgEnd = Math.min((int) Math.floor((b + 2) * every) + 1, n);
      double avgX = 0;
      double avgY = 0;
      for (int i = avgStart; i < avgEnd; i++) {
        avgX += x[i];
        avgY += y[i];
      }
      int avgLen = avgEnd - avgStart;
      if (avgLen > 0) {
        avgX /= avgLen;
        avgY /= avgLen;
      } else {
        avgX = x[n - 1];
        avgY = y[n - 1];
      }
      int rangeStart = (int) Math.floor(b * every) + 1;
      int rangeEnd = (int) Math.floor((b + 1) * every) + 1;
      double ax = x[a];
      double ay = y[a];
      double maxArea = -1;
      int chosen = rangeStart;
      for (int i = rangeStart; i < rangeEnd; i++) {
        // Twice the triangle's area; the factor does not change which point wins.
        double area = Math.abs((ax - avgX) * (y[i] - ay) - (ax - x[i]) * (avgY - ay));
        if (area > maxArea) {
          maxArea = area;
          chosen = i;
        }
      }
      out[k++] = chosen;
      a = chosen;
    }
    out[k++] = n - 1;
    return out;
  }
}
