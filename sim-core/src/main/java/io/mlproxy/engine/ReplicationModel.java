package io.mlproxy.engine;

import io.mlproxy.agent.AgentCosts;
import io.mlproxy.agent.AgentModel;
import io.mlproxy.agent.AgentProcess;
import io.mlproxy.agent.KMeansAgentModel;
import io.mlproxy.agent.LogisticAgentModel;
import io.mlproxy.agent.TunerAgentModel;
import io.mlproxy.agent.UserAgent;
import io.mlproxy.agent.external.ExternalAgent;
import io.mlproxy.damon.DamonMonitor;
import io.mlproxy.damon.DamosScheme;
import io.mlproxy.engine.DsolReplicationRunner.Scheduler;
import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryCounters;
import io.mlproxy.policy.OraclePolicy;
import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.SystemMode;
import io.mlproxy.proxy.TransitionReason;
import io.mlproxy.scenario.AgentSpec;
import io.mlproxy.scenario.FaultSpec;
import io.mlproxy.scenario.Variant;
import io.mlproxy.workload.AccessFuture;
import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.Lookahead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.tudelft.simulation.dsol.formalisms.eventscheduling.Executable;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;

/**
 * One variant in one replication: the memory, the DAMON monitor, the variant's policy and, for
 * the ML variants, the proxy and its agent, wired to DSOL events.
 *
 * <p>Events: a workload tick every {@code workload.tick} (its touches, then a DAMON sample when a
 * sampling interval ends; touches of pages under judgement report their outcome to the ledger);
 * an aggregation every aggregation interval, after the tick of the same instant (judged batches to
 * estimate_efficiency and closed decisions to feedback, the mode controller, then regions and
 * schemes through the proxy in the mode just decided, metrics row); the agent's wake-up,
 * training-done and recommendation-delivered events; phase changes; fault start and end.
 */
final class ReplicationModel {

  /** Touches read per batch from the workload stream. */
  private static final int BATCH = 8192;
  /** Address buckets of the heatmap (fewer when the address space has fewer pages). */
  static final int HEATMAP_BUCKETS = 64;

  /** Buckets of the heatmap of an address space of {@code pages}: each holds at least one page. */
  static int heatmapBuckets(int pages) {
    return Math.min(HEATMAP_BUCKETS, pages);
  }

  private final RunPlan plan;
  private final Variant variant;
  private final int rep;
  private final long repSeed;
  private final boolean heatmap;
  private java.util.concurrent.atomic.LongAdder progress;
  /** The replication's workload stream, read by this variant only (shared through {@link CommonStream}). */
  private final AccessStream workload;
  private final boolean measureCpu;
  private long cpuStartNanos = -1;
  private long cpuEndNanos;

  private final EventLog events = new EventLog();
  private final List<TimeseriesRow> rows = new ArrayList<>();
  private final List<DamonRow> damonRows = new ArrayList<>();
  private final List<int[]> heatmapRows = new ArrayList<>();
  private final long[] modeTimeUs = new long[4];

  private Scheduler scheduler;
  private Memory memory;
  private DamonMonitor monitor;
  private TickReader reader;
  private Lookahead future;
  /** Drives the memory from the workload's rates instead of its touches (workload.model: rate), else null. */
  private RateDriver rates;
  private OraclePolicy oracle;
  private DamosScheme scheme;
  private MlModelProxy proxy;
  private ProxySide proxySide;
  private DamonSubsystem subsystem;
  private AgentDriver agent;
  private ExternalAgent external;
  private long proxyNowMs;
  private long ticksPerSample;
  private long tickCount;
  private int aggregationsPerRow;
  private int aggregationsSinceRow;
  private MemoryCounters lastRowCounters;
  private long lastRejected;
  private double residentSum;
  private double footprintSum;
  private long aggregations;

