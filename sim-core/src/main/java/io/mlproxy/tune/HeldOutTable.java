package io.mlproxy.tune;

import io.mlproxy.engine.Csv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * heldout.csv: the before/after comparison on seeds the search never saw, one row per
 * thresholds set ({@code default} or {@code tuned}) and scenario.
 */
public final class HeldOutTable {

  /** The column names. */
  public static final List<String> HEADER =
      List.of("thresholds", "scenario", "proxy", "handcrafted", "handcrafted_lower", "advantage", "gain",
          "gain_ci95");

  /**
   * One row: a thresholds label and its scores on one scenario; for the tuned thresholds also the
   * gain over the default thresholds (proxy score, paired by replication) and the Student-t 95%
   * half-width of that gain (NaN for the default row, and the half-width with one replication).
   */
  public record Row(String thresholds, ScenarioScore score, double gain, double gainHalfWidth) {

    /** A row without a gain (the default thresholds). */
    public Row(String thresholds, ScenarioScore score) {
      this(thresholds, score, Double.NaN, Double.NaN);
    }

    /** Whether the gain exceeds its own 95% half-width. */
    public boolean significantGain() {
      return gain > 0 && gain > gainHalfWidth;
    }
  }

  private HeldOutTable() {}

  /** Writes {@code rows} to {@code file}. */
  public static void write(Path file, List<Row> rows) {
    StringWriter w = new StringWriter();
    Csv csv = new Csv(w);
    csv.row(HEADER.toArray(String[]::new));
    for (Row r : rows) {
      ScenarioScore s = r.score();
      csv.text(r.thresholds()).text(s.scenario()).num(s.proxy()).num(s.handcrafted())
          .num(s.handcraftedLower()).num(s.advantage()).num(r.gain()).num(r.gainHalfWidth()).end();
    }
    try {
      Files.writeString(file, w.toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a file written by {@link #write}. */
  public static List<Row> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty() || !lines.get(0).equals(String.join(",", HEADER))) {
      throw new IllegalArgumentException(file + ":1: expected the header " + String.join(",", HEADER));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",", -1);
      if (f.length != HEADER.size()) {
        throw new IllegalArgumentException(
            file + ":" + (i + 1) + ": expected " + HEADER.size() + " fields, got " + f.length);
      }
      try {
        rows.add(new Row(f[0], new ScenarioScore(f[1], num(f[2]), num(f[3]), num(f[4])), num(f[6]), num(f[7])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return rows;
  }

  private static double num(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }
}
