package io.mlproxy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads JMH's {@code -rf json} output into {@link BenchmarkResult}s. */
public final class JmhJson {

  private JmhJson() {}

  /** The results in {@code file}; malformed JSON or a missing field names file and line. */
  public static List<BenchmarkResult> read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ReportException(file, 0, "file is missing");
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    return parse(file, text);
  }

  /** Parses JMH JSON; {@code file} only names the source in errors. */
  public static List<BenchmarkResult> parse(Path file, String text) {
    Object root;
    try {
      root = Json.parse(text);
    } catch (JsonException e) {
      throw new ReportException(file, e.line(),
          "malformed JSON at column " + e.column() + ": " + e.reason());
    }
    if (!(root instanceof List<?> list)) {
      throw new ReportException(file, 1, "a JMH result file is a JSON array of benchmark results");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof Json.Obj o)) {
        throw new ReportException(file, 1, "every element of the array must be an object");
      }
      String benchmark = string(file, o, "benchmark");
      String mode = string(file, o, "mode");
      Map<String, String> params = new TreeMap<>();
      Object p = o.get("params");
      if (p instanceof Json.Obj po) {
        for (Map.Entry<String, Object> e : po.entrySet()) {
          params.put(e.getKey(), String.valueOf(e.getValue()));
        }
      } else if (p != null) {
        throw new ReportException(file, o.line(), "'params' must be an object");
      }
      Json.Obj primary = object(file, o, "primaryMetric");
      double score = number(file, primary, "score", false);
      double error = number(file, primary, "scoreError", true);
      String unit = string(file, primary, "scoreUnit");
      double bytes = Double.NaN;
      if (o.get("secondaryMetrics") instanceof Json.Obj secondary) {
        for (Map.Entry<String, Object> e : secondary.entrySet()) {
          // JMH names it "·gc.alloc.rate.norm" (with a middle dot); older versions without.
          if (e.getKey().endsWith("gc.alloc.rate.norm") && e.getValue() instanceof Json.Obj m) {
            bytes = number(file, m, "score", true);
          }
        }
      }
      out.add(new BenchmarkResult(benchmark, mode, params, score, error, unit, bytes));
    }
    return out;
  }

  private static String string(Path file, Json.Obj o, String key) {
    if (o.get(key) instanceof String s) {
      return s;
    }
    throw new ReportException(file, o.line(), "'" + key + "' must be a string"
        + (o.containsKey(key) ? "" : " (missing)"));
  }

  private static Json.Obj object(Path file, Json.Obj o, String key) {
    if (o.get(key) instanceof Json.Obj m) {
      return m;
    }
    throw new ReportException(file, o.line(), "'" + key + "' must be an object"
        + (o.containsKey(key) ? "" : " (missing)"));
  }

  /** A number; JMH writes "NaN" (a string) for an error it could not compute. */
  private static double number(Path file, Json.Obj o, String key, boolean nanAllowed) {
    Object v = o.get(key);
    if (v instanceof Double d) {
      return d;
    }
    if (nanAllowed && ("NaN".equals(v) || v == null)) {
      return Double.NaN;
    }
    throw new ReportException(file, o.line(), "'" + key + "' must be a number"
        + (o.containsKey(key) ? ", found " + v : " (missing)"));
  }
}
