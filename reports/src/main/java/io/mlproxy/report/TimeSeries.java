package io.mlproxy.report;

/**
 * One replication's {@code timeseries.csv}, column-wise: a primitive array per column (NaN for an
 * empty field) and the proxy's mode per step (null where the variant has none).
 */
public final class TimeSeries {

  private final double[][] columns;
  private final Mode[] modes;

  /** Takes ownership of the arrays; all must have the same length. */
  public TimeSeries(double[][] columns, Mode[] modes) {
    if (columns.length != SeriesColumn.values().length) {
      throw new IllegalArgumentException("expected " + SeriesColumn.values().length + " columns");
    }
    for (double[] c : columns) {
      if (c.length != modes.length) {
        throw new IllegalArgumentException("columns differ in length");
      }
    }
    this.columns = columns;
    this.modes = modes;
  }

  /** Number of output steps. */
  public int size() {
    return modes.length;
  }

  /** One column's values; do not modify. */
  public double[] column(SeriesColumn c) {
    return columns[c.ordinal()];
  }

  /** Step end times, seconds. */
  public double[] time() {
    return column(SeriesColumn.TIME_S);
  }

  /** The mode at the end of step {@code i}, or null. */
  public Mode mode(int i) {
    return modes[i];
  }

  /** Whether any step has a mode. */
  public boolean hasModes() {
    for (Mode m : modes) {
      if (m != null) {
        return true;
      }
    }
    return false;
  }

  /** Start of step {@code i} in seconds (the first step starts at 0). */
  public double stepStart(int i) {
    return i == 0 ? 0 : time()[i - 1];
  }

  /** Length of step {@code i} in seconds (the first step starts at 0). */
  public double stepSeconds(int i) {
    double[] t = time();
    return i == 0 ? t[0] : t[i] - t[i - 1];
  }
}
