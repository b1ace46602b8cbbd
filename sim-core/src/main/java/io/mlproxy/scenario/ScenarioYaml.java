package io.mlproxy.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Writes a loaded {@link Scenario} back as scenario YAML that loads to an equal scenario: every
 * field explicit, in the units it is stored in (durations in us, costs in ns, sizes in bytes), so
 * nothing is rounded. This is how a scenario travels to a cluster member: as text, with the trace
 * path replaced by the member's own copy of the trace.
 */
public final class ScenarioYaml {

  private ScenarioYaml() {}

  /** The YAML of {@code s}; {@link ScenarioLoader#parse} of it gives {@code s} back. */
  public static String write(Scenario s) {
    return write(s, null);
  }

  /**
   * The YAML of {@code s} with the trace path written as {@code tracePath} (null: the scenario's
   * own, absolute path). Parse it with a name in the external agent's working directory for the
   * agent's paths to stay the same.
   */
  public static String write(Scenario s, Path tracePath) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("duration", us(s.durationUs()));
    m.put("seed", Long.toString(s.seed()));
    m.put("replications", Integer.toString(s.replications()));
    m.put("variants", s.variants().stream().map(Variant::yamlName).toList());
    m.put("output_step", us(s.outputStepUs()));
    m.put("objective", Map.of("lambda", Double.toString(s.objective().lambda())));
    m.put("memory", memory(s.memory()));
    m.put("monitor", monitor(s.monitor()));
    m.put("policy", policy(s.policy()));
    m.put("proxy", proxy(s.proxy()));
    m.put("agent", agent(s.agent()));
    m.put("workload", workload(s.workload(), tracePath));
    List<Object> faults = new ArrayList<>();
    for (FaultSpec f : s.faults()) {
      faults.add(fault(f, s.memory()));
    }
    m.put("faults", faults);
    Map<String, Object> oracle = new LinkedHashMap<>();
    oracle.put("horizon", autoOr(s.oracle().horizonUs()));
    oracle.put("same_quota", Boolean.toString(s.oracle().sameQuota()));
    m.put("oracle", oracle);
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setWidth(Integer.MAX_VALUE) // no folded lines: the text is read back exactly
        .build();
    return new Dump(settings).dumpToString(m);
  }

  private static Map<String, Object> memory(MemorySpec mem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pages", Integer.toString(mem.pages()));
    m.put("page_size", mem.pageSizeBytes() + "B");
    m.put("capacity", (long) mem.capacityPages() * mem.pageSizeBytes() + "B");
    m.put("eviction", mem.eviction().yamlName());
    m.put("hit_cost", ns(mem.hitCostNs()));
    m.put("fault_cost", ns(mem.faultCostNs()));
    m.put("pageout_cost_per_page", ns(mem.pageoutCostPerPageNs()));
    m.put("direct_reclaim_stall_per_page", ns(mem.directReclaimStallPerPageNs()));
    return m;
  }

  private static Map<String, Object> monitor(MonitorSpec mon) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sampling", us(mon.samplingUs()));
    m.put("aggregation", us(mon.aggregationUs()));
    m.put("ops_update", us(mon.opsUpdateUs()));
    m.put("min_regions", Integer.toString(mon.minRegions()));
    m.put("max_regions", Integer.toString(mon.maxRegions()));
    return m;
  }

  private static Map<String, Object> policy(PolicySpec p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("min_age", us(p.minAgeUs()));
    m.put("quota_time", us(p.quotaTimeUs()));
    m.put("quota_size", p.quotaSizeBytes() + "B");
    m.put("quota_reset_interval", us(p.quotaResetIntervalUs()));
    m.put("wmarks_interval", us(p.wmarksIntervalUs()));
    m.put("wmarks_high", Integer.toString(p.wmarksHighPermille()));
    m.put("wmarks_mid", Integer.toString(p.wmarksMidPermille()));
    m.put("wmarks_low", Integer.toString(p.wmarksLowPermille()));
    m.put("weight_sz", Integer.toString(p.weightSz()));
    m.put("weight_nr_accesses", Integer.toString(p.weightNrAccesses()));
    m.put("weight_age", Integer.toString(p.weightAge()));
    m.put("apply_interval", us(p.applyIntervalUs()));
    return m;
  }

  private static Map<String, Object> proxy(ProxySpec p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("mode", p.mode().yamlName());
    m.put("feedback_window", autoOr(p.feedbackWindowUs()));
    ThresholdsSpec t = p.thresholds();
    Map<String, Object> th = new LinkedHashMap<>();
    th.put("learning_share", Integer.toString(t.learningSharePermille()));
    th.put("collaboration_share", Integer.toString(t.collaborationSharePermille()));
    th.put("promote_margin", Integer.toString(t.promoteMarginPermille()));
    th.put("demote_margin", Integer.toString(t.demoteMarginPermille()));
    th.put("window", us(t.windowUs()));
    th.put("min_samples", Integer.toString(t.minSamples()));
    th.put("min_dwell", us(t.minDwellUs()));
    th.put("emergency_pressure", Integer.toString(t.emergencyPressurePermille()));
    th.put("staleness_timeout", us(t.stalenessTimeoutUs()));
    th.put("max_reject_rate", Integer.toString(t.maxRejectRatePermille()));
    th.put("min_confidence", Integer.toString(t.minConfidencePermille()));
    th.put("confidence", Integer.toString(t.confidencePermille()));
    m.put("thresholds", th);
    return m;
  }

  private static Map<String, Object> agent(AgentSpec a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", a.model().yamlName());
    m.put("period", us(a.periodUs()));
    m.put("read_cost_per_kib", ns(a.readCostPerKibNs()));
    m.put("train_cost_per_sample", ns(a.trainCostPerSampleNs()));
    m.put("write_latency", us(a.writeLatencyUs()));
    m.put("horizon", us(a.horizonUs()));
    m.put("learning_rate", Double.toString(a.learningRate()));
    m.put("l2", Double.toString(a.l2()));
    m.put("min_confidence", Integer.toString(a.minConfidencePermille()));
    m.put("portion", a.portionBytes() + "B");
    ExternalAgentSpec e = a.external();
    if (e != null) {
      m.put("command", List.copyOf(e.command()));
      m.put("env", new LinkedHashMap<>(e.environment()));
      m.put("wall_time_factor", Double.toString(e.wallTimeFactor()));
      m.put("reply_timeout", e.replyTimeoutMs() + "ms");
      m.put("start_timeout", e.startTimeoutMs() + "ms");
      m.put("restart_delay", us(e.restartDelayUs()));
      m.put("max_restarts", Integer.toString(e.maxRestarts()));
      m.put("log_limit", e.logLimitBytes() + "B");
    }
    return m;
  }

  private static Map<String, Object> workload(WorkloadSpec w, Path tracePath) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("rate", w.ratePerSecond() + "/s");
    m.put("tick", us(w.tickUs()));
    if (w.trace().isPresent()) {
      TraceSpec t = w.trace().get();
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("path", (tracePath != null ? tracePath : t.path()).toString());
      tm.put("format", t.format().yamlName());
      tm.put("addresses", t.addresses().yamlName());
      tm.put("page_size", t.pageSizeBytes() + "B");
      tm.put("time", t.time().yamlName());
      if (t.time() == TraceSpec.Time.RATE) {
        tm.put("rate", t.ratePerSecond() + "/s");
      }
      tm.put("lenient", Boolean.toString(t.lenient()));
      tm.put("loop", Boolean.toString(t.loop()));
      m.put("trace", tm);
      return m;
    }
    List<Object> phases = new ArrayList<>();
    for (PhaseSpec ph : w.phases()) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("at", us(ph.atUs()));
      List<Object> mix = new ArrayList<>();
      for (PhaseSpec.MixEntry e : ph.mix()) {
        mix.add(pattern(e));
      }
      pm.put("mix", mix);
      phases.add(pm);
    }
    m.put("phases", phases);
    return m;
  }

  private static Map<String, Object> pattern(PhaseSpec.MixEntry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    PatternSpec p = e.pattern();
    m.put("pattern", p.yamlName());
    m.put("weight", Double.toString(e.weight()));
    if (p instanceof PatternSpec.Hotset h) {
      m.put("hot_fraction", Double.toString(h.hotFraction()));
      m.put("hot_share", Double.toString(h.hotShare()));
      m.put("position", Double.toString(h.position()));
      m.put("drift", h.driftPagesPerSecond() + "/s");
    } else if (p instanceof PatternSpec.Zipf z) {
      m.put("skew", Double.toString(z.skew()));
      m.put("scrambled", Boolean.toString(z.scrambled()));
    } else if (p instanceof PatternSpec.Scan sc) {
      m.put("stride", Integer.toString(sc.stride()));
      m.put("looping", Boolean.toString(sc.looping()));
      m.put("start", Double.toString(sc.start()));
      m.put("length", Double.toString(sc.length()));
    } else if (p instanceof PatternSpec.Uniform u) {
      m.put("start", Double.toString(u.start()));
      m.put("length", Double.toString(u.length()));
    } else if (p instanceof PatternSpec.Growth g) {
      m.put("from", Double.toString(g.from()));
      m.put("to", Double.toString(g.to()));
      m.put("over", us(g.overUs()));
    } else if (p instanceof PatternSpec.Periodic pe) {
      m.put("start", Double.toString(pe.start()));
      m.put("length", Double.toString(pe.length()));
      m.put("period", us(pe.periodUs()));
      m.put("hot_share", Double.toString(pe.hotShare()));
    } else {
      throw new IllegalStateException("unknown pattern " + p);
    }
    return m;
  }

  private static Map<String, Object> fault(FaultSpec f, MemorySpec mem) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", f.type().yamlName());
    m.put("at", us(f.atUs()));
    if (f.type().lasting()) {
      m.put("duration", us(f.durationUs()));
    }
    switch (f.type()) {
      case AGENT_SLOW -> m.put("factor", Double.toString(f.factor()));
      case CORRUPT_RECOMMENDATIONS -> m.put("count", Integer.toString(f.count()));
      case MEMORY_PRESSURE -> m.put("capacity", (long) f.capacityPages() * mem.pageSizeBytes() + "B");
      case WORKLOAD_SHIFT -> m.put("to_phase", Integer.toString(f.toPhase()));
      default -> { }
    }
    return m;
  }

  private static String autoOr(OptionalLong us) {
    return us.isPresent() ? us(us.getAsLong()) : "auto";
  }

  private static String us(long us) {
    return us + "us";
  }

  private static String ns(long ns) {
    return ns + "ns";
  }
}
