package io.mlproxy.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Every scalar field of a scenario file with its type and bounds, in one table. The bounds are
 * what the run needs to work (no overflow, no rounding to 0, no array too large), so that a file
 * {@code validate} accepts also runs; cross-field checks stay in the section readers.
 *
 * <p>README's scenario tables show each field's {@link ValueType#bounds()} in their "bounds"
 * column; {@code ReadmeBoundsTest} fails when the two differ, when a field here is not
 * documented, or when the loader reads a scalar whose type is not listed here. To add a field:
 * add a constant (its path as README's section and key give it, its type with the bounds, and in
 * a comment why those bounds), read it with that constant, and add the README row.
 */
final class Fields {

  /** The longest simulated time of any duration: the memory model keeps times as int milliseconds (2^31 ms ≈ 24.8 days). */
  static final long MAX_DURATION_US = 576L * 3_600_000_000L;

  /**
   * Largest address space in pages (64 GiB of 4 KiB pages), a bound of the rate-based model
   * ({@code workload.model: rate}): a run holds about 30 bytes per page (the memory's bits, states,
   * times and tags, a cursor per page, the ledger's claims, the calendar of due accesses), so
   * node-64g's 2^24 pages with 2 parallel jobs stay within a 2 GiB heap.
   */
  static final int MAX_PAGES = 1 << 24;

  /**
   * Largest address space of the touch model (16 GiB of 4 KiB pages), checked with the workload: it
   * holds about 70 bytes per page (the memory model, its LRU list, the monitor and the oracle's
   * look-ahead), so 2^22 pages with 2 parallel jobs fit a 512 MiB heap, while 2^24 needed 2 GiB.
   */
  static final int MAX_TOUCH_PAGES = 1 << 22;

  /** Most DAMON regions: the monitor keeps 13 int arrays of max_regions entries (52 MB at 10^6). */
  static final int MAX_REGIONS = 1_000_000;

  /** Largest cost of one event (a fault, a pageout, a stall, a read): 1 s; sums stay far from overflow. */
  static final long MAX_COST_NS = 1_000_000_000L;

  /** Longest scenario name: the name is a folder name, and staging folders add about 40 characters to it. */
  static final int MAX_NAME = 100;

  /** Longest description. */
  static final int MAX_DESCRIPTION = 10_000;

  /** Largest max nr_accesses (aggregation / sampling): DAMON's scores multiply it by 100 in an int. */
  static final long MAX_NR_ACCESSES = 1_000_000;

  private static final Map<String, Field<?>> ALL = new LinkedHashMap<>();

  /** One documented field: its path ({@code section.key}) and its type. */
  record Field<T>(String path, ValueType<T> type) implements ValueType<T> {
    @Override
    public String expected() {
      return type.expected();
    }

    @Override
    public String bounds() {
      return type.bounds();
    }

    @Override
    public T parse(String text) throws BadValue {
      return type.parse(text);
    }
  }

  private static <T> Field<T> add(String path, ValueType<T> type) {
    Field<T> f = new Field<>(path, type);
    if (ALL.put(path, f) != null) {
      throw new IllegalStateException("field listed twice: " + path);
    }
    return f;
  }

  private static ValueType<Long> duration(long minUs) {
    return ValueType.durationUs(minUs, MAX_DURATION_US);
  }

  private static ValueType<Long> cost(long minNs, boolean wholeUs) {
    return ValueType.costNs(minNs, MAX_COST_NS, wholeUs, "the memory model charges it in microseconds");
  }

  private Fields() {}

  // ---------------------------------------------------------------- top level
  static final Field<String> NAME =
      add("name", ValueType.matching("[a-z0-9_-]+", MAX_NAME, "a name of lower-case letters, digits, '_' and '-'"));
  static final Field<String> DESCRIPTION = add("description", ValueType.text(MAX_DESCRIPTION));
  static final Field<Long> DURATION = add("duration", duration(1));
  static final Field<Long> SEED = add("seed", ValueType.longRange(1, Long.MAX_VALUE));
  static final Field<Integer> REPLICATIONS = add("replications", ValueType.intRange(1, 1000));
  static final Field<Variant> VARIANT = add("variants", ValueType.oneOf(Variant.class, Variant::yamlName));
  static final Field<Long> OUTPUT_STEP = add("output_step", duration(1));
  // B grows with lambda; beyond 10^6 no feedback window could exceed it anyway
  static final Field<Double> LAMBDA = add("objective.lambda", ValueType.number(0, false, 1e6));

  // ---------------------------------------------------------------- memory
  static final Field<Integer> PAGES = add("memory.pages", ValueType.intRange(3, MAX_PAGES));
  static final Field<Long> SIZE = add("memory.size", ValueType.sizeBytes(1, (long) MAX_PAGES << 30));
  static final Field<Long> PAGE_SIZE = add("memory.page_size", ValueType.pageSize(512, 1L << 30));
  static final Field<Amount> CAPACITY = add("memory.capacity", Amount.type());
  static final Field<MemorySpec.Eviction> EVICTION =
      add("memory.eviction", ValueType.oneOf(MemorySpec.Eviction.class, MemorySpec.Eviction::yamlName));
  // B divides by the hit cost; 1 ms keeps a run's summed access time within a long
  static final Field<Long> HIT_COST =
      add("memory.hit_cost", ValueType.costNs(1, 1_000_000, false, "the memory model charges it in nanoseconds"));
  static final Field<Long> FAULT_COST = add("memory.fault_cost", cost(0, true));
  static final Field<Long> PAGEOUT_COST = add("memory.pageout_cost_per_page", cost(0, true));
  static final Field<Long> STALL_COST = add("memory.direct_reclaim_stall_per_page", cost(0, true));

  // ---------------------------------------------------------------- monitor
  static final Field<Long> SAMPLING = add("monitor.sampling", duration(1));
  static final Field<Long> AGGREGATION = add("monitor.aggregation", duration(1));
  static final Field<Long> OPS_UPDATE = add("monitor.ops_update", duration(1));
  static final Field<Integer> MIN_REGIONS_FIELD = add("monitor.min_regions", ValueType.intRange(3, MAX_REGIONS));
  static final Field<Integer> MAX_REGIONS_FIELD = add("monitor.max_regions", ValueType.intRange(3, MAX_REGIONS));

  // ---------------------------------------------------------------- policy
  static final Field<Long> MIN_AGE = add("policy.min_age", duration(0));
  static final Field<Long> QUOTA_MS =
      add("policy.quota_ms", ValueType.longRange(0, MAX_DURATION_US / 1000));
  static final Field<Long> QUOTA_TIME = add("policy.quota_time",
      ValueType.durationMs(0, MAX_DURATION_US, "DAMOS counts its time quota in milliseconds"));
  // a quota larger than any address space is the same as none
  static final Field<Long> QUOTA_SIZE = add("policy.quota_size", ValueType.sizeBytes(0, 1L << 50));
  static final Field<Long> QUOTA_RESET = add("policy.quota_reset_interval",
      ValueType.durationMs(1000, MAX_DURATION_US, "DAMOS resets its quota every whole number of milliseconds"));
  static final Field<Long> WMARKS_INTERVAL = add("policy.wmarks_interval", duration(1));
  static final Field<Integer> WMARKS_HIGH = add("policy.wmarks_high", ValueType.permille());
  static final Field<Integer> WMARKS_MID = add("policy.wmarks_mid", ValueType.permille());
  static final Field<Integer> WMARKS_LOW = add("policy.wmarks_low", ValueType.permille());
  // DAMON's sysfs names the weights *_permil; the score multiplies them by 100 in an int
  static final Field<Integer> WEIGHT_SZ = add("policy.weight_sz", ValueType.intRange(0, 1000));
  static final Field<Integer> WEIGHT_NR = add("policy.weight_nr_accesses", ValueType.intRange(0, 1000));
  static final Field<Integer> WEIGHT_AGE = add("policy.weight_age", ValueType.intRange(0, 1000));
  static final Field<Long> APPLY_INTERVAL = add("policy.apply_interval", duration(1));

  // ---------------------------------------------------------------- proxy
  static final Field<ProxySpec.Mode> MODE =
      add("proxy.mode", ValueType.oneOf(ProxySpec.Mode.class, ProxySpec.Mode::yamlName));
  private static final String PROXY_MS = "the proxy counts in milliseconds";
  /** The longest of the proxy's thresholds: ModeThresholds accepts up to 24 h. */
  static final long MAX_PROXY_US = 86_400_000_000L;
  static final Field<OptionalLong> FEEDBACK_WINDOW =
      add("proxy.feedback_window", autoOr(ValueType.durationMs(1000, MAX_PROXY_US, PROXY_MS)));
  static final Field<Integer> LEARNING_SHARE = add("proxy.thresholds.learning_share", ValueType.permille());
  static final Field<Integer> COLLABORATION_SHARE =
      add("proxy.thresholds.collaboration_share", ValueType.permille());
  static final Field<Integer> PROMOTE_MARGIN = add("proxy.thresholds.promote_margin", ValueType.permille());
  static final Field<Integer> DEMOTE_MARGIN = add("proxy.thresholds.demote_margin", ValueType.permille());
  static final Field<Long> WINDOW =
      add("proxy.thresholds.window", ValueType.durationMs(1000, MAX_PROXY_US, PROXY_MS));
  // ModeThresholds' own limit
  static final Field<Integer> MIN_SAMPLES = add("proxy.thresholds.min_samples", ValueType.intRange(1, 1_000_000_000));
  static final Field<Long> MIN_DWELL =
      add("proxy.thresholds.min_dwell", ValueType.durationMs(0, MAX_PROXY_US, PROXY_MS));
  static final Field<Integer> EMERGENCY_PRESSURE =
      add("proxy.thresholds.emergency_pressure", ValueType.permille());
  static final Field<Long> STALENESS =
      add("proxy.thresholds.staleness_timeout", ValueType.durationMs(1000, MAX_PROXY_US, PROXY_MS));
  static final Field<Integer> MAX_REJECT_RATE = add("proxy.thresholds.max_reject_rate", ValueType.permille());
  static final Field<Integer> THRESHOLD_MIN_CONFIDENCE =
      add("proxy.thresholds.min_confidence", ValueType.permille());
  // the proxy's table of one-sided normal quantiles covers 500..999 per mille
  static final Field<Integer> CONFIDENCE = add("proxy.thresholds.confidence", ValueType.intRange(500, 999));

  // ---------------------------------------------------------------- agent
  static final Field<AgentSpec.Model> MODEL =
      add("agent.model", ValueType.oneOf(AgentSpec.Model.class, AgentSpec.Model::yamlName));
  static final Field<Long> PERIOD = add("agent.period", duration(1));
  static final Field<Long> READ_COST = add("agent.read_cost_per_kib", cost(0, false));
  static final Field<Long> TRAIN_COST = add("agent.train_cost_per_sample", cost(0, false));
  static final Field<Long> WRITE_LATENCY = add("agent.write_latency", duration(0));
  static final Field<Long> HORIZON = add("agent.horizon",
      ValueType.durationMs(1000, MAX_DURATION_US, "the agent labels pages in milliseconds"));
  // beyond these the logistic model's weights overflow to infinity within a few steps
  static final Field<Double> LEARNING_RATE = add("agent.learning_rate", ValueType.number(0, true, 100));
  static final Field<Double> L2 = add("agent.l2", ValueType.number(0, false, 100));
  static final Field<Integer> AGENT_MIN_CONFIDENCE = add("agent.min_confidence", ValueType.permille());
  // the agent allocates one buffer of this size; a dataset of 10^6 regions is about 40 MB
  static final Field<Long> PORTION = add("agent.portion", ValueType.sizeBytes(1, 64L << 20));
  // external agents (model: external); the wall-clock limits are real time, not simulated time
  static final Field<String> AGENT_COMMAND = add("agent.command", ValueType.string());
  static final Field<String> AGENT_ENV = add("agent.env", ValueType.string());
  static final Field<Double> WALL_TIME_FACTOR = add("agent.wall_time_factor", ValueType.number(0, false, 1e6));
  static final Field<Long> REPLY_TIMEOUT = add("agent.reply_timeout", ValueType.durationUs(1000, 3_600_000_000L));
  static final Field<Long> START_TIMEOUT = add("agent.start_timeout", ValueType.durationUs(1000, 3_600_000_000L));
  static final Field<Long> RESTART_DELAY = add("agent.restart_delay", duration(0));
  static final Field<Integer> MAX_RESTARTS = add("agent.max_restarts", ValueType.intRange(0, 10_000));
  // agent.log holds at most this much of the agent's stderr
  static final Field<Long> LOG_LIMIT = add("agent.log_limit", ValueType.sizeBytes(1024, 1L << 30));

  // ---------------------------------------------------------------- workload
  static final Field<Long> RATE = add("workload.rate", ValueType.touchRate());
  static final Field<Long> TICK = add("workload.tick", duration(1));
  static final Field<WorkloadSpec.Model> WORKLOAD_MODEL =
      add("workload.model", ValueType.oneOf(WorkloadSpec.Model.class, WorkloadSpec.Model::yamlName));
  static final Field<Long> PHASE_AT = add("workload.phases.at", duration(0));
  static final Field<WorkloadReader.Pattern> PATTERN = add("workload.phases.mix.pattern",
      ValueType.oneOf(WorkloadReader.Pattern.class, WorkloadReader.Pattern::yamlName));
  // the total weight must stay finite
  static final Field<Double> WEIGHT = add("workload.phases.mix.weight", ValueType.number(0, true, 1e6));
  static final Field<Double> HOT_FRACTION = add("pattern.hotset.hot_fraction", ValueType.number(0, true, 1));
  static final Field<Double> HOT_SHARE = add("pattern.hotset.hot_share", ValueType.fraction());
  static final Field<Double> POSITION = add("pattern.hotset.position", ValueType.fraction());
  static final Field<Double> DRIFT = add("pattern.hotset.drift", ValueType.signedRate(1e9));
  static final Field<Double> SKEW = add("pattern.zipf.skew", ValueType.number(0, true, 20));
  static final Field<Boolean> SCRAMBLED = add("pattern.zipf.scrambled", ValueType.bool());
  static final Field<Integer> STRIDE = add("pattern.scan.stride", ValueType.intRange(1, MAX_PAGES));
  static final Field<Boolean> LOOPING = add("pattern.scan.looping", ValueType.bool());
  static final Field<Double> SCAN_START = add("pattern.scan.start", ValueType.startFraction());
  static final Field<Double> SCAN_LENGTH = add("pattern.scan.length", ValueType.number(0, true, 1));
  static final Field<Double> UNIFORM_START = add("pattern.uniform.start", ValueType.startFraction());
  static final Field<Double> UNIFORM_LENGTH = add("pattern.uniform.length", ValueType.number(0, true, 1));
  static final Field<Double> GROWTH_FROM = add("pattern.growth.from", ValueType.number(0, true, 1));
  static final Field<Double> GROWTH_TO = add("pattern.growth.to", ValueType.number(0, true, 1));
  static final Field<Long> GROWTH_OVER = add("pattern.growth.over", duration(1));
  static final Field<Double> PERIODIC_START = add("pattern.periodic.start", ValueType.startFraction());
  static final Field<Double> PERIODIC_LENGTH = add("pattern.periodic.length", ValueType.number(0, true, 1));
  static final Field<Long> PERIODIC_PERIOD = add("pattern.periodic.period", duration(2));
  static final Field<Double> PERIODIC_HOT_SHARE = add("pattern.periodic.hot_share", ValueType.fraction());

  // ---------------------------------------------------------------- workload.trace
  static final Field<String> TRACE_PATH = add("workload.trace.path", ValueType.string());
  static final Field<TraceSpec.Format> TRACE_FORMAT =
      add("workload.trace.format", ValueType.oneOf(TraceSpec.Format.class, TraceSpec.Format::yamlName));
  static final Field<TraceSpec.Addresses> TRACE_ADDRESSES =
      add("workload.trace.addresses", ValueType.oneOf(TraceSpec.Addresses.class, TraceSpec.Addresses::yamlName));
  static final Field<Long> TRACE_PAGE_SIZE = add("workload.trace.page_size", ValueType.pageSize(64, 1L << 30));
  static final Field<TraceSpec.Time> TRACE_TIME =
      add("workload.trace.time", ValueType.oneOf(TraceSpec.Time.class, TraceSpec.Time::yamlName));
  static final Field<Long> TRACE_RATE = add("workload.trace.rate", ValueType.touchRate());
  static final Field<Boolean> TRACE_LENIENT = add("workload.trace.lenient", ValueType.bool());
  static final Field<Boolean> TRACE_LOOP = add("workload.trace.loop", ValueType.bool());

  // ---------------------------------------------------------------- faults
  static final Field<FaultSpec.Type> FAULT_TYPE =
      add("faults.type", ValueType.oneOf(FaultSpec.Type.class, FaultSpec.Type::yamlName));
  static final Field<Long> FAULT_AT = add("faults.at", duration(0));
  static final Field<Long> FAULT_DURATION = add("faults.duration", duration(1));
  static final Field<Double> FAULT_FACTOR = add("faults.factor", ValueType.number(1, false, 1000));
  static final Field<Integer> FAULT_COUNT = add("faults.count", ValueType.intRange(1, 1_000_000));
  static final Field<Amount> FAULT_CAPACITY = add("faults.capacity", Amount.type());
  static final Field<Integer> FAULT_TO_PHASE = add("faults.to_phase", ValueType.intRange(0, 1_000_000));

  // ---------------------------------------------------------------- oracle
  static final Field<OptionalLong> ORACLE_HORIZON = add("oracle.horizon", autoOr(duration(1)));
  static final Field<Boolean> SAME_QUOTA = add("oracle.same_quota", ValueType.bool());

  /** {@code auto} (empty) or a duration of {@code d}. */
  private static ValueType<OptionalLong> autoOr(ValueType<Long> d) {
    String expected = "auto or " + d.expected();
    return ValueType.of(expected, "auto, " + d.bounds(), text -> {
      if ("auto".equals(text.strip())) {
        return OptionalLong.empty();
      }
      try {
        return OptionalLong.of(d.parse(text));
      } catch (BadValue bad) {
        throw new BadValue(bad.getMessage(), expected);
      }
    });
  }

  /** Every field, by path, in README order. */
  static Map<String, Field<?>> all() {
    return Collections.unmodifiableMap(ALL);
  }
}
