package io.mlproxy.report;

import java.nio.file.Path;
import java.util.ArrayList;
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
    CsvTable t = CsvTable.read(file);
    t.requireHeader(COLUMNS);
    int n = t.size();
    if (n == 0) {
      throw new ReportException(file, 0, "no rows");
    }
    SeriesColumn[] cols = SeriesColumn.values();
    double[][] data = new double[cols.length][n];
    int[] index = new int[cols.length];
    for (SeriesColumn c : cols) {
      index[c.ordinal()] = t.column(c.column());
    }
    int modeCol = t.column("mode");
    Mode[] modes = new Mode[n];
    double lastTime = 0;
    for (int r = 0; r < n; r++) {
      for (SeriesColumn c : cols) {
        int k = index[c.ordinal()];
        data[c.ordinal()][r] = c.required() ? t.number(r, k) : t.numberOrNaN(r, k);
      }
      double time = data[SeriesColumn.TIME_S.ordinal()][r];
      if (time <= lastTime) {
        throw t.fieldError(r, index[0], "must increase from row to row, found " + time
            + " after " + lastTime);
      }
      lastTime = time;
      String mode = t.text(r, modeCol);
      if (!mode.isEmpty()) {
        modes[r] = Mode.parse(mode);
        if (modes[r] == null) {
          throw t.fieldError(r, modeCol, "'" + mode + "' is not a mode");
        }
      }
    }
    return new TimeSeries(data, modes);
  }
}