  /**
   * A variant reading {@code workload}, which must yield the replication's stream (the one opened
   * from the replication's "workload" seed); this model closes it.
   *
   * @param measureCpu whether to measure the CPU time the simulation thread spends ({@link #cpuNanos})
   */
  ReplicationModel(RunPlan plan, Variant variant, int rep, long repSeed, boolean heatmap, AccessStream workload,
      boolean measureCpu) {
    this.plan = plan;
    this.variant = variant;
    this.rep = rep;
    this.repSeed = repSeed;
    this.heatmap = heatmap;
    this.workload = workload;
    this.measureCpu = measureCpu;
  }

  /** CPU time of the simulation thread from the first event to the last aggregation, ns (0 unless measured). */
  long cpuNanos() {
    return cpuStartNanos < 0 ? 0 : cpuEndNanos - cpuStartNanos;
  }

  private void noteCpu() {
    long now = THREADS.getCurrentThreadCpuTime();
    if (cpuStartNanos < 0) {
      cpuStartNanos = now;
    }
    cpuEndNanos = now;
  }

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /** Runs the replication to its end on the calling thread (DSOL's worker does the events). */
  ReplicationResult run() {
    long durationUs = plan.scenario().durationUs();
    String label = plan.scenario().name() + "-" + variant.yamlName() + "-" + rep;
    try {
      DsolReplicationRunner.run(
          label, durationUs, new MersenneTwister(SeedPlan.streamSeed(repSeed, "default")), this::construct);
    } finally {
      if (agent != null) {
        agent.close();
      }
      if (reader != null) {
        reader.close();
      } else if (workload != null) {
        workload.close();
      }
    }
    return result();
  }

  private void construct(Scheduler s) {
    this.scheduler = s;
    memory = new Memory(plan.memory());
    monitor =
        new DamonMonitor(plan.monitor(), memory, new MersenneTwister(SeedPlan.streamSeed(repSeed, "monitor")));
    AccessFuture oracleFuture = null;
    if (plan.rate() != null) {
      // the same seed as the touch stream's: every variant of the replication sees the same accesses
      rates = new RateDriver(plan.rate(), SeedPlan.streamSeed(repSeed, "workload"), memory);
      oracleFuture = variant == Variant.ORACLE ? rates.future(plan.oracleHorizonUs()) : null;
    } else if (variant == Variant.ORACLE) {
      future = new Lookahead(workload, plan.oracleHorizonUs());
      oracleFuture = future;
      reader = TickReader.ofLookahead(future, BATCH);
    } else {
      reader = TickReader.of(workload, BATCH);
    }
    if (variant == Variant.ORACLE) {
      boolean sameQuota = plan.scenario().oracle().sameQuota();
      oracle =
          new OraclePolicy(
              memory, oracleFuture, sameQuota ? plan.reclaim().quotaBytes() : 0,
              sameQuota ? plan.reclaim().quotaMs() : 0, plan.reclaim().quotaResetIntervalMs());
    }
    if (variant.usesProxy()) {
      wireProxy();
    }
    if (heatmap && subsystem == null) {
      // a monitor without a proxy still feeds the heatmap through a subsystem copy
      subsystem = new DamonSubsystem(null, plan.reclaim(), plan.monitor());
      monitor.setAggregationListener(subsystem);
    }

    long tickUs = plan.scenario().workload().tickUs();
    ticksPerSample = Math.max(1, plan.monitor().samplingUs() / tickUs);
    aggregationsPerRow = (int) Math.max(1, plan.scenario().outputStepUs() / plan.monitor().aggregationUs());
    lastRowCounters = memory.counters();
    scheduleTicks(tickUs);
    scheduleAggregations(plan.monitor().aggregationUs());
    scheduleFaults();
    schedulePhaseChanges();
    if (agent != null) {
      agent.start();
    }
  }

