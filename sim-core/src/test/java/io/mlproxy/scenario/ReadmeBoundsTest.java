package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's "bounds" column is {@link Fields}' table, and every scalar the loader reads is a
 * {@link Fields} entry: a field added without bounds, or bounds changed without the README,
 * fails here.
 */
class ReadmeBoundsTest {

  private static final Pattern HEADER = Pattern.compile("^### (?:`([a-z_.]+)`|Top level).*");

  /** README's bounds cells by field path, as {@link Fields} names them. */
  static Map<String, String> readmeBounds() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## Scenario files");
    Map<String, String> bounds = new LinkedHashMap<>();
    String section = null;
    String sub = null;
    int boundsColumn = -1;
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      String line = lines.get(i);
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        section = h.group(1) == null ? "" : h.group(1);
        sub = null;
        continue;
      }
      if (line.startsWith("Each phase:")) {
        sub = "workload.phases";
      } else if (line.startsWith("Each entry of `mix`")) {
        sub = "workload.phases.mix";
      } else if (line.startsWith("Pattern parameters")) {
        sub = "pattern";
      }
      if (!line.startsWith("|") || section == null) {
        boundsColumn = line.startsWith("|") ? boundsColumn : -1;
        continue;
      }
      List<String> cells = cells(line);
      if (cells.contains("bounds")) {
        boundsColumn = cells.indexOf("bounds");
        continue;
      }
      if (boundsColumn < 0 || cells.get(0).startsWith("---")) {
        continue;
      }
      String path;
      if ("pattern".equals(sub)) {
        path = "pattern." + unquote(cells.get(0)) + "." + unquote(cells.get(1));
      } else {
        String base = sub != null ? sub : section;
        path = (base.isEmpty() ? "" : base + ".") + unquote(cells.get(0));
      }
      bounds.put(path, cells.get(boundsColumn));
    }
    return bounds;
  }

  private static List<String> cells(String row) {
    String[] parts = row.split("(?<!\\\\)\\|");
    List<String> cells = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      cells.add(parts[i].strip());
    }
    return cells;
  }

  private static String unquote(String cell) {
    return cell.replace("`", "");
  }

  @Test
  void everyFieldsBoundsAreTheReadmes() throws IOException {
    Map<String, String> readme = readmeBounds();
    assertThat(Fields.all()).isNotEmpty();
    for (Fields.Field<?> f : Fields.all().values()) {
      assertThat(readme).as("README documents the bounds of " + f.path()).containsKey(f.path());
      assertThat(readme.get(f.path())).as(f.path()).isEqualTo(f.bounds());
    }
    // and README gives no bounds for a field the loader does not know
    readme.forEach((path, b) -> {
      if (!b.equals("—")) {
        assertThat(Fields.all()).as("bounds of " + path + " in README").containsKey(path);
      }
    });
  }

  @Test
  void everyScalarTheLoaderReadsIsAFieldWithBounds() {
    String full = ScenarioLoaderTest.EXPLICIT
        .replace("  tick: 5ms\n", "  tick: 5ms\n  model: touch\n")
        .replace("    - at: 0s\n      mix:\n", "    - at: 0s\n      mix:\n"
            + "        - {pattern: hotset, weight: 1, hot_fraction: 0.2, hot_share: 0.9, position: 0, drift: 0/s}\n"
            + "        - {pattern: zipf, skew: 1, scrambled: true}\n"
            + "        - {pattern: scan, stride: 1, looping: true, start: 0, length: 1}\n"
            + "        - {pattern: growth, from: 0.1, to: 1, over: 1s}\n"
            + "        - {pattern: periodic, start: 0, length: 1, period: 1s, hot_share: 0.9}\n")
        .replace("faults: []", "faults:\n"
            + "  - {type: agent_slow, at: 1s, duration: 1s, factor: 2}\n"
            + "  - {type: corrupt_recommendations, at: 1s, count: 2}\n"
            + "  - {type: memory_pressure, at: 1s, duration: 1s, capacity: 50%}\n"
            + "  - {type: workload_shift, at: 2s, to_phase: 0}");
    // the alternatives: size instead of pages, quota_time instead of quota_ms, a trace instead of phases
    String trace = ScenarioLoaderTest.MINIMAL.replace("pages: 1024", "size: 4MiB")
        .replaceAll("(?s)  phases:.*", "  trace:\n    path: x\n"
        + "    format: csv\n    addresses: pages\n    page_size: 4KiB\n    time: rate\n    rate: 10/s\n"
        + "    lenient: false\n    loop: false\npolicy:\n  quota_time: 10ms\n");
    // and an outside agent
    String external = ScenarioLoaderTest.MINIMAL + "agent:\n  model: external\n  command: [sh]\n"
        + "  wall_time_factor: 0\n  reply_timeout: 10s\n  start_timeout: 30s\n  restart_delay: 5s\n"
        + "  max_restarts: 10\n  log_limit: 1MiB\n  env: {A: b}\n";
    List<Map.Entry<String, ValueType<?>>> read = new ArrayList<>(ScenarioLoader.typesRead(full));
    read.addAll(ScenarioLoader.typesRead(trace));
    read.addAll(ScenarioLoader.typesRead(external));
    assertThat(read).hasSizeGreaterThan(90);
    for (Map.Entry<String, ValueType<?>> e : read) {
      assertThat(e.getValue()).as(e.getKey() + " is read with a Fields entry").isInstanceOf(Fields.Field.class);
    }
    // every Fields entry is read by one of the two files
    List<String> leaves = read.stream().map(e -> ((Fields.Field<?>) e.getValue()).path()).distinct().toList();
    assertThat(leaves).containsExactlyInAnyOrderElementsOf(Fields.all().keySet());
  }
}
