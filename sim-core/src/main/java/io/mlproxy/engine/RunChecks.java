package io.mlproxy.engine;

import io.mlproxy.policy.BreakEven;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.scenario.MemorySpec;
import io.mlproxy.scenario.SafeText;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioCheck;
import io.mlproxy.scenario.TraceSpec;
import io.mlproxy.scenario.Units;
import io.mlproxy.scenario.Variant;
import io.mlproxy.scenario.WorkloadSpec;
import io.mlproxy.workload.RateModel;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceFormatException;
import io.mlproxy.workload.Traces;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Every check a run makes before simulating, as a {@link ScenarioCheck}: {@code workbench
 * validate} and {@code workbench run} make the same ones, and report them with file, line, column
 * and field. {@link ScenarioCompiler} derives the run's figures through {@link #derive}, so a
 * scenario these checks accept compiles.
 *
 * <p>Checked: the trace (readable, not empty, not spanning zero time with its own time column,
 * no more distinct pages than memory.pages), a rate-based workload's epochs (at most
 * {@link RateModel#MAX_EPOCHS}), the break-even time B against the feedback window W, and the work
 * of the run against {@link WorkLimits} (lifted by {@code --force}).
 */
public final class RunChecks implements ScenarioCheck {

  private final WorkLimits limits;
  private final UnaryOperator<Scenario> overrides;
  private final TraceReading reading;

  /** How much of a trace the checks read before the run. */
  public enum TraceReading {
    /**
     * The whole part the run replays, checked before anything runs (validate): readable, not
     * empty, no more distinct pages than the address space, its span and rate.
     */
    AHEAD,
    /**
     * Only what the run needs before it starts (run): a trace with its own times ({@code time:
     * column}) is read ahead for its mean rate (B) and span (the loop's period); any other trace
     * is opened and its first records read, and the rest is checked as the run replays it.
     */
    AS_REPLAYED
  }

  /** The work estimate of each scenario checked, by name. */
  private final java.util.Map<String, WorkEstimate> estimates = new java.util.concurrent.ConcurrentHashMap<>();

  /** Checks with {@code limits}, after applying the command line's {@code overrides} to the scenario. */
  public RunChecks(WorkLimits limits, UnaryOperator<Scenario> overrides) {
    this(limits, overrides, TraceReading.AHEAD);
  }

  /** As above, reading a trace ahead as {@code reading} says. */
  public RunChecks(WorkLimits limits, UnaryOperator<Scenario> overrides, TraceReading reading) {
    this.limits = limits;
    this.overrides = overrides;
    this.reading = reading;
  }

  /** Checks the scenario as written, with the default work limits. */
  public static RunChecks standard() {
    return new RunChecks(WorkLimits.DEFAULT, UnaryOperator.identity());
  }

  @Override
  public void check(Scenario scenario, Findings findings) {
    Derived d = derive(overrides.apply(scenario), findings, limits, reading);
    if (d != null && d.work() != null) {
      estimates.put(scenario.name(), d.work());
    }
  }

  /** The estimated work of the scenario named {@code name}, if these checks passed it. */
  public java.util.Optional<WorkEstimate> estimate(String name) {
    return java.util.Optional.ofNullable(estimates.get(name));
  }

  /**
   * What compiling needs and the checks find.
   *
   * @param trace the trace's footprint over the part the run replays, or null for phases and for a
   *     trace not read ahead
   * @param touchesPerSecond the mean rate, for B
   * @param breakEvenMs B
   * @param feedbackWindowMs W, the scenario's or (auto) {@link #autoFeedbackWindowMs} of B
   * @param work the estimated work of the whole run
   * @param rate the workload's rates when it is rate-based ({@code workload.model: rate}), else null
   */
  public record Derived(TraceFootprint trace, double touchesPerSecond, long breakEvenMs, long feedbackWindowMs,
                        WorkEstimate work, RateModel rate) {}

  /**
   * W when the scenario says auto: 2 x B, so a page left alone for W counts as much as one needed
   * again at once costs. The controller does not wait for W (a page left alone counts from B on,
   * gaining as it stays out), so W only caps how much a good page-out can count: shorter, and good
   * page-outs are undervalued against refaults; longer, and the upper bounds demotions rely on
   * grow too generous (measured on shifting-hotset, 10 replications: 1.25 B, 2 B and 3 B closed 84 %,
   * 95 % and 81 % of the gap ml-only closes; see the README).
   */
  public static long autoFeedbackWindowMs(long breakEvenMs) {
    return breakEvenMs > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : Math.max(breakEvenMs + 1, 2 * breakEvenMs);
  }

  /** Derives the run's figures, reading a trace ahead in full; see {@link #derive(Scenario, Findings, WorkLimits, TraceReading)}. */
  public static Derived derive(Scenario s, Findings findings, WorkLimits limits) {
    return derive(s, findings, limits, TraceReading.AHEAD);
  }

  /** Derives the run's figures, reporting every problem to {@code findings}; null parts where a problem stops it. */
  public static Derived derive(Scenario s, Findings findings, WorkLimits limits, TraceReading reading) {
    MemorySpec m = s.memory();
    TraceFootprint trace = null;
    double rate = s.workload().ratePerSecond();
    if (s.workload().trace().isPresent()) {
      TraceSpec t = s.workload().trace().get();
      if (reading == TraceReading.AHEAD || t.time() == TraceSpec.Time.COLUMN) {
        trace = scanTrace(s, t, findings);
        if (trace == null) {
          return new Derived(null, rate, -1, -1, null, null);
        }
      } else if (!peekTrace(s, t, findings)) {
        return new Derived(null, rate, -1, -1, null, null);
      }
      rate = t.time() == TraceSpec.Time.RATE
          ? t.ratePerSecond()
          : trace.touches() / Math.max(1e-6, trace.durationUs() / 1e6);
    }
    RateModel rates = null;
    if (s.workload().modelFor(m.pages()) == WorkloadSpec.Model.RATE && !s.workload().isTrace()) {
      rates = rateModel(s, findings);
    }
    long faultUs = m.faultCostNs() / 1000;
    long pageoutUs = m.pageoutCostPerPageNs() / 1000;
    // the footprint is not known before running: the address space is its upper bound
    long breakEven = BreakEven.millis(s.objective().lambda(), faultUs, pageoutUs, m.pages(), rate, m.hitCostNs());
    long window = s.proxy().feedbackWindowUs().isPresent() ? s.proxy().feedbackWindowUs().getAsLong() / 1000
        : autoFeedbackWindowMs(breakEven);
    if (window > ModeThresholds.MAX_DURATION_MS) {
      findings.error("proxy.feedback_window", "auto = 2 × the break-even time B = " + millis(breakEven)
          + " exceeds the proxy's longest duration of " + millis(ModeThresholds.MAX_DURATION_MS)
          + " (expected a higher rate, a lower lambda or costs, or fewer pages)");
    } else if (window <= breakEven) {
      findings.error("proxy.feedback_window", Units.formatDurationUs(window * 1000)
          + " does not exceed the break-even time B = " + millis(breakEven) + " of this scenario: B = λ·(fault_cost"
          + " + pageout_cost_per_page)·pages / (rate·hit_cost) = " + fmt(s.objective().lambda()) + "·("
          + Units.formatDurationNs(m.faultCostNs()) + " + " + Units.formatDurationNs(m.pageoutCostPerPageNs())
          + ")·" + m.pages() + " / (" + fmt(rate) + "/s·" + Units.formatDurationNs(m.hitCostNs())
          + "), and no pageout could ever be judged worth it (expected a feedback_window longer than B, or a"
          + " higher rate, a lower lambda or costs, or fewer pages)");
    }
    if (s.workload().modelFor(m.pages()) == WorkloadSpec.Model.TOUCH) {
      oracleWindow(s, rate, breakEven, findings);
    }
    WorkEstimate work = WorkEstimate.of(s, trace, rates);
    String over = limits.exceeded(work);
    if (over != null) {
      findings.error("duration", "the run would take too long: " + over + " (expected a shorter duration, a "
          + "lower rate, longer intervals or fewer replications; or --force to run it anyway)");
    }
    return new Derived(trace, rate, breakEven, window, work, rates);
  }

  /** The rates of a synthetic workload, or null (and a finding) when it changes its rates too often. */
  private static RateModel rateModel(Scenario s, Findings findings) {
    try {
      SyntheticWorkload w =
          new SyntheticWorkload(s.memory().pages(), s.workload().ratePerSecond(), ScenarioCompiler.phases(s));
      return RateModel.compile(w, s.workload().tickUs(), s.durationUs());
    } catch (IllegalArgumentException e) {
      findings.error("workload.model", "rate: " + e.getMessage() + " (expected fewer rate changes: fewer phases,"
          + " longer periodic periods, slower drift or growth over a longer time; or model: touch)");
      return null;
    }
  }

  /**
   * Most touches the oracle may hold ahead of now: its look-ahead keeps 12 bytes per touch within
   * its horizon, and two replications may run side by side (2^23 touches: 96 MiB each).
   */
  public static final long MAX_ORACLE_WINDOW_TOUCHES = 1L << 23;

  private static void oracleWindow(Scenario s, double rate, long breakEvenMs, Findings findings) {
    if (!s.variants().contains(Variant.ORACLE)) {
      return;
    }
    boolean auto = s.oracle().horizonUs().isEmpty();
    long horizonUs = auto ? (breakEvenMs < Long.MAX_VALUE / 1000 ? breakEvenMs * 1000 : Long.MAX_VALUE)
        : s.oracle().horizonUs().getAsLong();
    long windowUs = Math.min(horizonUs, s.durationUs());
    double touches = rate * (windowUs / 1e6);
    if (touches > MAX_ORACLE_WINDOW_TOUCHES) {
      findings.error("oracle.horizon", String.format(Locale.ROOT, "the oracle would hold %.2g touches ahead"
          + " (rate × min(horizon, duration) = %s/s × %s%s, 12 bytes each); expected at most %d: a shorter"
          + " oracle.horizon, a lower rate, or no oracle variant", touches, fmt(rate),
          Units.formatDurationUs(windowUs), auto ? ", the horizon being B" : "", MAX_ORACLE_WINDOW_TOUCHES));
    }
  }

  /**
   * Opens the trace and reads its first records: false (and a finding) when it cannot be opened,
   * its first records are bad or it holds no record at all.
   */
  private static boolean peekTrace(Scenario s, TraceSpec t, Findings findings) {
    io.mlproxy.workload.TraceSpec spec = ScenarioCompiler.traceSpec(t, s.memory().pages());
    String name = SafeText.escapeLine(t.path().toString());
    try (io.mlproxy.workload.TraceStream stream = Traces.open(spec)) {
      int[] pages = new int[64];
      long[] times = new long[64];
      if (stream.read(pages, times, pages.length) == 0) {
        findings.error("workload.trace.path", name + " holds no record to replay"
            + (stream.skippedRecords() > 0 ? ": all " + stream.skippedRecords()
                + " records are malformed (skipped: lenient)" : "") + " (expected at least one valid record)");
        return false;
      }
      return true;
    } catch (TraceFormatException e) {
      findings.error("workload.trace.path", SafeText.escapeLine(e.getMessage()));
      return false;
    } catch (UncheckedIOException e) {
      findings.error("workload.trace.path", "cannot read " + name + ": "
          + SafeText.escapeLine(String.valueOf(e.getCause().getMessage())));
      return false;
    }
  }

  /** Reads the part of the trace the run replays; null (and a finding) when it cannot be replayed. */
  private static TraceFootprint scanTrace(Scenario s, TraceSpec t, Findings findings) {
    io.mlproxy.workload.TraceSpec spec = ScenarioCompiler.traceSpec(t, s.memory().pages());
    String name = SafeText.escapeLine(t.path().toString());
    TraceFootprint f;
    try {
      // the touches a run replays before its end, and no more: a looped trace is read whole
      long endUs = t.loop() ? Long.MAX_VALUE : s.durationUs();
      f = FootprintCache.scan(spec, endUs);
    } catch (TraceFormatException e) {
      findings.error("workload.trace.path", SafeText.escapeLine(e.getMessage()));
      return null;
    } catch (UncheckedIOException e) {
      findings.error("workload.trace.path", "cannot read " + name + ": "
          + SafeText.escapeLine(String.valueOf(e.getCause().getMessage())));
      return null;
    }
    if (f.touches() == 0) {
      findings.error("workload.trace.path", name + " holds no record to replay"
          + (f.skippedRecords() > 0 ? ": all " + f.skippedRecords() + " records are malformed (skipped: lenient)" : "")
          + " (expected at least one valid record)");
      return null;
    }
    if (t.time() == TraceSpec.Time.COLUMN && f.durationUs() == 0) {
      findings.error("workload.trace.time", "every touch of " + name + " is at the same time ("
          + f.touches() + (f.touches() == 1 ? " touch" : " touches") + "): the trace spans no time, so it has no "
          + "rate to replay or loop at (expected increasing times in the column, or time: rate)");
      return null;
    }
    if (f.distinctPages() > s.memory().pages()) {
      findings.error("memory.pages", name + " touches " + f.distinctPages() + " distinct pages before the run's end"
          + " but the address space has " + s.memory().pages() + " (expected memory.pages or memory.size to hold"
          + " at least " + f.distinctPages() + " pages)");
      return null;
    }
    return f;
  }

  /**
   * How much a run does, summed over every variant and replication it simulates; {@code pageEpochs}
   * (pages × rate epochs: each page's accesses may be drawn once per epoch) is 0 for touch-based
   * runs, whose {@code touches} are all replayed, while a rate-based run replays only its scans'.
   */
  public record WorkEstimate(long runs, long touches, long events, long regionVisits, long rows, long pageEpochs) {

    /** An estimate of a touch-based run. */
    public WorkEstimate(long runs, long touches, long events, long regionVisits, long rows) {
      this(runs, touches, events, regionVisits, rows, 0);
    }

    /** The estimate of running {@code s} (the reference variant {@code none} always runs). */
    static WorkEstimate of(Scenario s, TraceFootprint trace, RateModel rates) {
      long duration = s.durationUs();
      java.util.Set<Variant> run = java.util.EnumSet.copyOf(s.variants());
      run.add(Variant.NONE);
      long runs = Sat.mul(s.replications(), run.size());
      long agentRuns = Sat.mul(s.replications(), run.stream().filter(Variant::runsAgent).count());
      long touches = Sat.mul(runs, rates != null ? rates.scanTouchesBefore(s.durationUs()) : touchesPerRun(s, trace));
      long ticks = duration / s.workload().tickUs();
      long samples = duration / s.monitor().samplingUs();
      long aggregations = duration / s.monitor().aggregationUs();
      long perRun = Sat.add(Sat.add(ticks, Sat.mul(2, aggregations)), 2L * s.faults().size() + s.workload().phases().size());
      long agentEvents = Sat.mul(3, duration / s.agent().periodUs());
      long events = Sat.add(Sat.mul(runs, perRun), Sat.mul(agentRuns, agentEvents));
      long regions = Math.min(s.monitor().maxRegions(), s.memory().pages());
      long visits = Sat.mul(runs, Sat.mul(Sat.add(samples, aggregations), regions));
      // kept in memory until written: a time-series row per output step of every run, and a
      // heatmap row per aggregation of replication 1 of every variant
      long rows = Sat.add(Sat.mul(runs, duration / s.outputStepUs()), Sat.mul(run.size(), aggregations));
      long pageEpochs = rates == null ? 0 : Sat.mul(runs, Sat.mul(rates.pages(), rates.epochs()));
      return new WorkEstimate(runs, touches, events, visits, rows, pageEpochs);
    }

    private static long touchesPerRun(Scenario s, TraceFootprint trace) {
      long duration = s.durationUs();
      if (s.workload().trace().isEmpty()) {
        return Sat.mul(s.workload().ratePerSecond(), duration) / 1_000_000L;
      }
      TraceSpec t = s.workload().trace().get();
      if (trace == null) {
        // not read ahead (time: rate): at most the touches of the rate grid before the end
        return Sat.mul(t.ratePerSecond(), duration) / 1_000_000L;
      }
      if (!t.loop() || !trace.complete()) {
        return trace.touches();
      }
      if (t.time() == TraceSpec.Time.RATE) {
        return Sat.mul(t.ratePerSecond(), duration) / 1_000_000L;
      }
      long gap = trace.touches() > 1 ? Math.max(1, trace.durationUs() / (trace.touches() - 1)) : 1;
      long period = Sat.add(trace.durationUs(), gap);
      return Sat.mul(trace.touches(), duration / period + 1);
    }

    /**
     * "2 runs, 3.6e+07 touches, 7.2e+04 events, 2.0e+08 region visits, 4.0e+03 result rows", and
     * for a rate-based run the touches replayed (its scans') and ", 3.4e+07 page-epochs".
     */
    public String describe() {
      return String.format(Locale.ROOT, "%d runs, %.2g touches, %.2g events, %.2g region visits, %.2g result rows",
          runs, (double) touches, (double) events, (double) regionVisits, (double) rows)
          + (pageEpochs > 0 ? String.format(Locale.ROOT, ", %.2g page-epochs", (double) pageEpochs) : "");
    }
  }

  /**
   * How much work a run may take without {@code --force}: replayed touches, discrete events, region
   * visits (each sampling and aggregation visits every region) and result rows (held in memory,
   * about 150 to 300 bytes each, until written), summed over its runs.
   */
  public record WorkLimits(long touches, long events, long regionVisits, long rows, long pageEpochs) {

    /** Some minutes on the 2-core development machine for each, and rows within about 1 GiB; see README. */
    public static final WorkLimits DEFAULT =
        new WorkLimits(10_000_000_000L, 1_000_000_000L, 20_000_000_000L, 4_000_000L, 10_000_000_000L);

    /** No limit ({@code --force}). */
    public static final WorkLimits NONE =
        new WorkLimits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);

    /** What exceeds its limit, or null. */
    String exceeded(WorkEstimate w) {
      List<String> over = new ArrayList<>();
      if (w.touches() > touches) {
        over.add(String.format(Locale.ROOT, "%.2g touches (limit %.2g)", (double) w.touches(), (double) touches));
      }
      if (w.events() > events) {
        over.add(String.format(Locale.ROOT, "%.2g events (limit %.2g)", (double) w.events(), (double) events));
      }
      if (w.regionVisits() > regionVisits) {
        over.add(String.format(Locale.ROOT, "%.2g region visits (limit %.2g)", (double) w.regionVisits(),
            (double) regionVisits));
      }
      if (w.pageEpochs() > pageEpochs) {
        over.add(String.format(Locale.ROOT, "%.2g page-epochs of a rate-based workload (limit %.2g)",
            (double) w.pageEpochs(), (double) pageEpochs));
      }
      if (w.rows() > rows) {
        over.add(String.format(Locale.ROOT, "%.2g result rows held in memory (limit %.2g)", (double) w.rows(),
            (double) rows));
      }
      return over.isEmpty() ? null : String.join(", ", over) + " over " + w.runs() + " runs";
    }
  }

  /** Saturating arithmetic: an estimate that overflows is simply too large. */
  private static final class Sat {
    static long mul(long a, long b) {
      try {
        return Math.multiplyExact(a, b);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }

    static long add(long a, long b) {
      try {
        return Math.addExact(a, b);
      } catch (ArithmeticException e) {
        return Long.MAX_VALUE;
      }
    }
  }

  private static String millis(long ms) {
    return ms < Long.MAX_VALUE / 1000 ? Units.formatDurationUs(ms * 1000) : String.format(Locale.ROOT, "%.3g s", ms / 1e3);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