  private void wireProxy() {
    scheme = plan.reclaim().newScheme(plan.monitor(), memory.pageSizeBytes());
    scheme.setApplyInterval((int) Math.min(Integer.MAX_VALUE,
        Math.max(1, plan.scenario().policy().applyIntervalUs() / plan.monitor().aggregationUs())));
    proxySide =
        new ProxySide(plan, plan.scenario().name() + "/" + variant.yamlName(), memory, scheme, monitor.regions(),
            () -> proxyNowMs);
    proxy = proxySide.proxy();
    subsystem = proxySide.subsystem();
    monitor.setAggregationListener(subsystem);
    monitor.addScheme(scheme, memory);
    if (variant == Variant.HANDCRAFTED) {
      proxy.forceMode(SystemMode.EMERGENCY);
    } else if (variant == Variant.ML_ONLY) {
      proxy.forceMode(SystemMode.RECOMMENDATION);
    } else {
      applyInitialMode();
    }
    if (variant.runsAgent()) {
      AgentSpec a = plan.scenario().agent();
      UserAgent process;
      if (a.model() == AgentSpec.Model.EXTERNAL) {
        process = external = ExternalAgents.create(plan, variant, rep, repSeed, proxy, scheduler::nowUs);
      } else {
        process =
            new AgentProcess(
                new ControlInterface(proxy),
                new DataChannel(proxy),
                model(a),
                new AgentCosts(a.readCostPerKibNs(), a.trainCostPerSampleNs(), (int) a.portionBytes()));
      }
      agent = new AgentDriver(process, scheduler, a.periodUs(), a.writeLatencyUs(), events, this::noteRejections);
    }
  }

  private void applyInitialMode() {
    switch (plan.scenario().proxy().mode()) {
      case ADAPTIVE -> { }
      case EMERGENCY -> proxy.forceMode(SystemMode.EMERGENCY);
      case LEARNING -> proxy.forceMode(SystemMode.LEARNING);
      case COLLABORATION -> proxy.forceMode(SystemMode.COLLABORATION);
      case RECOMMENDATION -> proxy.forceMode(SystemMode.RECOMMENDATION);
    }
  }

  private AgentModel model(AgentSpec a) {
    int max = (int) (plan.monitor().aggregationUs() / plan.monitor().samplingUs());
    return switch (a.model()) {
      case LOGISTIC ->
          new LogisticAgentModel(
              max, a.horizonUs() / 1000, a.learningRate(), a.l2(), a.minConfidencePermille());
      case KMEANS -> new KMeansAgentModel(max, a.minConfidencePermille(), SeedPlan.streamSeed(repSeed, "agent"));
      case TUNER -> new TunerAgentModel(0.5);
      case EXTERNAL -> throw new IllegalStateException("an external agent has no built-in model");
    };
  }

  // ------------------------------------------------------------------ events

  /**
   * Workload ticks. One DSOL event runs every tick due before the next other event in DSOL's list
   * (an aggregation, the agent, a fault, the end): nothing can happen between them, so running
   * them back to back is the order the list would give, and the engine costs one event per batch
   * instead of one per tick (with 100 touches per tick it was a quarter of a trace replay's time).
   * A tick at the very time of another event is left to DSOL, which orders them by priority.
   */
  private void scheduleTicks(long tickUs) {
    scheduler.at(tickUs, new Ticks(tickUs));
  }

  /**
   * The recurring tick event, which schedules itself again: one object for the whole run, where a
   * lambda reached itself through an array and a method reference made a wrapper at every
   * scheduling (one more layer that C2 compiled with the whole body inlined).
   */
  private final class Ticks implements Executable {
    private final long tickUs;

    Ticks(long tickUs) {
      this.tickUs = tickUs;
    }

    @Override
    public void execute() {
      if (measureCpu && cpuStartNanos < 0) {
        noteCpu();
      }
      long limit = scheduler.nextEventUs();
      long at = scheduler.nowUs();
      do {
        tick(at, tickUs);
        at += tickUs;
      } while (at < limit);
      scheduler.at(at, this);
    }
  }

