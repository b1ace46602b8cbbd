package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated scenarios with up to three fields at the ends of their documented bounds (README's
 * "bounds" column, {@link ScenarioLoader#fieldBounds()}): whatever validate accepts, a shortened
 * run of it (its first 100 ms: a tick of 1us is 10^5 events per run) never fails; whatever it
 * refuses, it refuses as {@code file:line:column: field:}.
 */
class BoundsCampaignTest {

  private static Path work;
  private static Map<String, List<String>> ends;

  @BeforeContainer
  static void setUp() throws IOException {
    work = Files.createTempDirectory("bounds");
    StringBuilder trace = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      trace.append(i).append('\n');
    }
    Files.writeString(work.resolve("t.txt"), trace.toString());
    ends = new LinkedHashMap<>();
    ScenarioLoader.fieldBounds().forEach((path, bounds) -> {
      List<String> values = values(path, bounds);
      if (!values.isEmpty() && placeable(path)) {
        ends.put(path, values);
      }
    });
  }

  private static final java.util.concurrent.atomic.AtomicInteger CASES = new java.util.concurrent.atomic.AtomicInteger();

  @AfterContainer
  static void tearDown() throws IOException {
    System.out.printf("bounds campaign: %d generated scenarios%n", CASES.get());
    ScenarioCampaignTest.deleteTree(work);
  }

  /** The values at the ends of a bounds text such as {@code 1us..576h, whole ms} or {@code >0..1}. */
  static List<String> values(String path, String bounds) {
    if (bounds.equals("—")) {
      return List.of();
    }
    String b = bounds.replaceAll(", (whole ms|whole us|a power of two)$", "");
    List<String> values = new ArrayList<>();
    if (b.startsWith("auto, ")) {
      values.add("auto");
      b = b.substring("auto, ".length());
    }
    if (b.endsWith(" characters")) {
      String[] r = b.replace(" characters", "").split("\\.\\.");
      String letter = path.equals("name") ? "a" : "x";
      for (String n : r) {
        values.add(Integer.parseInt(n) == 0 ? "''" : letter.repeat(Integer.parseInt(n)));
      }
      return values;
    }
    String[] r = b.split("\\.\\.");
    String lo = r[0];
    String hi = r[1];
    if (lo.equals("1 page")) {
      lo = "4KiB";
    }
    if (!lo.startsWith(">")) {
      values.add(lo);
    }
    if (!hi.startsWith("<")) {
      values.add(hi);
    }
    return values;
  }

  private static boolean placeable(String path) {
    return !path.equals("workload.phases.mix.pattern") && !path.equals("variants");
  }

  /** A small valid scenario as nested maps, with {@code fields} set to {@code values}. */
  static String scenario(Map<String, String> fields) {
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("name", "bounds");
    top.put("duration", "2s");
    top.put("replications", "1");
    map(top, "memory").put("pages", "256");
    map(top, "memory").put("capacity", "125%");
    map(top, "policy").put("min_age", "2s");
    map(top, "policy").put("wmarks_high", "1000");
    map(top, "policy").put("wmarks_mid", "1000");
    map(top, "policy").put("wmarks_low", "0");
    map(top, "proxy").put("feedback_window", "10s");
    Map<String, Object> workload = map(top, "workload");
    workload.put("rate", "50000/s");
    Map<String, Object> entry = new LinkedHashMap<>(Map.of("pattern", "hotset"));
    List<Object> phases = new ArrayList<>(List.of(phase("0s", entry)));
    workload.put("phases", phases);
    List<Object> faults = new ArrayList<>();
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String path = f.getKey();
      String value = f.getValue();
      String[] parts = path.split("\\.");
      String key = parts[parts.length - 1];
      if (path.startsWith("pattern.")) {
        entry.clear();
        entry.put("pattern", parts[1]);
        if (parts[1].equals("growth") && !key.equals("over")) {
          entry.put("over", "1s");
        }
        if (parts[1].equals("periodic") && !key.equals("period")) {
          entry.put("period", "1s");
        }
        entry.put(key, value);
      } else if (path.equals("workload.phases.mix.weight")) {
        entry.put("weight", value);
      } else if (path.equals("workload.phases.at")) {
        phases.add(phase(value, new LinkedHashMap<>(Map.of("pattern", "uniform"))));
      } else if (path.startsWith("workload.trace.")) {
        workload.remove("phases");
        Map<String, Object> trace = map(workload, "trace");
        trace.putIfAbsent("path", "t.txt");
        trace.putIfAbsent("format", "plain");
        trace.putIfAbsent("addresses", "pages");
        trace.put(key, value);
      } else if (path.startsWith("faults.")) {
        Map<String, Object> fault = new LinkedHashMap<>();
        String type = switch (key) {
          case "factor" -> "agent_slow";
          case "count" -> "corrupt_recommendations";
          case "capacity" -> "memory_pressure";
          case "to_phase" -> "workload_shift";
          default -> "agent_crash";
        };
        fault.put("type", type);
        fault.put("at", "1s");
        if (!type.equals("corrupt_recommendations") && !type.equals("workload_shift")) {
          fault.put("duration", "1s");
        }
        if (type.equals("memory_pressure") && !key.equals("capacity")) {
          fault.put("capacity", "50%");
        }
        fault.put(key, value);
        faults.add(fault);
      } else if (path.equals("memory.size")) {
        map(top, "memory").remove("pages");
        map(top, "memory").put("size", value);
      } else {
        Map<String, Object> m = top;
        for (int i = 0; i < parts.length - 1; i++) {
          m = map(m, parts[i]);
        }
        m.put(key, value);
      }
    }
    if (!faults.isEmpty()) {
      top.put("faults", faults);
    }
    StringBuilder sb = new StringBuilder();
    emit(sb, top, 0);
    return sb.toString();
  }

  private static Map<String, Object> phase(String at, Map<String, Object> entry) {
    Map<String, Object> phase = new LinkedHashMap<>();
    phase.put("at", at);
    phase.put("mix", List.of(entry));
    return phase;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
  }

  @SuppressWarnings("unchecked")
  private static void emit(StringBuilder sb, Object node, int indent) {
    String pad = "  ".repeat(indent);
    if (node instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (e.getValue() instanceof String s) {
          sb.append(pad).append(e.getKey()).append(": ").append(s).append('\n');
        } else {
          sb.append(pad).append(e.getKey()).append(":\n");
          emit(sb, e.getValue(), indent + 1);
        }
      }
    } else {
      for (Object item : (List<Object>) node) {
        StringBuilder inner = new StringBuilder();
        emit(inner, item, indent + 1);
        sb.append(pad).append("- ").append(inner.substring(pad.length() + 2)).append('\n');
        if (sb.charAt(sb.length() - 2) == '\n') {
          sb.setLength(sb.length() - 1);
        }
      }
    }
  }

  @Provide
  Arbitrary<Map<String, String>> atTheirBounds() {
    Arbitrary<Map.Entry<String, String>> field = Arbitraries.of(new ArrayList<>(ends.keySet()))
        .flatMap(path -> Arbitraries.of(ends.get(path)).map(v -> Map.entry(path, v)));
    return field.list().ofMinSize(1).ofMaxSize(3).map(list -> {
      Map<String, String> m = new LinkedHashMap<>();
      list.forEach(e -> m.put(e.getKey(), e.getValue()));
      return m;
    });
  }

  @Property(tries = 250, seed = "1515")
  void whatValidateAcceptsRunsAndWhatItRefusesNamesTheField(@ForAll("atTheirBounds") Map<String, String> fields) {
    String text = scenario(fields);
    CASES.incrementAndGet();
    Statistics.collect(ScenarioCampaignTest.validateAndRun(text, work.resolve("bounds.yaml"), work, 100_000));
  }

  @Property(tries = 1)
  void everyDocumentedBoundIsGenerated() {
    // a field without bounds to try would escape this campaign silently
    assertThat(ends).hasSizeGreaterThan(80);
    assertThat(scenario(Map.of())).contains("name: bounds", "  phases:\n    - at: 0s\n      mix:\n        - pattern: hotset");
  }
}
