package io.mlproxy.scenario;

import static io.mlproxy.scenario.ValueType.bool;
import static io.mlproxy.scenario.ValueType.durationUs;
import static io.mlproxy.scenario.ValueType.fraction;
import static io.mlproxy.scenario.ValueType.intRange;
import static io.mlproxy.scenario.ValueType.number;
import static io.mlproxy.scenario.ValueType.oneOf;
import static io.mlproxy.scenario.ValueType.pageSize;
import static io.mlproxy.scenario.ValueType.touchRate;
import static io.mlproxy.scenario.ValueType.signedRate;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the workload section: synthetic phases with their pattern mixes, or a trace. */
final class WorkloadReader {
  private static final double EPSILON = 1e-9;

  /** Each pattern's parameters, so that a parameter of another pattern is reported as unknown. */
  static final Map<String, List<String>> PATTERN_KEYS =
      Map.of(
          "hotset", List.of("hot_fraction", "hot_share", "position", "drift"),
          "zipf", List.of("skew", "scrambled"),
          "scan", List.of("stride", "looping", "start", "length"),
          "uniform", List.of("start", "length"),
          "growth", List.of("from", "to", "over"),
          "periodic", List.of("start", "length", "period", "hot_share"));

  private enum Pattern {
    HOTSET, ZIPF, SCAN, UNIFORM, GROWTH, PERIODIC;

    String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private WorkloadReader() {}

  /**
   * @param durationUs the scenario's duration, or -1 when it is unknown (missing or bad)
   * @param baseDir folder against which relative trace paths are resolved
   */
  static WorkloadSpec read(Section s, MonitorSpec monitor, long durationUs, Path baseDir) {
    Problems p = s.problems();
    long rate = s.get("rate", WorkloadSpec.DEFAULT_RATE, touchRate());
    long tick = s.get("tick", monitor.samplingUs(), durationUs(1));
    if (s.has("tick") && p.ok(s.field("tick"), "monitor.sampling") && monitor.samplingUs() % tick != 0) {
      s.error("tick", "monitor.sampling (" + Units.formatDurationUs(monitor.samplingUs())
          + ") must be a multiple of tick, got " + Units.formatDurationUs(tick)
          + " (expected a tick that divides the sampling interval: DAMON samples after each batch)");
    }
    List<PhaseSpec> phases = List.of();
    Optional<TraceSpec> trace = Optional.empty();
    boolean hasPhases = s.has("phases");
    boolean hasTrace = s.has("trace");
    if (hasPhases && hasTrace) {
      p.add(s.keyNode("trace"), s.field("trace"),
          "give either phases or trace, not both (expected exactly one of workload.phases, workload.trace)");
    } else if (!hasPhases && !hasTrace) {
      p.add(s.node(), s.field("phases"),
          "missing required field (expected workload.phases, a list of phases, or workload.trace)");
    } else if (hasPhases) {
      phases = phases(s, durationUs);
    } else {
      trace = Optional.ofNullable(trace(s.section("trace"), rate, baseDir));
    }
    s.finish();
    return new WorkloadSpec(rate, tick, phases, trace);
  }

