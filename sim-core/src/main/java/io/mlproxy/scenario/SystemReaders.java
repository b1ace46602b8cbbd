package io.mlproxy.scenario;

import static io.mlproxy.scenario.ValueType.bool;
import static io.mlproxy.scenario.ValueType.costNs;
import static io.mlproxy.scenario.ValueType.durationUs;
import static io.mlproxy.scenario.ValueType.intRange;
import static io.mlproxy.scenario.ValueType.longRange;
import static io.mlproxy.scenario.ValueType.number;
import static io.mlproxy.scenario.ValueType.oneOf;
import static io.mlproxy.scenario.ValueType.pageSize;
import static io.mlproxy.scenario.ValueType.permille;
import static io.mlproxy.scenario.ValueType.sizeBytes;

import java.util.OptionalLong;

/** Reads the sections describing the simulated system: memory, monitor, policy, proxy, agent, oracle. */
final class SystemReaders {
  private static final long GIB = 1L << 30;

  private SystemReaders() {}

  static MonitorSpec monitor(Section s) {
    MonitorSpec d = MonitorSpec.defaults();
    long sampling = s.get("sampling", d.samplingUs(), durationUs(1));
    long aggregation = s.get("aggregation", d.aggregationUs(), durationUs(1));
    long opsUpdate = s.get("ops_update", d.opsUpdateUs(), durationUs(1));
    int minRegions = s.get("min_regions", d.minRegions(), intRange(3, Integer.MAX_VALUE));
    int maxRegions = s.get("max_regions", d.maxRegions(), intRange(3, Integer.MAX_VALUE));
    Problems p = s.problems();
    if (p.ok(s.field("sampling"), s.field("aggregation")) && aggregation % sampling != 0) {
      s.error("aggregation", "must be a multiple of sampling (" + Units.formatDurationUs(sampling)
          + "), got " + Units.formatDurationUs(aggregation));
    }
    if (p.ok(s.field("min_regions"), s.field("max_regions")) && maxRegions < minRegions) {
      s.error("max_regions", "must be ≥ min_regions (" + minRegions + "), got " + maxRegions);
    }
    s.finish();
    return new MonitorSpec(sampling, aggregation, opsUpdate, minRegions, maxRegions);
  }

  static MemorySpec memory(Section s, MonitorSpec monitor) {
    Problems p = s.problems();
    MemorySpec d = MemorySpec.defaults(1);
    long pageSize = s.get("page_size", d.pageSizeBytes(), pageSize(512, GIB));
    boolean hasPages = s.has("pages");
    boolean hasSize = s.has("size");
    int pages = -1;
    if (hasPages && hasSize) {
      p.add(s.keyNode("size"), s.field("size"),
          "give either pages or size, not both (expected exactly one of memory.pages, memory.size)");
    } else if (!hasPages && !hasSize) {
      p.add(s.node(), s.field("pages"),
          "missing required field (expected memory.pages, a number of pages, or memory.size, such as 64MiB)");
    } else if (hasPages) {
      pages = s.get("pages", -1, intRange(1, Integer.MAX_VALUE));
    } else {
      long size = s.get("size", -1L, sizeBytes(1, Long.MAX_VALUE));
      if (size > 0 && p.ok(s.field("page_size"))) {
        if (size % pageSize != 0) {
          s.error("size", Units.formatSize(size) + " is not a whole number of pages (expected a multiple of page_size "
              + Units.formatSize(pageSize) + ")");
        } else if (size / pageSize > Integer.MAX_VALUE) {
          s.error("size", "too many pages (expected at most " + Integer.MAX_VALUE + " pages)");
        } else {
          pages = (int) (size / pageSize);
        }
      }
    }
    String pagesField = hasSize ? "size" : "pages";
    if (pages > 0 && p.ok("monitor.min_regions") && pages < monitor.minRegions()) {
      s.error(pagesField, "the address space has " + pages + " pages, fewer than monitor.min_regions ("
          + monitor.minRegions() + ") (expected at least one page per region)");
    }
    int capacity = pages;
    Amount cap = s.get("capacity", null, Amount.type());
    if (cap != null && pages > 0 && p.ok(s.field("page_size"))) {
      capacity = cap.toPages(pages, pageSize, (long) (pages * (Amount.MAX_PERCENT / 100)), s, "capacity");
    }
    MemorySpec.Eviction eviction =
        s.get("eviction", d.eviction(), oneOf(MemorySpec.Eviction.class, MemorySpec.Eviction::yamlName));
    long hit = s.get("hit_cost", d.hitCostNs(), costNs());
    long fault = s.get("fault_cost", d.faultCostNs(), costNs());
    long pageout = s.get("pageout_cost_per_page", d.pageoutCostPerPageNs(), costNs());
    long stall = s.get("direct_reclaim_stall_per_page", d.directReclaimStallPerPageNs(), costNs());
    s.finish();
    return new MemorySpec(pages, pageSize, capacity, eviction, hit, fault, pageout, stall);
  }

