package io.mlproxy.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The header facts of a run, from {@code run.properties}: tool version, date, seed, replications
 * and the key parameters ({@code param.<section>.<name>}). Missing keys read as "—".
 */
public final class RunInfo {

  /** Shown for a key the run did not record. */
  public static final String MISSING = "—";

  private final Map<String, String> values;

  /** Wraps already-read properties. */
  public RunInfo(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  /** Reads {@code file}; a missing file gives an empty RunInfo, a malformed one an error. */
  public static RunInfo read(Path file) {
    if (!Files.exists(file)) {
      return new RunInfo(Map.of());
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    } catch (IllegalArgumentException e) {
      throw new ReportException(file, 0, "malformed properties: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    Map<String, String> m = new TreeMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return new RunInfo(m);
  }

  /** The value of {@code key}, or "—" when absent or blank. */
  public String get(String key) {
    String v = values.get(key);
    return v == null || v.isBlank() ? MISSING : v.strip();
  }

  /** Whether {@code key} has a non-blank value. */
  public boolean has(String key) {
    return !get(key).equals(MISSING);
  }

  /** The numeric value of {@code key}, empty when absent or not a number. */
  public OptionalDouble number(String key) {
    if (!has(key)) {
      return OptionalDouble.empty();
    }
    try {
      double v = Double.parseDouble(get(key));
      return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** All {@code param.<section>.<name>} keys, grouped by section, both sorted by name. */
  public Map<String, Map<String, String>> paramsBySection() {
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (Map.Entry<String, String> e : new TreeMap<>(values).entrySet()) {
      String k = e.getKey();
      if (!k.startsWith("param.")) {
        continue;
      }
      String rest = k.substring("param.".length());
      int dot = rest.indexOf('.');
      String section = dot < 0 ? "general" : rest.substring(0, dot);
      String name = dot < 0 ? rest : rest.substring(dot + 1);
      out.computeIfAbsent(section, s -> new TreeMap<>()).put(name, e.getValue());
    }
    return out;
  }
}
