package io.mlproxy.scenario;

import java.util.OptionalLong;

/** Reads the sections describing the simulated system: memory, monitor, policy, proxy, agent, oracle. */
final class SystemReaders {
  private SystemReaders() {}

  static MonitorSpec monitor(Section s) {
    MonitorSpec d = MonitorSpec.defaults();
    long sampling = s.get("sampling", d.samplingUs(), Fields.SAMPLING);
    long aggregation = s.get("aggregation", d.aggregationUs(), Fields.AGGREGATION);
    long opsUpdate = s.get("ops_update", d.opsUpdateUs(), Fields.OPS_UPDATE);
    int minRegions = s.get("min_regions", d.minRegions(), Fields.MIN_REGIONS_FIELD);
    int maxRegions = s.get("max_regions", d.maxRegions(), Fields.MAX_REGIONS_FIELD);
    Problems p = s.problems();
    if (p.ok(s.field("sampling"), s.field("aggregation")) && aggregation % sampling != 0) {
      s.error("aggregation", "must be a multiple of sampling (" + Units.formatDurationUs(sampling)
          + "), got " + Units.formatDurationUs(aggregation));
    } else if (p.ok(s.field("sampling"), s.field("aggregation"))
        && aggregation / sampling > Fields.MAX_NR_ACCESSES) {
      s.error("aggregation", Units.formatDurationUs(aggregation) + " is " + aggregation / sampling
          + " sampling intervals (expected at most " + Fields.MAX_NR_ACCESSES
          + ": the largest nr_accesses a region can reach)");
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
    long pageSize = s.get("page_size", d.pageSizeBytes(), Fields.PAGE_SIZE);
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
      pages = s.get("pages", -1, Fields.PAGES);
    } else {
      long size = s.get("size", -1L, Fields.SIZE);
      if (size > 0 && p.ok(s.field("page_size"))) {
        if (size % pageSize != 0) {
          s.error("size", Units.formatSize(size) + " is not a whole number of pages (expected a multiple of page_size "
              + Units.formatSize(pageSize) + ")");
        } else if (size / pageSize > Fields.MAX_PAGES) {
          s.error("size", Units.formatSize(size) + " is " + size / pageSize + " pages (expected at most "
              + Fields.MAX_PAGES + " pages of " + Units.formatSize(pageSize) + ")");
        } else if (size / pageSize < 3) {
          s.error("size", Units.formatSize(size) + " is " + size / pageSize + " pages (expected at least 3)");
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
    Amount cap = s.get("capacity", null, Fields.CAPACITY);
    if (cap != null && pages > 0 && p.ok(s.field("page_size"))) {
      capacity = cap.toPages(pages, pageSize, Math.multiplyExact((long) pages, (long) (Amount.MAX_PERCENT / 100)),
          s, "capacity");
    }
    MemorySpec.Eviction eviction = s.get("eviction", d.eviction(), Fields.EVICTION);
    long hit = s.get("hit_cost", d.hitCostNs(), Fields.HIT_COST);
    long fault = s.get("fault_cost", d.faultCostNs(), Fields.FAULT_COST);
    long pageout = s.get("pageout_cost_per_page", d.pageoutCostPerPageNs(), Fields.PAGEOUT_COST);
    long stall = s.get("direct_reclaim_stall_per_page", d.directReclaimStallPerPageNs(), Fields.STALL_COST);
    s.finish();
    return new MemorySpec(pages, pageSize, capacity, eviction, hit, fault, pageout, stall);
  }

  static PolicySpec policy(Section s, MonitorSpec monitor) {
    Problems p = s.problems();
    PolicySpec d = PolicySpec.defaults(monitor.aggregationUs());
    long minAge = s.get("min_age", d.minAgeUs(), Fields.MIN_AGE);
    long quotaTime = d.quotaTimeUs();
    if (s.has("quota_ms") && s.has("quota_time")) {
      p.add(s.keyNode("quota_time"), s.field("quota_time"),
          "give either quota_ms or quota_time, not both (expected one way to set the time quota)");
    } else if (s.has("quota_ms")) {
      quotaTime = Math.multiplyExact(s.get("quota_ms", d.quotaTimeUs() / 1000, Fields.QUOTA_MS), 1000L);
    } else {
      quotaTime = s.get("quota_time", d.quotaTimeUs(), Fields.QUOTA_TIME);
    }
    long quotaSize = s.get("quota_size", d.quotaSizeBytes(), Fields.QUOTA_SIZE);
    long reset = s.get("quota_reset_interval", d.quotaResetIntervalUs(), Fields.QUOTA_RESET);
    long wmarksInterval = s.get("wmarks_interval", d.wmarksIntervalUs(), Fields.WMARKS_INTERVAL);
    int high = s.get("wmarks_high", d.wmarksHighPermille(), Fields.WMARKS_HIGH);
    int mid = s.get("wmarks_mid", d.wmarksMidPermille(), Fields.WMARKS_MID);
    int low = s.get("wmarks_low", d.wmarksLowPermille(), Fields.WMARKS_LOW);
    if (p.ok(s.field("wmarks_high"), s.field("wmarks_mid")) && high < mid) {
      s.error("wmarks_mid", "must be ≤ wmarks_high (" + high + "‰), got " + mid + "‰ (expected high ≥ mid ≥ low)");
    }
    if (p.ok(s.field("wmarks_mid"), s.field("wmarks_low")) && mid < low) {
      s.error("wmarks_low", "must be ≤ wmarks_mid (" + mid + "‰), got " + low + "‰ (expected high ≥ mid ≥ low)");
    }
    int weightSz = s.get("weight_sz", d.weightSz(), Fields.WEIGHT_SZ);
    int weightNr = s.get("weight_nr_accesses", d.weightNrAccesses(), Fields.WEIGHT_NR);
    int weightAge = s.get("weight_age", d.weightAge(), Fields.WEIGHT_AGE);
    if (p.ok(s.field("weight_sz"), s.field("weight_nr_accesses"), s.field("weight_age"))
        && weightSz == 0 && weightNr == 0 && weightAge == 0) {
      s.error("weight_age", "weight_sz, weight_nr_accesses and weight_age are all 0 "
          + "(expected at least one positive weight: the priority score divides by their sum)");
    }
    long apply = s.get("apply_interval", monitor.aggregationUs(), Fields.APPLY_INTERVAL);
    if (p.ok(s.field("apply_interval"), "monitor.aggregation") && apply % monitor.aggregationUs() != 0) {
      s.error("apply_interval", "must be a multiple of monitor.aggregation ("
          + Units.formatDurationUs(monitor.aggregationUs()) + "), got " + Units.formatDurationUs(apply));
    }
    s.finish();
    return new PolicySpec(minAge, quotaTime, quotaSize, reset, wmarksInterval, high, mid, low,
        weightSz, weightNr, weightAge, apply);
  }

  static ThresholdsSpec thresholds(Section s) {
    Problems p = s.problems();
    ThresholdsSpec d = ThresholdsSpec.defaults();
    int learning = s.get("learning_share", d.learningSharePermille(), Fields.LEARNING_SHARE);
    int collaboration = s.get("collaboration_share", d.collaborationSharePermille(), Fields.COLLABORATION_SHARE);
    if (p.ok(s.field("learning_share"), s.field("collaboration_share")) && learning > collaboration) {
      s.error("learning_share", "must be ≤ collaboration_share (" + collaboration + "‰), got " + learning
          + "‰ (expected LEARNING to give ML a smaller share than COLLABORATION)");
    }
    int promote = s.get("promote_margin", d.promoteMarginPermille(), Fields.PROMOTE_MARGIN);
    int demote = s.get("demote_margin", d.demoteMarginPermille(), Fields.DEMOTE_MARGIN);
    long window = s.get("window", d.windowUs(), Fields.WINDOW);
    int minSamples = s.get("min_samples", d.minSamples(), Fields.MIN_SAMPLES);
    long minDwell = s.get("min_dwell", d.minDwellUs(), Fields.MIN_DWELL);
    int emergency = s.get("emergency_pressure", d.emergencyPressurePermille(), Fields.EMERGENCY_PRESSURE);
    long staleness = s.get("staleness_timeout", d.stalenessTimeoutUs(), Fields.STALENESS);
    int maxReject = s.get("max_reject_rate", d.maxRejectRatePermille(), Fields.MAX_REJECT_RATE);
    int minConfidence = s.get("min_confidence", d.minConfidencePermille(), Fields.THRESHOLD_MIN_CONFIDENCE);
    int confidence = s.get("confidence", d.confidencePermille(), Fields.CONFIDENCE);
    s.finish();
    return new ThresholdsSpec(learning, collaboration, promote, demote, window, minSamples, minDwell,
        emergency, staleness, maxReject, minConfidence, confidence);
  }

  static ProxySpec proxy(Section s) {
    ProxySpec d = ProxySpec.defaults();
    ProxySpec.Mode mode = s.get("mode", d.mode(), Fields.MODE);
    ThresholdsSpec thresholds = thresholds(s.section("thresholds"));
    OptionalLong feedback = s.get("feedback_window", d.feedbackWindowUs(), Fields.FEEDBACK_WINDOW);
    s.finish();
    return new ProxySpec(mode, thresholds, feedback);
  }

  static AgentSpec agent(Section s, java.nio.file.Path baseDir) {
    AgentSpec d = AgentSpec.defaults();
    AgentSpec.Model model = s.get("model", d.model(), Fields.MODEL);
    ExternalAgentSpec external = null;
    if (model == AgentSpec.Model.EXTERNAL) {
      external = ExternalAgentReader.read(s, baseDir);
    } else if (s.problems().ok(s.field("model"))) {
      ExternalAgentReader.rejectFor(s, model);
    } else {
      s.know(ExternalAgentReader.KEYS.toArray(String[]::new));
    }
    long period = s.get("period", d.periodUs(), Fields.PERIOD);
    long read = s.get("read_cost_per_kib", d.readCostPerKibNs(), Fields.READ_COST);
    long train = s.get("train_cost_per_sample", d.trainCostPerSampleNs(), Fields.TRAIN_COST);
    long write = s.get("write_latency", d.writeLatencyUs(), Fields.WRITE_LATENCY);
    long horizon = s.get("horizon", d.horizonUs(), Fields.HORIZON);
    double rate = s.get("learning_rate", d.learningRate(), Fields.LEARNING_RATE);
    double l2 = s.get("l2", d.l2(), Fields.L2);
    int minConfidence = s.get("min_confidence", d.minConfidencePermille(), Fields.AGENT_MIN_CONFIDENCE);
    long portion = s.get("portion", d.portionBytes(), Fields.PORTION);
    s.finish();
    return new AgentSpec(model, period, read, train, write, horizon, rate, l2, minConfidence, portion, external);
  }

  static OracleSpec oracle(Section s) {
    OracleSpec d = OracleSpec.defaults();
    OptionalLong horizon = s.get("horizon", d.horizonUs(), Fields.ORACLE_HORIZON);
    boolean sameQuota = s.get("same_quota", d.sameQuota(), Fields.SAME_QUOTA);
    s.finish();
    return new OracleSpec(horizon, sameQuota);
  }
}