  private static List<PhaseSpec> phases(Section s, long durationUs) {
    Problems p = s.problems();
    List<Node> items = s.list("phases", "a list of phases, each with at and mix");
    if (items == null) {
      return List.of();
    }
    if (items.isEmpty()) {
      s.error("phases", "the list is empty (expected at least one phase, starting at 0s)");
    }
    List<PhaseSpec> phases = new ArrayList<>();
    long previousAt = -1;
    for (int i = 0; i < items.size(); i++) {
      Section ph = Section.of(items.get(i), s.field("phases") + "[" + i + "]", p);
      long at = ph.require("at", -1L, durationUs(0));
      if (at >= 0) {
        if (i == 0 && at != 0) {
          ph.error("at", "the first phase starts at " + Units.formatDurationUs(at) + " (expected 0s)");
        } else if (i > 0 && previousAt >= 0 && at <= previousAt) {
          ph.error("at", "phases must start in increasing order, got " + Units.formatDurationUs(at)
              + " after " + Units.formatDurationUs(previousAt) + " (expected a later time)");
        } else if (durationUs > 0 && at >= durationUs) {
          ph.error("at", Units.formatDurationUs(at) + " is not before the scenario's end (expected < duration "
              + Units.formatDurationUs(durationUs) + ")");
        }
      }
      previousAt = at;
      List<PhaseSpec.MixEntry> mix = new ArrayList<>();
      List<Node> entries = ph.list("mix", "a list of patterns, each with pattern and its parameters");
      if (entries == null && !ph.has("mix")) {
        p.add(ph.node(), ph.field("mix"), "missing required field (expected a list of patterns)");
      } else if (entries != null && entries.isEmpty()) {
        ph.error("mix", "the list is empty (expected at least one pattern)");
      } else if (entries != null) {
        for (int j = 0; j < entries.size(); j++) {
          Section m = Section.of(entries.get(j), ph.field("mix") + "[" + j + "]", p);
          PhaseSpec.MixEntry e = mixEntry(m);
          if (e != null) {
            mix.add(e);
          }
          m.finish();
        }
      }
      ph.finish();
      phases.add(new PhaseSpec(Math.max(at, 0), mix));
    }
    return phases;
  }

  private static PhaseSpec.MixEntry mixEntry(Section m) {
    Pattern type = m.require("pattern", null, oneOf(Pattern.class, Pattern::yamlName));
    double weight = m.get("weight", 1.0, number(0, true, Double.MAX_VALUE));
    if (type == null) {
      PATTERN_KEYS.values().forEach(keys -> m.know(keys.toArray(String[]::new)));
      return null;
    }
    PatternSpec pattern =
        switch (type) {
          case HOTSET -> {
            PatternSpec.Hotset d = PatternSpec.Hotset.defaults();
            yield new PatternSpec.Hotset(
                m.get("hot_fraction", d.hotFraction(), number(0, true, 1)),
                m.get("hot_share", d.hotShare(), fraction()),
                m.get("position", d.position(), fraction()),
                m.get("drift", d.driftPagesPerSecond(), signedRate()));
          }
          case ZIPF -> {
            PatternSpec.Zipf d = PatternSpec.Zipf.defaults();
            yield new PatternSpec.Zipf(
                m.get("skew", d.skew(), number(0, true, 20)),
                m.get("scrambled", d.scrambled(), bool()));
          }
          case SCAN -> {
            PatternSpec.Scan d = PatternSpec.Scan.defaults();
            int stride = m.get("stride", d.stride(), intRange(1, Integer.MAX_VALUE));
            boolean looping = m.get("looping", d.looping(), bool());
            double[] range = range(m, d.start(), d.length());
            yield new PatternSpec.Scan(stride, looping, range[0], range[1]);
          }
          case UNIFORM -> {
            PatternSpec.Uniform d = PatternSpec.Uniform.defaults();
            double[] range = range(m, d.start(), d.length());
            yield new PatternSpec.Uniform(range[0], range[1]);
          }
          case GROWTH -> {
            double from = m.get("from", 0.1, number(0, true, 1));
            double to = m.get("to", 1.0, number(0, true, 1));
            long over = m.require("over", 1L, durationUs(1));
            if (m.problems().ok(m.field("from"), m.field("to")) && from > to) {
              m.error("to", "must be ≥ from (" + from + "), got " + to + " (expected a footprint that grows)");
            }
            yield new PatternSpec.Growth(from, to, over);
          }
          case PERIODIC -> {
            double[] range = range(m, 0, 1);
            long period = m.require("period", 2L, durationUs(2));
            double hotShare = m.get("hot_share", 0.9, fraction());
            yield new PatternSpec.Periodic(range[0], range[1], period, hotShare);
          }
        };
    return new PhaseSpec.MixEntry(pattern, weight);
  }

