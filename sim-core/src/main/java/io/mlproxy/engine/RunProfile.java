package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Where a run's time went ({@code workbench run --profile}): the wall time of each step the run
 * takes one after the other (start-up, checks, simulation, writing, reports), and within the
 * simulation the CPU time of producing the workload streams and of each variant's simulation
 * (summed over replications; variants run in parallel, so these add up to more than the wall
 * time of the simulation on several cores). Thread-safe.
 */
public final class RunProfile {

  /** A profile that records nothing (and makes the run measure nothing). */
  public static final RunProfile NONE = new RunProfile(false);

  private final boolean enabled;
  /** The process's CPU time when the last step ended (0: the process's start). */
  private long lastProcessCpu;
  private final Map<String, long[]> steps = new LinkedHashMap<>();
  private final EnumMap<Variant, long[]> variants = new EnumMap<>(Variant.class);
  /** Per step, the wall time of its parts (e.g. the report's reading, charts and HTML). */
  private final Map<String, Map<String, long[]>> parts = new LinkedHashMap<>();
  private long generationNanos;
  private long traceReadNanos;
  private int streams;

  private RunProfile(boolean enabled) {
    this.enabled = enabled;
  }

  /** A profile that records. */
  public static RunProfile recording() {
    return new RunProfile(true);
  }

  /** Whether this profile records anything. */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Adds {@code nanos} of wall time to the step {@code name} (steps print in the order first seen),
   * and the CPU time the whole process used since the previous step ended (the steps follow one
   * another: what every thread of the process, the JIT compilers and the collector included, spent
   * while this step ran).
   */
  public void addStep(String name, long nanos) {
    addStep(name, nanos, enabled ? processCpuNanos() : -1);
  }

  /**
   * As {@link #addStep(String, long)}, for a step that ended earlier, when the process had used
   * {@code processCpuAtEnd} ns of CPU ({@link #processCpuNanos()} then).
   */
  public void addStep(String name, long nanos, long processCpuAtEnd) {
    if (!enabled) {
      return;
    }
    long cpu = processCpuAtEnd;
    synchronized (this) {
      long[] s = steps.computeIfAbsent(name, k -> new long[3]);
      s[0] += nanos;
      s[1]++;
      if (cpu >= 0) {
        s[2] += cpu - lastProcessCpu;
        lastProcessCpu = cpu;
      }
    }
  }

  /** The CPU time of the whole process so far, or -1 where the JVM does not tell. */
  public static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** Adds {@code nanos} of wall time to {@code part} of the step {@code step}, printed under it. */
  public void addPart(String step, String part, long nanos) {
    if (!enabled) {
      return;
    }
    synchronized (this) {
      long[] s = parts.computeIfAbsent(step, k -> new LinkedHashMap<>()).computeIfAbsent(part, k -> new long[1]);
      s[0] += nanos;
    }
  }

  /** Runs {@code work} and adds its wall time to the step {@code name}. */
  public <T> T time(String name, Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      addStep(name, System.nanoTime() - start);
    }
  }

  /** Runs {@code work} and adds its wall time to the step {@code name}. */
  public void time(String name, Runnable work) {
    time(name, () -> {
      work.run();
      return null;
    });
  }

  /** Adds the time one replication's stream took to produce: trace reading or generation. */
  synchronized void addProduction(boolean trace, long nanos) {
    if (!enabled) {
      return;
    }
    streams++;
    if (trace) {
      traceReadNanos += nanos;
    } else {
      generationNanos += nanos;
    }
  }

  /** Adds one run of {@code v}: the CPU time of its simulation, stream production not included. */
  synchronized void addSimulation(Variant v, long cpuNanos) {
    if (!enabled) {
      return;
    }
    long[] s = variants.computeIfAbsent(v, k -> new long[2]);
    s[0] += cpuNanos;
    s[1]++;
  }

  /** The profile as lines of text, one step per line. */
  public synchronized List<String> lines() {
    List<String> out = new ArrayList<>();
    long total = 0;
    for (long[] s : steps.values()) {
      total += s[0];
    }
    long totalCpu = 0;
    for (long[] s : steps.values()) {
      totalCpu += s[2];
    }
    out.add(String.format(Locale.ROOT, "profile (each step's wall time and the process's CPU time meanwhile; the"
        + " simulation's parts in CPU seconds of their threads):"));
    for (Map.Entry<String, long[]> e : steps.entrySet()) {
      out.add(String.format(Locale.ROOT, "  %-44s %8.3f s %8.3f s CPU%s", e.getKey(), e.getValue()[0] / 1e9,
          e.getValue()[2] / 1e9, e.getValue()[1] > 1 ? " (" + e.getValue()[1] + " times)" : ""));
      for (Map.Entry<String, long[]> p : parts.getOrDefault(e.getKey(), Map.of()).entrySet()) {
        out.add(String.format(Locale.ROOT, "    %-42s %8.3f s", p.getKey(), p.getValue()[0] / 1e9));
      }
      if (e.getKey().startsWith("simulation")) {
        if (streams > 0) {
          String what = traceReadNanos > 0 && generationNanos == 0 ? "trace read" : "workload generation";
          out.add(String.format(Locale.ROOT, "    %-42s %8.3f s CPU (%d streams, one per replication)",
              what, (traceReadNanos + generationNanos) / 1e9, streams));
        }
        for (Map.Entry<Variant, long[]> v : variants.entrySet()) {
          out.add(String.format(Locale.ROOT, "    %-42s %8.3f s CPU (%d runs)", "simulation of " + v.getKey().yamlName(),
              v.getValue()[0] / 1e9, v.getValue()[1]));
        }
      }
    }
    out.add(String.format(Locale.ROOT, "  %-44s %8.3f s %8.3f s CPU", "total of the steps", total / 1e9,
        totalCpu / 1e9));
    return out;
  }
}
