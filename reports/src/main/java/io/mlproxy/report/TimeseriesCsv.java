package io.mlproxy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads one replication's {@code timeseries.csv}. */
public final class TimeseriesCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS;

  static {
    List<String> cols = new ArrayList<>();
    for (SeriesColumn c : SeriesColumn.values()) {
      cols.add(c.column());
      if (c == SeriesColumn.ACCESS_TIME_US) {
        cols.add("mode");
      }
    }
    COLUMNS = List.copyOf(cols);
  }

  private TimeseriesCsv() {}

  /** The series of {@code file}; time must increase strictly from row to row. */
  public static TimeSeries read(Path file) {
    SeriesColumn[] cols = SeriesColumn.values();
    int[] index = new int[cols.length];
    for (SeriesColumn c : cols) {
      index[c.ordinal()] = COLUMNS.indexOf(c.column());
    }
    int modeCol = COLUMNS.indexOf("mode");
    // Columns grow by doubling while the rows stream in: no per-row objects are kept.
    double[][][] data = {new double[cols.length][1024]};
    Mode[][] modes = {new Mode[1024]};
    int[] n = {0};
    double[] lastTime = {0};
    ResultsCsv.read(file, t -> {
      int r = n[0];
      if (r == modes[0].length) {
        for (int c = 0; c < cols.length; c++) {
          data[0][c] = Arrays.copyOf(data[0][c], r * 2);
        }
        modes[0] = Arrays.copyOf(modes[0], r * 2);
      }
      for (SeriesColumn c : cols) {
        int k = index[c.ordinal()];
        data[0][c.ordinal()][r] = c.required() ? t.number(k) : t.numberOrNaN(k);
      }
      double time = data[0][SeriesColumn.TIME_S.ordinal()][r];
      if (time <= lastTime[0]) {
        throw t.fieldError(index[0], "must increase from row to row, found " + time
            + " after " + lastTime[0]);
      }
      lastTime[0] = time;
      String mode = t.text(modeCol);
      if (!mode.isEmpty()) {
        modes[0][r] = Mode.parse(mode);
        if (modes[0][r] == null) {
          throw t.fieldError(modeCol, "'" + mode + "' is not a mode");
        }
      }
      n[0]++;
    }, COLUMNS);
    if (n[0] == 0) {
      throw new ReportException(file, 0, "no rows");
    }
    double[][] columns = new double[cols.length][];
    for (int c = 0; c < cols.length; c++) {
      columns[c] = Arrays.copyOf(data[0][c], n[0]);
    }
    return new TimeSeries(columns, Arrays.copyOf(modes[0], n[0]));
  }
}
