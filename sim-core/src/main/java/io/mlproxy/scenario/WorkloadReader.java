package io.mlproxy.scenario;

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

  /** The patterns a mix entry may name. */
  enum Pattern {
    HOTSET, ZIPF, SCAN, UNIFORM, GROWTH, PERIODIC;

    String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private WorkloadReader() {}

  /**
   * @param durationUs the scenario's duration, or -1 when it is unknown (missing or bad)
   * @param baseDir folder against which relative trace paths are resolved
   * @param memory the memory section as read (its pages are -1 when missing or bad)
   */
  static WorkloadSpec read(Section s, MonitorSpec monitor, long durationUs, Path baseDir, MemorySpec memory) {
    Problems p = s.problems();
    long rate = s.get("rate", WorkloadSpec.DEFAULT_RATE, Fields.RATE);
    Optional<WorkloadSpec.Model> model = s.has("model")
        ? Optional.ofNullable(s.get("model", null, Fields.WORKLOAD_MODEL)) : Optional.empty();
    long tick = s.get("tick", monitor.samplingUs(), Fields.TICK);
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
    model(s, model, hasTrace, memory);
    s.finish();
    return new WorkloadSpec(rate, tick, phases, trace, model);
  }

  /** The model's cross-field checks: traces are touch-based, and the touch model holds at most 2^22 pages. */
  private static void model(Section s, Optional<WorkloadSpec.Model> model, boolean hasTrace, MemorySpec memory) {
    Problems p = s.problems();
    if (model.isPresent() && model.get() == WorkloadSpec.Model.RATE && hasTrace) {
      s.error("model", "rate applies to synthetic phases only: a trace is replayed touch by touch (expected "
          + "touch, or no model, with workload.trace)");
      return;
    }
    int pages = memory.pages();
    boolean touch = model.map(m -> m == WorkloadSpec.Model.TOUCH).orElse(hasTrace || pages <= WorkloadSpec.RATE_ABOVE_PAGES);
    if (pages > Fields.MAX_TOUCH_PAGES && touch) {
      String why = pages + " pages is more than the touch model holds (at most " + Fields.MAX_TOUCH_PAGES
          + " pages: it keeps about 70 bytes per page per parallel job, and 2^24 pages needed a 2 GiB heap)";
      if (model.isPresent()) {
        s.error("model", "touch: " + why + " (expected model: rate, or fewer pages)");
      } else {
        p.addAt(p.given("memory.size") ? "memory.size" : "memory.pages", why + " (expected at most " + Fields.MAX_TOUCH_PAGES
            + " pages with a trace, or synthetic phases, which are rate-based above " + WorkloadSpec.RATE_ABOVE_PAGES
            + " pages)");
      }
    }
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
      long at = ph.require("at", -1L, Fields.PHASE_AT);
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
    Pattern type = m.require("pattern", null, Fields.PATTERN);
    double weight = m.get("weight", 1.0, Fields.WEIGHT);
    if (type == null) {
      PATTERN_KEYS.values().forEach(keys -> m.know(keys.toArray(String[]::new)));
      return null;
    }
    PatternSpec pattern =
        switch (type) {
          case HOTSET -> {
            PatternSpec.Hotset d = PatternSpec.Hotset.defaults();
            yield new PatternSpec.Hotset(
                m.get("hot_fraction", d.hotFraction(), Fields.HOT_FRACTION),
                m.get("hot_share", d.hotShare(), Fields.HOT_SHARE),
                m.get("position", d.position(), Fields.POSITION),
                m.get("drift", d.driftPagesPerSecond(), Fields.DRIFT));
          }
          case ZIPF -> {
            PatternSpec.Zipf d = PatternSpec.Zipf.defaults();
            yield new PatternSpec.Zipf(
                m.get("skew", d.skew(), Fields.SKEW),
                m.get("scrambled", d.scrambled(), Fields.SCRAMBLED));
          }
          case SCAN -> {
            PatternSpec.Scan d = PatternSpec.Scan.defaults();
            int stride = m.get("stride", d.stride(), Fields.STRIDE);
            boolean looping = m.get("looping", d.looping(), Fields.LOOPING);
            double[] range = range(m, d.start(), d.length(), Fields.SCAN_START, Fields.SCAN_LENGTH);
            yield new PatternSpec.Scan(stride, looping, range[0], range[1]);
          }
          case UNIFORM -> {
            PatternSpec.Uniform d = PatternSpec.Uniform.defaults();
            double[] range = range(m, d.start(), d.length(), Fields.UNIFORM_START, Fields.UNIFORM_LENGTH);
            yield new PatternSpec.Uniform(range[0], range[1]);
          }
          case GROWTH -> {
            double from = m.get("from", 0.1, Fields.GROWTH_FROM);
            double to = m.get("to", 1.0, Fields.GROWTH_TO);
            long over = m.require("over", 1L, Fields.GROWTH_OVER);
            if (m.problems().ok(m.field("from"), m.field("to")) && from > to) {
              m.error("to", "must be ≥ from (" + from + "), got " + to + " (expected a footprint that grows)");
            }
            yield new PatternSpec.Growth(from, to, over);
          }
          case PERIODIC -> {
            double[] range = range(m, 0, 1, Fields.PERIODIC_START, Fields.PERIODIC_LENGTH);
            long period = m.require("period", 2L, Fields.PERIODIC_PERIOD);
            double hotShare = m.get("hot_share", 0.9, Fields.PERIODIC_HOT_SHARE);
            yield new PatternSpec.Periodic(range[0], range[1], period, hotShare);
          }
        };
    return new PhaseSpec.MixEntry(pattern, weight);
  }

  /** start and length of a range within the address space, checked to fit. */
  private static double[] range(Section m, double defaultStart, double defaultLength, ValueType<Double> startType,
      ValueType<Double> lengthType) {
    double start = m.get("start", defaultStart, startType);
    double length = m.get("length", defaultLength, lengthType);
    if (m.problems().ok(m.field("start"), m.field("length")) && start + length > 1 + EPSILON) {
      m.error("length", "start + length = " + (start + length)
          + " runs past the end of the address space (expected start + length ≤ 1)");
    }
    return new double[] {start, length};
  }

  private static TraceSpec trace(Section t, long workloadRate, Path baseDir) {
    Problems p = t.problems();
    String pathText = t.require("path", null, Fields.TRACE_PATH);
    Path path = null;
    if (pathText != null) {
      path = resolve(t, pathText, baseDir);
    }
    TraceSpec.Format format = t.require("format", null, Fields.TRACE_FORMAT);
    ValueType<TraceSpec.Addresses> addressesType = Fields.TRACE_ADDRESSES;
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
    long pageSize = t.get("page_size", MemorySpec.DEFAULT_PAGE_SIZE, Fields.TRACE_PAGE_SIZE);
    TraceSpec.Time time = t.get("time", TraceSpec.Time.RATE, Fields.TRACE_TIME);
    if (time == TraceSpec.Time.COLUMN && format != null
        && format != TraceSpec.Format.CSV && format != TraceSpec.Format.ORACLE_GENERAL) {
      t.error("time", "format " + format.yamlName() + " has no time column (expected time: rate, or format csv or oracle_general)");
    }
    long rate = workloadRate;
    if (t.has("rate")) {
      if (time == TraceSpec.Time.COLUMN) {
        t.error("rate", "applies only with time: rate (expected no rate: times come from the trace's column)");
      } else {
        rate = t.get("rate", workloadRate, Fields.TRACE_RATE);
      }
    }
    boolean lenient = t.get("lenient", false, Fields.TRACE_LENIENT);
    boolean loop = t.get("loop", false, Fields.TRACE_LOOP);
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
