package io.mlproxy.engine;

import io.mlproxy.damon.DamonReclaim;
import io.mlproxy.damon.DamosWatermarks;
import io.mlproxy.damon.MonitorConfig;
import io.mlproxy.memory.Eviction;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.scenario.FaultSpec;
import io.mlproxy.scenario.MemorySpec;
import io.mlproxy.scenario.PatternSpec;
import io.mlproxy.scenario.PhaseSpec;
import io.mlproxy.scenario.PolicySpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ThresholdsSpec;
import io.mlproxy.scenario.TraceSpec;
import io.mlproxy.scenario.WorkloadSpec;
import io.mlproxy.workload.AccessPattern;
import io.mlproxy.workload.Growth;
import io.mlproxy.workload.Hotset;
import io.mlproxy.workload.PageMapping;
import io.mlproxy.workload.Periodic;
import io.mlproxy.workload.Phase;
import io.mlproxy.workload.Scan;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.TimeSource;
import io.mlproxy.workload.TraceFormat;
import io.mlproxy.workload.Uniform;
import io.mlproxy.workload.WeightedPattern;
import io.mlproxy.workload.Zipf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a validated {@link Scenario} into a {@link RunPlan}: component configurations in
 * their own units, the workload as a stream factory, and the derived break-even time.
 *
 * <p>Workload shifts are compiled into the phase list (a new phase at the fault's time that
 * repeats the target phase's mix), so the shift is part of the common random number stream and
 * every variant sees it at the same touch.
 */
public final class ScenarioCompiler {

  private ScenarioCompiler() {}

  /**
   * Compiles {@code s}; fails with a message naming the field when values cannot work together
   * (never for a scenario {@link RunChecks} accepted, which makes the same derivations).
   */
  public static RunPlan compile(Scenario s) {
    MemorySpec m = s.memory();
    boolean rateBased = s.workload().modelFor(m.pages()) == WorkloadSpec.Model.RATE;
    MemoryConfig memory =
        new MemoryConfig(
            m.pages(),
            Math.toIntExact(m.pageSizeBytes()),
            m.capacityPages(),
            m.hitCostNs(),
            ceilDiv(m.faultCostNs(), 1000),
            ceilDiv(m.pageoutCostPerPageNs(), 1000),
            ceilDiv(m.directReclaimStallPerPageNs(), 1000),
            MemoryConfig.DEFAULT_PAGEOUT_SCAN_NS_PER_PAGE,
            // a rate-based workload's hits are not replayed: LRU is approximated from last accesses
            rateBased ? Eviction.SAMPLED_LRU : m.eviction() == MemorySpec.Eviction.CLOCK ? Eviction.CLOCK : Eviction.LRU);
    MonitorConfig monitor =
        new MonitorConfig(
            s.monitor().samplingUs(),
            s.monitor().aggregationUs(),
            s.monitor().opsUpdateUs(),
            s.monitor().minRegions(),
            s.monitor().maxRegions());
    PolicySpec p = s.policy();
    DamonReclaim reclaim =
        new DamonReclaim(
            p.minAgeUs(),
            p.quotaTimeUs() / 1000,
            p.quotaSizeBytes(),
            p.quotaResetIntervalUs() / 1000,
            new DamosWatermarks(
                true, p.wmarksIntervalUs(), p.wmarksHighPermille(), p.wmarksMidPermille(), p.wmarksLowPermille()),
            p.weightSz(),
            p.weightNrAccesses(),
            p.weightAge());
    ThresholdsSpec t = s.proxy().thresholds();
    ModeThresholds thresholds =
        new ModeThresholds(
            t.learningSharePermille(),
            t.collaborationSharePermille(),
            t.promoteMarginPermille(),
            t.demoteMarginPermille(),
            t.windowUs() / 1000,
            t.minSamples(),
            t.minDwellUs() / 1000,
            t.emergencyPressurePermille(),
            t.stalenessTimeoutUs() / 1000,
            t.maxRejectRatePermille(),
            t.minConfidencePermille(),
            t.confidencePermille());

    List<String> problems = new ArrayList<>();
    RunChecks.Derived derived = RunChecks.derive(s, (field, message) -> problems.add(field + ": " + message),
        RunChecks.WorkLimits.NONE, RunChecks.TraceReading.AS_REPLAYED);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    WorkloadSource workload;
    List<Phase> phases = List.of();
    if (s.workload().trace().isPresent()) {
      TraceSpec trace = s.workload().trace().get();
      io.mlproxy.workload.TraceSpec spec = traceSpec(trace, m.pages());
      workload = new TraceSource(spec, derived.trace(), trace.loop(), s.durationUs());
    } else {
      phases = phases(s);
      SyntheticWorkload synthetic = new SyntheticWorkload(m.pages(), s.workload().ratePerSecond(), phases);
      long durationUs = s.durationUs();
      workload = new WorkloadSource() {
        @Override
        public io.mlproxy.workload.AccessStream open(nl.tudelft.simulation.jstats.streams.StreamInterface stream) {
          return synthetic.open(stream, durationUs);
        }

        @Override
        public io.mlproxy.workload.AccessStream openBeyondEnd(
            nl.tudelft.simulation.jstats.streams.StreamInterface stream, long extraUs) {
          // the generator draws touches in time order, so the prefix does not depend on the end
          return synthetic.open(stream, extraUs > Long.MAX_VALUE - durationUs ? Long.MAX_VALUE : durationUs + extraUs);
        }
      };
    }
    double rate = derived.touchesPerSecond();
    long breakEven = derived.breakEvenMs();
    long window = derived.feedbackWindowMs();
    long horizon = s.oracle().horizonUs().orElse(breakEven * 1000);
    return new RunPlan(s, memory, monitor, reclaim, thresholds, m.pages(), rate, breakEven, window, horizon, phases,
        workload, derived.rate());
  }

  private static long ceilDiv(long a, long b) {
    return Math.floorDiv(a, b) + (Math.floorMod(a, b) == 0 ? 0 : 1);
  }

  /** The scenario's phases, with workload shifts inserted as phases of their own. */
  static List<Phase> phases(Scenario s) {
    List<PhaseSpec> specs = s.workload().phases();
    List<long[]> starts = new ArrayList<>();
    List<List<WeightedPattern>> mixes = new ArrayList<>();
    for (PhaseSpec ps : specs) {
      starts.add(new long[] {ps.atUs()});
      mixes.add(mix(ps));
    }
    for (FaultSpec f : s.faults()) {
      if (f.type() != FaultSpec.Type.WORKLOAD_SHIFT) {
        continue;
      }
      if (f.toPhase() < 0 || f.toPhase() >= specs.size()) {
        throw new IllegalArgumentException(
            "faults: workload_shift at " + f.atUs() / 1e6 + " s names phase " + f.toPhase()
                + " but the workload has phases 0.." + (specs.size() - 1));
      }
      int at = 0;
      while (at < starts.size() && starts.get(at)[0] < f.atUs()) {
        at++;
      }
      if (at < starts.size() && starts.get(at)[0] == f.atUs()) {
        mixes.set(at, mix(specs.get(f.toPhase())));
      } else {
        starts.add(at, new long[] {f.atUs()});
        mixes.add(at, mix(specs.get(f.toPhase())));
      }
    }
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      phases.add(new Phase(starts.get(i)[0], mixes.get(i)));
    }
    return phases;
  }

  private static List<WeightedPattern> mix(PhaseSpec ps) {
    List<WeightedPattern> mix = new ArrayList<>();
    for (PhaseSpec.MixEntry e : ps.mix()) {
      mix.add(new WeightedPattern(e.weight(), pattern(e.pattern())));
    }
    return mix;
  }

  static AccessPattern pattern(PatternSpec p) {
    if (p instanceof PatternSpec.Hotset h) {
      return new Hotset(h.hotFraction(), h.hotShare(), h.position(), h.driftPagesPerSecond());
    }
    if (p instanceof PatternSpec.Zipf z) {
      return new Zipf(z.skew(), z.scrambled());
    }
    if (p instanceof PatternSpec.Scan sc) {
      return new Scan(sc.stride(), sc.looping(), sc.start(), sc.length());
    }
    if (p instanceof PatternSpec.Uniform u) {
      return new Uniform(u.start(), u.length());
    }
    if (p instanceof PatternSpec.Growth g) {
      return new Growth(g.from(), g.to(), g.overUs());
    }
    if (p instanceof PatternSpec.Periodic pe) {
      return new Periodic(pe.start(), pe.length(), pe.periodUs(), pe.hotShare());
    }
    throw new IllegalArgumentException("unknown pattern " + p);
  }

  static io.mlproxy.workload.TraceSpec traceSpec(TraceSpec t, int pages) {
    TraceFormat format =
        switch (t.format()) {
          case LACKEY -> TraceFormat.LACKEY;
          case PLAIN -> TraceFormat.PLAIN;
          case CSV -> TraceFormat.CSV;
          case ORACLE_GENERAL -> TraceFormat.ORACLE_GENERAL;
        };
    boolean column = t.time() == TraceSpec.Time.COLUMN;
    return new io.mlproxy.workload.TraceSpec(
        t.path(),
        format,
        t.addresses() == TraceSpec.Addresses.BYTES,
        Math.toIntExact(t.pageSizeBytes()),
        column ? TimeSource.OWN_COLUMN : TimeSource.RATE,
        format == TraceFormat.ORACLE_GENERAL ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS,
        column ? 1 : t.ratePerSecond(),
        t.lenient(),
        PageMapping.DENSE,
        pages,
        false);
  }
}