  static PolicySpec policy(Section s, MonitorSpec monitor) {
    Problems p = s.problems();
    PolicySpec d = PolicySpec.defaults(monitor.aggregationUs());
    long minAge = s.get("min_age", d.minAgeUs(), durationUs(0));
    long quotaTime = d.quotaTimeUs();
    if (s.has("quota_ms") && s.has("quota_time")) {
      p.add(s.keyNode("quota_time"), s.field("quota_time"),
          "give either quota_ms or quota_time, not both (expected one way to set the time quota)");
    } else if (s.has("quota_ms")) {
      quotaTime = s.get("quota_ms", d.quotaTimeUs() / 1000, longRange(0, Long.MAX_VALUE / 1000)) * 1000;
    } else {
      quotaTime = s.get("quota_time", d.quotaTimeUs(), durationUs(0));
    }
    long quotaSize = s.get("quota_size", d.quotaSizeBytes(), sizeBytes(0, Long.MAX_VALUE));
    long reset = s.get("quota_reset_interval", d.quotaResetIntervalUs(), durationUs(1));
    long wmarksInterval = s.get("wmarks_interval", d.wmarksIntervalUs(), durationUs(1));
    int high = s.get("wmarks_high", d.wmarksHighPermille(), permille());
    int mid = s.get("wmarks_mid", d.wmarksMidPermille(), permille());
    int low = s.get("wmarks_low", d.wmarksLowPermille(), permille());
    if (p.ok(s.field("wmarks_high"), s.field("wmarks_mid")) && high < mid) {
      s.error("wmarks_mid", "must be ≤ wmarks_high (" + high + "‰), got " + mid + "‰ (expected high ≥ mid ≥ low)");
    }
    if (p.ok(s.field("wmarks_mid"), s.field("wmarks_low")) && mid < low) {
      s.error("wmarks_low", "must be ≤ wmarks_mid (" + mid + "‰), got " + low + "‰ (expected high ≥ mid ≥ low)");
    }
    int weightSz = s.get("weight_sz", d.weightSz(), intRange(0, Integer.MAX_VALUE));
    int weightNr = s.get("weight_nr_accesses", d.weightNrAccesses(), intRange(0, Integer.MAX_VALUE));
    int weightAge = s.get("weight_age", d.weightAge(), intRange(0, Integer.MAX_VALUE));
    if (p.ok(s.field("weight_sz"), s.field("weight_nr_accesses"), s.field("weight_age"))
        && weightSz == 0 && weightNr == 0 && weightAge == 0) {
      s.error("weight_age", "weight_sz, weight_nr_accesses and weight_age are all 0 "
          + "(expected at least one positive weight: the priority score divides by their sum)");
    }
    long apply = s.get("apply_interval", monitor.aggregationUs(), durationUs(1));
    if (p.ok(s.field("apply_interval"), "monitor.aggregation") && apply % monitor.aggregationUs() != 0) {
      s.error("apply_interval", "must be a multiple of monitor.aggregation ("
          + Units.formatDurationUs(monitor.aggregationUs()) + "), got " + Units.formatDurationUs(apply));
    }
    s.finish();
    return new PolicySpec(minAge, quotaTime, quotaSize, reset, wmarksInterval, high, mid, low,
        weightSz, weightNr, weightAge, apply);
  }

  /** A duration the proxy uses: whole milliseconds, since the proxy counts in ms. */
  static ValueType<Long> durationMs(long minUs) {
    ValueType<Long> us = durationUs(minUs);
    return ValueType.of(us.expected() + ", in whole milliseconds", text -> {
      long v = us.parse(text);
      if (v % 1000 != 0) {
        throw new BadValue("'" + text.strip() + "' is not a whole number of milliseconds",
            "a duration in whole ms: the proxy counts in milliseconds");
      }
      return v;
    });
  }

