package io.mlproxy.tune;

import io.mlproxy.engine.Csv;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * tuning.csv: one row per evaluated candidate (method, evaluation number, the searched
 * thresholds, objective, mean advantage, guard, and per scenario the proxy's and handcrafted's
 * scores and handcrafted's lower bound). Rows are appended and flushed one by one, so an
 * interrupted run loses at most the evaluation in flight, and {@code --resume} reads them back.
 */
public final class TuningLog {

  private final Path file;
  private final List<String> scenarios;

  private TuningLog(Path file, List<String> scenarios) {
    this.file = file;
    this.scenarios = List.copyOf(scenarios);
  }

  /** The header for these scenarios. */
  public static List<String> header(List<String> scenarios) {
    List<String> h = new ArrayList<>(List.of("method", "evaluation"));
    for (TunedParameter p : TunedParameter.values()) {
      h.add(p.column());
    }
    h.addAll(List.of("objective", "mean_advantage", "guard_ok"));
    for (String s : scenarios) {
      h.add(s + ".proxy");
      h.add(s + ".handcrafted");
      h.add(s + ".handcrafted_lower");
    }
    return h;
  }

  /**
   * Opens {@code file} for appending, creating it with its header; an existing file must have
   * the header of these scenarios.
   */
  public static TuningLog open(Path file, List<String> scenarios) {
    TuningLog log = new TuningLog(file, scenarios);
    String header = String.join(",", header(scenarios));
    try {
      if (Files.exists(file)) {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.isEmpty() && !text.endsWith("\n")) {
          // a row cut short by a kill mid-write: drop it, everything before it is intact
          text = text.substring(0, text.lastIndexOf('\n') + 1);
          Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
          throw new IllegalArgumentException(
              file + ": its header does not match the scenarios being tuned (" + String.join(", ", scenarios)
                  + "); use another --out");
        }
      } else {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    return log;
  }

  /** Appends one row and flushes it to the file. */
  public synchronized void append(TuningRecord r) {
    StringWriter w = new StringWriter();
    Csv csv = new Csv(w);
    csv.text(r.method()).num(r.evaluation());
    for (long v : r.result().candidate().values()) {
      csv.num(v);
    }
    Evaluation e = r.result();
    csv.num(e.objective()).num(e.meanAdvantage()).text(e.guardOk() ? "true" : "false");
    for (ScenarioScore s : e.scores()) {
      csv.num(s.proxy()).num(s.handcrafted()).num(s.handcraftedLower());
    }
    csv.end();
    try {
      Files.writeString(file, w.toString(), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
    }
  }

  /** Every row of {@code file}, with its scenario names taken from the header. */
  public static List<TuningRecord> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": empty, expected a header line");
    }
    String[] head = lines.get(0).split(",", -1);
    int fixed = 2 + Candidate.DIMENSION + 3;
    if (head.length < fixed + 3 || (head.length - fixed) % 3 != 0
        || !List.of(head).subList(0, fixed).equals(header(List.of()))) {
      throw new IllegalArgumentException(file + ":1: not a tuning.csv header");
    }
    List<String> scenarios = new ArrayList<>();
    for (int i = fixed; i < head.length; i += 3) {
      scenarios.add(head[i].substring(0, head[i].length() - ".proxy".length()));
    }
    if (!List.of(head).equals(header(scenarios))) {
      throw new IllegalArgumentException(file + ":1: not a tuning.csv header");
    }
    List<TuningRecord> out = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isEmpty()) {
        continue;
      }
      out.add(parseRow(file, n + 1, line.split(",", -1), head, scenarios));
    }
    return out;
  }

  private static TuningRecord parseRow(Path file, int lineNo, String[] f, String[] head, List<String> scenarios) {
    if (f.length != head.length) {
      throw new IllegalArgumentException(
          file + ":" + lineNo + ": expected " + head.length + " fields, got " + f.length);
    }
    int col = 0;
    try {
      String method = f[col++];
      int evaluation = Integer.parseInt(f[col++]);
      long[] values = new long[Candidate.DIMENSION];
      for (int i = 0; i < values.length; i++) {
        values[i] = Long.parseLong(f[col++]);
      }
      Candidate c = Candidate.of(values);
      double objective = parse(f[col++]);
      double advantage = parse(f[col++]);
      String guard = f[col++];
      if (!guard.equals("true") && !guard.equals("false")) {
        throw new IllegalArgumentException("expected true or false");
      }
      List<ScenarioScore> scores = new ArrayList<>();
      for (String s : scenarios) {
        scores.add(new ScenarioScore(s, parse(f[col++]), parse(f[col++]), parse(f[col++])));
      }
      return new TuningRecord(
          method, evaluation, new Evaluation(c, scores, advantage, guard.equals("true"), objective));
    } catch (IllegalArgumentException e) {
      int bad = Math.min(col - 1, head.length - 1);
      throw new IllegalArgumentException(
          file + ":" + lineNo + ": field " + head[Math.max(0, bad)] + ": " + e.getMessage(), e);
    }
  }

  private static double parse(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** The file written. */
  public Path file() {
    return file;
  }

  /** Scenario names in column order. */
  public List<String> scenarios() {
    return scenarios;
  }
}
