package io.mlproxy.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads JMH's {@code -rf json} output into {@link BenchmarkResult}s with Jackson: the array is
 * streamed element by element, so a complaint about a result names the line its object starts on.
 */
public final class JmhJson {

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build());

  private JmhJson() {}

  /** The results in {@code file}; malformed JSON or a missing field names file and line. */
  public static List<BenchmarkResult> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(file, MAPPER.createParser(in));
    } catch (NoSuchFileException e) {
      throw new ReportException(file, 0, "file is missing");
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Parses JMH JSON; {@code file} only names the source in errors. */
  public static List<BenchmarkResult> parse(Path file, String text) {
    try {
      return parse(file, MAPPER.createParser(text));
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static List<BenchmarkResult> parse(Path file, JsonParser p) throws IOException {
    try (p) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new ReportException(file, line(p.currentTokenLocation()),
            "a JMH result file is a JSON array of benchmark results");
      }
      List<BenchmarkResult> out = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        int line = line(p.currentTokenLocation());
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw new ReportException(file, line, "every element of the array must be an object");
        }
        out.add(result(file, line, MAPPER.readTree(p)));
      }
      if (p.nextToken() != null) {
        throw new ReportException(file, line(p.currentTokenLocation()), "unexpected content after the array");
      }
      return out;
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String column = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr();
      throw new ReportException(file, at == null ? 0 : line(at),
          "malformed JSON" + column + ": " + e.getOriginalMessage(), e);
    }
  }

  private static int line(JsonLocation at) {
    return Math.max(0, at.getLineNr());
  }

  private static BenchmarkResult result(Path file, int line, JsonNode o) {
    String benchmark = string(file, line, o, "benchmark");
    String mode = string(file, line, o, "mode");
    Map<String, String> params = new TreeMap<>();
    JsonNode p = o.get("params");
    if (p != null && p.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        params.put(e.getKey(), e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString());
      }
    } else if (p != null && !p.isNull()) {
      throw new ReportException(file, line, "'params' must be an object");
    }
    JsonNode primary = object(file, line, o, "primaryMetric");
    double score = number(file, line, primary, "score", false);
    double error = number(file, line, primary, "scoreError", true);
    String unit = string(file, line, primary, "scoreUnit");
    double low = Double.NaN;
    double high = Double.NaN;
    JsonNode confidence = primary.get("scoreConfidence");
    if (confidence != null && confidence.isArray() && confidence.size() == 2) {
      low = numeric(confidence.get(0));
      high = numeric(confidence.get(1));
    }
    double rawMin = Double.POSITIVE_INFINITY;
    double rawMax = Double.NEGATIVE_INFINITY;
    JsonNode raw = primary.get("rawData");
    if (raw != null && raw.isArray()) {
      for (JsonNode fork : raw) {
        for (JsonNode v : fork) {
          double d = numeric(v);
          if (!Double.isNaN(d)) {
            rawMin = Math.min(rawMin, d);
            rawMax = Math.max(rawMax, d);
          }
        }
      }
    }
    double bytes = Double.NaN;
    JsonNode secondary = o.get("secondaryMetrics");
    if (secondary != null && secondary.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        // JMH names it "·gc.alloc.rate.norm" (with a middle dot); older versions without.
        if (e.getKey().endsWith("gc.alloc.rate.norm") && e.getValue().isObject()) {
          bytes = number(file, line, e.getValue(), "score", true);
        }
      }
    }
    return new BenchmarkResult(benchmark, mode, params, score, error, unit, bytes, low, high,
        rawMin <= rawMax ? rawMin : Double.NaN, rawMin <= rawMax ? rawMax : Double.NaN);
  }

  private static String string(Path file, int line, JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v != null && v.isTextual()) {
      return v.textValue();
    }
    throw new ReportException(file, line, "'" + key + "' must be a string" + (v == null ? " (missing)" : ""));
  }

  private static JsonNode object(Path file, int line, JsonNode o, String key) {
    JsonNode v = o.get(key);
    if (v != null && v.isObject()) {
      return v;
    }
    throw new ReportException(file, line, "'" + key + "' must be an object" + (v == null ? " (missing)" : ""));
  }

  /** A number, or NaN for JMH's "NaN" string (an error it could not compute). */
  private static double numeric(JsonNode v) {
    if (v != null && v.isNumber()) {
      return v.doubleValue();
    }
    return Double.NaN;
  }

  private static double number(Path file, int line, JsonNode o, String key, boolean nanAllowed) {
    JsonNode v = o.get(key);
    if (v != null && v.isNumber()) {
      return v.doubleValue();
    }
    if (nanAllowed && (v == null || v.isNull() || (v.isTextual() && v.textValue().equals("NaN")))) {
      return Double.NaN;
    }
    throw new ReportException(file, line, "'" + key + "' must be a number"
        + (v == null ? " (missing)" : ", found " + v));
  }
}