  static ThresholdsSpec thresholds(Section s) {
    Problems p = s.problems();
    ThresholdsSpec d = ThresholdsSpec.defaults();
    int learning = s.get("learning_share", d.learningSharePermille(), permille());
    int collaboration = s.get("collaboration_share", d.collaborationSharePermille(), permille());
    if (p.ok(s.field("learning_share"), s.field("collaboration_share")) && learning > collaboration) {
      s.error("learning_share", "must be ≤ collaboration_share (" + collaboration + "‰), got " + learning
          + "‰ (expected LEARNING to give ML a smaller share than COLLABORATION)");
    }
    int promote = s.get("promote_margin", d.promoteMarginPermille(), permille());
    int demote = s.get("demote_margin", d.demoteMarginPermille(), permille());
    long window = s.get("window", d.windowUs(), durationMs(1000));
    int minSamples = s.get("min_samples", d.minSamples(), intRange(1, Integer.MAX_VALUE));
    long minDwell = s.get("min_dwell", d.minDwellUs(), durationMs(0));
    int emergency = s.get("emergency_pressure", d.emergencyPressurePermille(), permille());
    long staleness = s.get("staleness_timeout", d.stalenessTimeoutUs(), durationMs(1000));
    int maxReject = s.get("max_reject_rate", d.maxRejectRatePermille(), permille());
    int minConfidence = s.get("min_confidence", d.minConfidencePermille(), permille());
    int confidence = s.get("confidence", d.confidencePermille(), intRange(500, 999));
    s.finish();
    return new ThresholdsSpec(learning, collaboration, promote, demote, window, minSamples, minDwell,
        emergency, staleness, maxReject, minConfidence, confidence);
  }

  static ProxySpec proxy(Section s) {
    ProxySpec d = ProxySpec.defaults();
    ProxySpec.Mode mode = s.get("mode", d.mode(), oneOf(ProxySpec.Mode.class, ProxySpec.Mode::yamlName));
    ThresholdsSpec thresholds = thresholds(s.section("thresholds"));
    ValueType<Long> ms = durationMs(1000);
    String expected = "auto or " + ms.expected();
    OptionalLong feedback = s.get("feedback_window", d.feedbackWindowUs(), ValueType.of(expected, text -> {
      if ("auto".equals(text.strip())) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(ms.parse(text));
      } catch (BadValue bad) {
        throw new BadValue(bad.getMessage(), expected);
      }
    }));
    s.finish();
    return new ProxySpec(mode, thresholds, feedback);
  }

  static AgentSpec agent(Section s, java.nio.file.Path baseDir) {
    AgentSpec d = AgentSpec.defaults();
    AgentSpec.Model model = s.get("model", d.model(), oneOf(AgentSpec.Model.class, AgentSpec.Model::yamlName));
    ExternalAgentSpec external = null;
    if (model == AgentSpec.Model.EXTERNAL) {
      external = ExternalAgentReader.read(s, baseDir);
    } else if (s.problems().ok(s.field("model"))) {
      ExternalAgentReader.rejectFor(s, model);
    } else {
      s.know(ExternalAgentReader.KEYS.toArray(String[]::new));
    }
    long period = s.get("period", d.periodUs(), durationUs(1));
    long read = s.get("read_cost_per_kib", d.readCostPerKibNs(), costNs());
    long train = s.get("train_cost_per_sample", d.trainCostPerSampleNs(), costNs());
    long write = s.get("write_latency", d.writeLatencyUs(), durationUs(0));
    long horizon = s.get("horizon", d.horizonUs(), durationUs(1));
    double rate = s.get("learning_rate", d.learningRate(), number(0, true, Double.MAX_VALUE));
    double l2 = s.get("l2", d.l2(), number(0, false, Double.MAX_VALUE));
    int minConfidence = s.get("min_confidence", d.minConfidencePermille(), permille());
    long portion = s.get("portion", d.portionBytes(), sizeBytes(1, GIB));
    s.finish();
    return new AgentSpec(model, period, read, train, write, horizon, rate, l2, minConfidence, portion, external);
  }

  static OracleSpec oracle(Section s) {
    OracleSpec d = OracleSpec.defaults();
    ValueType<Long> duration = durationUs(1);
    String expected = "auto or " + duration.expected();
    OptionalLong horizon = s.get("horizon", d.horizonUs(), ValueType.of(expected, text -> {
      if ("auto".equals(text.strip())) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(duration.parse(text));
      } catch (BadValue bad) {
        throw new BadValue(bad.getMessage(), expected);
      }
    }));
    boolean sameQuota = s.get("same_quota", d.sameQuota(), bool());
    s.finish();
    return new OracleSpec(horizon, sameQuota);
  }
}