  /** The tick ending at {@code now}: its touches, then a DAMON sample when a sampling interval ends. */
  private void tick(long now, long tickUs) {
    if (rates != null) {
      rates.tick(now);
    } else {
      reader.until(now, (pages, from, to) -> memory.touchAll(pages, from, to, now - tickUs));
    }
    if (++tickCount % ticksPerSample == 0) {
      monitor.sample(now);
    }
  }

  private void scheduleAggregations(long aggregationUs) {
    scheduler.at(aggregationUs, Scheduler.LATE, new Aggregation(aggregationUs));
  }

  /** The recurring aggregation event, which schedules itself again (as {@link Ticks} does). */
  private final class Aggregation implements Executable {
    private final long aggregationUs;

    Aggregation(long aggregationUs) {
      this.aggregationUs = aggregationUs;
    }

    @Override
    public void execute() {
      aggregate(scheduler.nowUs(), aggregationUs);
      if (measureCpu) {
        noteCpu();
      }
      scheduler.at(scheduler.nowUs() + aggregationUs, Scheduler.LATE, this);
    }
  }

  /** Adds the simulated time of this run, as it passes, to {@code adder} (for progress bars). */
  ReplicationModel reportingTo(java.util.concurrent.atomic.LongAdder adder) {
    this.progress = adder;
    return this;
  }

  private void aggregate(long now, long aggregationUs) {
    if (progress != null) {
      progress.add(aggregationUs);
    }
    proxyNowMs = now / 1000;
    if (proxySide != null) {
      SystemMode modeBefore = proxy.mode();
      proxySide.judgeAndCorrect(now, 1000 - memory.freeMemoryPermille());
      modeTimeUs[modeBefore.ordinal()] += aggregationUs;
      proxySide.logTransitions(events);
      proxySide.beforeDecisions(now);
    }
    if (monitor.aggregationDue()) {
      monitor.aggregate(now);
    }
    if (oracle != null) {
      if (future != null) {
        future.advanceTo(now);
      }
      oracle.apply(now);
    }
    residentSum += memory.residentPages();
    footprintSum += memory.footprintPages();
    aggregations++;
    if (heatmap) {
      recordHeatmap(now);
    }
    if (++aggregationsSinceRow == aggregationsPerRow) {
      aggregationsSinceRow = 0;
      rows.add(row(now));
      damonRows.add(DamonRow.of(now, monitor, scheme));
    }
  }

  private void noteRejections() {
    long rejected = proxy.counters().getOrDefault("messages_rejected", 0L);
    if (rejected > lastRejected) {
      events.add(scheduler.nowUs(), EventLog.RECOMMENDATION_REJECTED, "", "", proxy.lastReject());
      lastRejected = rejected;
    }
  }

  private void recordHeatmap(long now) {
    int pages = memory.pages();
    int buckets = heatmapBuckets(pages);
    // per bucket: DAMON's access frequency, then the resident share (a popcount of the
    // residency bits: cheap even for 2^22 pages), so the report can mark what reclaim paged out
    int[] row = new int[2 * buckets + 1];
    row[0] = (int) (now / 1000);
    int max = (int) (plan.monitor().aggregationUs() / plan.monitor().samplingUs());
    for (int b = 0; b < buckets; b++) {
      int from = (int) ((long) pages * b / buckets);
      int to = (int) ((long) pages * (b + 1) / buckets);
      row[b + 1] = subsystem.accessPermille(from, to, max);
      row[buckets + b + 1] = (int) (memory.residentPages(from, to) * 1000L / (to - from));
    }
    heatmapRows.add(row);
  }

