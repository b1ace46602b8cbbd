package io.mlproxy.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads {@code heatmap.csv}: one row per address bucket per output step, grouped by time. */
public final class HeatmapCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS =
      List.of("time_s", "bucket", "start_page", "end_page", "access_permille");

  /** More buckets than this is taken as a corrupt file rather than drawn. */
  static final int MAX_BUCKETS = 4096;

  private HeatmapCsv() {}

  /** The heatmap of {@code file}. */
  public static Heatmap read(Path file) {
    CsvTable t = CsvTable.read(file);
    t.requireHeader(COLUMNS);
    int n = t.size();
    if (n == 0) {
      throw new ReportException(file, 0, "no rows");
    }
    int buckets = 0;
    // One pass parses time and bucket of every row; rows come grouped by time.
    double[] rowTime = new double[n];
    int[] rowBucket = new int[n];
    double[] timesTmp = new double[n];
    int steps = 0;
    for (int r = 0; r < n; r++) {
      long b = t.integer(r, 1);
      if (b < 0 || b >= MAX_BUCKETS) {
        throw t.fieldError(r, 1, "must be in 0.." + (MAX_BUCKETS - 1) + ", found " + b);
      }
      rowBucket[r] = (int) b;
      buckets = (int) Math.max(buckets, b + 1);
      double time = t.number(r, 0);
      rowTime[r] = time;
      if (steps == 0 || time > timesTmp[steps - 1]) {
        timesTmp[steps++] = time;
      } else if (time < timesTmp[steps - 1]) {
        throw t.fieldError(r, 0, "goes back in time: " + time + " after " + timesTmp[steps - 1]);
      }
    }
    double[] times = Arrays.copyOf(timesTmp, steps);
    long[] start = new long[buckets];
    long[] end = new long[buckets];
    Arrays.fill(start, -1);
    double[][] cells = new double[steps][buckets];
    for (double[] row : cells) {
      Arrays.fill(row, Double.NaN);
    }
    int step = -1;
    double current = Double.NaN;
    for (int r = 0; r < n; r++) {
      double time = rowTime[r];
      if (time != current) {
        step++;
        current = time;
      }
      int b = rowBucket[r];
      long s = t.integer(r, 2);
      long e = t.integer(r, 3);
      if (s < 0 || e <= s) {
        throw t.rowError(r, "bucket pages must satisfy 0 <= start_page < end_page, found " + s
            + ".." + e);
      }
      if (start[b] == -1) {
        start[b] = s;
        end[b] = e;
      } else if (start[b] != s || end[b] != e) {
        throw t.rowError(r, "bucket " + b + " spans " + s + ".." + e + " here but " + start[b]
            + ".." + end[b] + " earlier");
      }
      if (!Double.isNaN(cells[step][b])) {
        throw t.rowError(r, "bucket " + b + " appears twice at time " + time);
      }
      double v = t.number(r, 4);
      if (v < 0 || v > 1000) {
        throw t.fieldError(r, 4, "must be within 0..1000, found " + v);
      }
      cells[step][b] = v;
    }
    for (int b = 0; b < buckets; b++) {
      if (start[b] == -1) {
        throw new ReportException(file, 0, "bucket " + b + " never appears");
      }
    }
    return new Heatmap(times, start, end, cells);
  }
}
