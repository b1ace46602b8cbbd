package io.mlproxy.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads {@code heatmap.csv}: one row per address bucket per output step, grouped by time. */
public final class HeatmapCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS =
      List.of("time_s", "bucket", "start_page", "end_page", "access_permille", "resident_permille");

  /** The header of results written before {@code resident_permille} existed (still read). */
  public static final List<String> COLUMNS_WITHOUT_RESIDENCY = COLUMNS.subList(0, 5);

  /** More buckets than this is taken as a corrupt file rather than drawn. */
  static final int MAX_BUCKETS = 4096;

  private HeatmapCsv() {}

  /** Growable columns of the rows as read. */
  private static final class Rows {
    int n;
    int[] line = new int[4096];
    double[] time = new double[4096];
    int[] bucket = new int[4096];
    long[] start = new long[4096];
    long[] end = new long[4096];
    double[] access = new double[4096];
    double[] resident = new double[4096];
    int[] firstRowOf = new int[MAX_BUCKETS];

    void grow() {
      int m = n * 2;
      line = Arrays.copyOf(line, m);
      time = Arrays.copyOf(time, m);
      bucket = Arrays.copyOf(bucket, m);
      start = Arrays.copyOf(start, m);
      end = Arrays.copyOf(end, m);
      access = Arrays.copyOf(access, m);
      resident = Arrays.copyOf(resident, m);
    }
  }

  /** The heatmap of {@code file}. */
  public static Heatmap read(Path file) {
    Rows rows = new Rows();
    int[] buckets = {0};
    double[] lastTime = {Double.NaN};
    String[] lastTimeText = {null};
    int[] steps = {0};
    // per bucket, the page range as first written: later rows are compared as text, not parsed
    String[][] range = new String[MAX_BUCKETS][];
    List<String> header = ResultsCsv.read(file, t -> {
      if (rows.n == rows.line.length) {
        rows.grow();
      }
      int r = rows.n;
      long b = t.integer(1);
      if (b < 0 || b >= MAX_BUCKETS) {
        throw t.fieldError(1, "must be in 0.." + (MAX_BUCKETS - 1) + ", found " + b);
      }
      // 64 rows share each time: parse it once per step
      double time;
      if (t.text(0).equals(lastTimeText[0])) {
        time = lastTime[0];
      } else {
        time = t.number(0);
        if (steps[0] == 0 || time > lastTime[0]) {
          steps[0]++;
          lastTime[0] = time;
          lastTimeText[0] = t.text(0);
        } else if (time < lastTime[0]) {
          throw t.fieldError(0, "goes back in time: " + time + " after " + lastTime[0]);
        }
      }
      long s;
      long e;
      String[] known = range[(int) b];
      if (known != null && known[0].equals(t.text(2)) && known[1].equals(t.text(3))) {
        s = rows.start[rows.firstRowOf[(int) b]];
        e = rows.end[rows.firstRowOf[(int) b]];
      } else {
        s = t.integer(2);
        e = t.integer(3);
        if (s < 0 || e <= s) {
          throw t.rowError("bucket pages must satisfy 0 <= start_page < end_page, found " + s + ".." + e);
        }
        if (known == null) {
          range[(int) b] = new String[] {t.text(2), t.text(3)};
          rows.firstRowOf[(int) b] = rows.n;
        }
      }
      double v = t.number(4);
      if (v < 0 || v > 1000) {
        throw t.fieldError(4, "must be within 0..1000, found " + v);
      }
      double res = Double.NaN;
      if (rowHasResidency(t)) {
        res = t.number(5);
        if (res < 0 || res > 1000) {
          throw t.fieldError(5, "must be within 0..1000, found " + res);
        }
      }
      buckets[0] = (int) Math.max(buckets[0], b + 1);
      rows.line[r] = t.line();
      rows.time[r] = time;
      rows.bucket[r] = (int) b;
      rows.start[r] = s;
      rows.end[r] = e;
      rows.access[r] = v;
      rows.resident[r] = res;
      rows.n++;
    }, COLUMNS, COLUMNS_WITHOUT_RESIDENCY);
    if (rows.n == 0) {
      throw new ReportException(file, 0, "no rows");
    }
    boolean withResidency = header.size() == COLUMNS.size();
    int nb = buckets[0];
    double[] times = new double[steps[0]];
    long[] start = new long[nb];
    long[] end = new long[nb];
    Arrays.fill(start, -1);
    double[][] cells = new double[steps[0]][nb];
    double[][] resident = withResidency ? new double[steps[0]][nb] : null;
    for (double[] row : cells) {
      Arrays.fill(row, Double.NaN);
    }
    if (resident != null) {
      for (double[] row : resident) {
        Arrays.fill(row, Double.NaN);
      }
    }
    int step = -1;
    for (int r = 0; r < rows.n; r++) {
      if (step < 0 || rows.time[r] != times[step]) {
        times[++step] = rows.time[r];
      }
      int b = rows.bucket[r];
      if (start[b] == -1) {
        start[b] = rows.start[r];
        end[b] = rows.end[r];
      } else if (start[b] != rows.start[r] || end[b] != rows.end[r]) {
        throw new ReportException(file, rows.line[r], "bucket " + b + " spans " + rows.start[r] + ".."
            + rows.end[r] + " here but " + start[b] + ".." + end[b] + " earlier");
      }
      if (!Double.isNaN(cells[step][b])) {
        throw new ReportException(file, rows.line[r], "bucket " + b + " appears twice at time " + rows.time[r]);
      }
      cells[step][b] = rows.access[r];
      if (resident != null) {
        resident[step][b] = rows.resident[r];
      }
    }
    for (int b = 0; b < nb; b++) {
      if (start[b] == -1) {
        throw new ReportException(file, 0, "bucket " + b + " never appears");
      }
    }
    return new Heatmap(times, start, end, cells, resident);
  }

  private static boolean rowHasResidency(ResultsCsv.Row t) {
    return t.width() == COLUMNS.size();
  }
}