  private TimeseriesRow row(long now) {
    MemoryCounters c = memory.counters();
    MemoryCounters d = c.since(lastRowCounters);
    lastRowCounters = c;
    ProxyColumns columns =
        proxySide == null ? ProxyColumns.NONE : proxySide.columns(now, 1000 - memory.freeMemoryPermille());
    long accessUs = d.accessNs() / 1000 + d.stallUs() + d.reclaimCpuUs();
    return new TimeseriesRow(
        now, d.residentPages(), d.footprintPages(), d.touches(), d.hits(), d.majorFaults(), d.refaults(),
        d.pagesPagedOut(), d.directReclaimEvictions(), d.reclaimCpuUs(), d.stallUs(), accessUs, columns,
        memory.freeMemoryPermille());
  }

  private void schedulePhaseChanges() {
    List<io.mlproxy.workload.Phase> phases = plan.phases();
    for (int i = 1; i < phases.size(); i++) {
      String reason = "phase " + i;
      scheduler.at(
          phases.get(i).startUs(), () -> events.add(scheduler.nowUs(), EventLog.PHASE_CHANGE, "", "", reason));
    }
  }

  private void scheduleFaults() {
    for (FaultSpec f : plan.scenario().faults()) {
      String name = f.type().yamlName();
      scheduler.at(
          f.atUs(),
          () -> {
            events.add(scheduler.nowUs(), EventLog.FAULT_INJECTED, "", "", name);
            inject(f, true);
          });
      if (f.type().lasting()) {
        scheduler.at(
            f.atUs() + f.durationUs(),
            () -> {
              events.add(scheduler.nowUs(), EventLog.FAULT_CLEARED, "", "", name);
              inject(f, false);
            });
      }
    }
  }

  private void inject(FaultSpec f, boolean on) {
    switch (f.type()) {
      case AGENT_CRASH -> {
        if (agent != null) {
          if (on) {
            agent.crash();
          } else {
            agent.restart();
          }
        }
      }
      case AGENT_SLOW -> {
        if (agent != null) {
          agent.slowDown(on ? f.factor() : 1.0);
        }
      }
      case CORRUPT_RECOMMENDATIONS -> {
        if (agent != null) {
          agent.corrupt(f.count());
        }
      }
      case STALE_RECOMMENDATIONS -> {
        if (agent != null) {
          agent.stale(on);
        }
      }
      case MEMORY_PRESSURE ->
          memory.setUsableCapacity(on ? Math.max(1, f.capacityPages()) : plan.memory().capacityPages());
      case WORKLOAD_SHIFT -> {
        // compiled into the workload's phases: every variant sees it in its touch stream
      }
    }
  }

  // ------------------------------------------------------------------ result

  private ReplicationResult result() {
    MemoryCounters c = memory.counters();
    double accessUs = c.accessNs() / 1000.0 + c.stallUs() + c.reclaimCpuUs();
    int transitions = 0;
    long hintsApplied = 0;
    long rejected = 0;
    if (proxy != null) {
      var counters = proxy.counters();
      // forcing the mode of the handcrafted and ml-only variants is set-up, not the controller's doing
      transitions = (int) proxy.transitions().stream().filter(t -> t.reason() != TransitionReason.FORCED).count();
      hintsApplied = counters.get("hints_applied");
      rejected = counters.get("messages_rejected");
    }
    ReplicationOutcome outcome =
        new ReplicationOutcome(
            variant, rep, repSeed,
            aggregations == 0 ? 0 : residentSum / aggregations,
            aggregations == 0 ? 0 : footprintSum / aggregations,
            accessUs, c.majorFaults(), c.refaults(), c.reclaimCpuUs(), transitions, hintsApplied, rejected,
            new ReplicationOutcome.ModeTime(modeTimeUs[0], modeTimeUs[1], modeTimeUs[2], modeTimeUs[3]));
    return new ReplicationResult(
        outcome,
        List.copyOf(rows),
        events.entries(),
        List.copyOf(heatmapRows),
        proxy == null ? Map.of() : Map.copyOf(proxy.counters()),
        c.touches(),
        external == null ? Map.of() : external.counters(),
        external == null ? new byte[0] : external.log().toBytes(),
        List.copyOf(damonRows));
  }
}