  /** start and length of a range within the address space, checked to fit. */
  private static double[] range(Section m, double defaultStart, double defaultLength) {
    double start = m.get("start", defaultStart, fraction());
    double length = m.get("length", defaultLength, number(0, true, 1));
    if (m.problems().ok(m.field("start"), m.field("length")) && start + length > 1 + EPSILON) {
      m.error("length", "start + length = " + (start + length)
          + " runs past the end of the address space (expected start + length ≤ 1)");
    }
    return new double[] {start, length};
  }

  private static TraceSpec trace(Section t, long workloadRate, Path baseDir) {
    Problems p = t.problems();
    String pathText = t.require("path", null, ValueType.string());
    Path path = null;
    if (pathText != null) {
      path = resolve(t, pathText, baseDir);
    }
    TraceSpec.Format format = t.require("format", null, oneOf(TraceSpec.Format.class, TraceSpec.Format::yamlName));
    ValueType<TraceSpec.Addresses> addressesType = oneOf(TraceSpec.Addresses.class, TraceSpec.Addresses::yamlName);
    TraceSpec.Addresses addresses = TraceSpec.Addresses.BYTES;
    if (format == TraceSpec.Format.PLAIN || format == TraceSpec.Format.CSV) {
      if (t.has("addresses")) {
        addresses = t.get("addresses", addresses, addressesType);
      } else {
        p.add(t.node(), t.field("addresses"), "missing required field for format " + format.yamlName()
            + " (expected bytes or pages: the file does not say which)");
      }
    } else {
      TraceSpec.Addresses d = format == TraceSpec.Format.ORACLE_GENERAL
          ? TraceSpec.Addresses.PAGES : TraceSpec.Addresses.BYTES;
      addresses = t.get("addresses", d, addressesType);
      if (format == TraceSpec.Format.LACKEY && addresses == TraceSpec.Addresses.PAGES) {
        t.error("addresses", "lackey traces hold byte addresses (expected bytes, or no addresses key)");
      }
    }
    long pageSize = t.get("page_size", MemorySpec.DEFAULT_PAGE_SIZE, pageSize(64, 1L << 30));
    TraceSpec.Time time = t.get("time", TraceSpec.Time.RATE, oneOf(TraceSpec.Time.class, TraceSpec.Time::yamlName));
    if (time == TraceSpec.Time.COLUMN && format != null
        && format != TraceSpec.Format.CSV && format != TraceSpec.Format.ORACLE_GENERAL) {
      t.error("time", "format " + format.yamlName() + " has no time column (expected time: rate, or format csv or oracle_general)");
    }
    long rate = workloadRate;
    if (t.has("rate")) {
      if (time == TraceSpec.Time.COLUMN) {
        t.error("rate", "applies only with time: rate (expected no rate: times come from the trace's column)");
      } else {
        rate = t.get("rate", workloadRate, touchRate());
      }
    }
    boolean lenient = t.get("lenient", false, bool());
    boolean loop = t.get("loop", false, bool());
    t.finish();
    if (path == null || format == null) {
      return null;
    }
    return new TraceSpec(path, format, addresses, pageSize, time, rate, lenient, loop);
  }

  private static Path resolve(Section t, String text, Path baseDir) {
    Path path;
    try {
      path = Path.of(text);
    } catch (InvalidPathException e) {
      t.error("path", "'" + text + "' is not a valid path (" + e.getReason() + ")");
      return null;
    }
    if (text.isBlank()) {
      t.error("path", "empty path (expected the trace file's path)");
      return null;
    }
    Path resolved = (path.isAbsolute() ? path : baseDir.resolve(path)).normalize();
    if (!Files.exists(resolved)) {
      t.error("path", "trace file " + resolved + " does not exist (expected an existing file; relative "
          + "paths are resolved against the scenario file's folder)");
      return null;
    }
    if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
      t.error("path", resolved + " is not a readable file (expected a trace file)");
      return null;
    }
    return resolved;
  }
}
