package io.mlproxy.engine;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Runs every variant of every replication of a scenario and writes its results folder.
 *
 * <p>Replication r's seed comes from {@link SeedPlan}; all variants of r share it, so they see
 * the same workload (common random numbers). `none` always runs, as the reference of slowdown,
 * even when it is not reported. Tasks ({@link ReplicationTask}) run on a {@link
 * ReplicationExecutor}: {@code jobs} threads by default, or a cluster; results are gathered in task
 * order, so the files do not depend on where or how many at a time tasks ran.
 */
public final class ExperimentRunner {

  private ExperimentRunner() {}

  /**
   * Command-line overrides and run settings.
   *
   * @param variants variants to report, or null for the scenario's
   * @param replications replications, or null for the scenario's
   * @param seed scenario seed, or null for the scenario's
   * @param progress told the number of finished tasks out of {@code tasks}
   */
  public record Options(
      List<Variant> variants, Integer replications, Long seed, int jobs, String toolVersion, Progress progress,
      RunProfile profile) {

    /** Options that profile nothing. */
    public Options(List<Variant> variants, Integer replications, Long seed, int jobs, String toolVersion,
        Progress progress) {
      this(variants, replications, seed, jobs, toolVersion, progress, RunProfile.NONE);
    }
  }

  /** Progress of a run: {@code done} of {@code total} replication tasks finished. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);

    /**
     * Called once before the first task starts, by executors that can tell: {@code simulatedUs}
     * tells, whenever asked and from any thread, the simulated microseconds done so far over all
     * tasks, out of {@code totalUs} (for a progress bar that moves between finished tasks).
     */
    default void started(LongSupplier simulatedUs, long totalUs, int tasks) {}
  }

  /**
   * What a run produced.
   *
   * @param traceSkippedRecords malformed trace records skipped (lenient), -1 without a trace
   * @param traceRecords trace touches replayed per pass (before the scenario's end), -1 without a trace
   */
  public record Outcome(Path folder, Scenario scenario, List<SummaryRow> summary, long traceSkippedRecords,
      long traceRecords) {}

  /** Applies the options to {@code scenario}. */
  public static Scenario withOverrides(Scenario s, Options o) {
    return new Scenario(
        s.name(),
        s.description(),
        s.durationUs(),
        o.seed() != null ? o.seed() : s.seed(),
        o.replications() != null ? o.replications() : s.replications(),
        o.variants() != null ? List.copyOf(o.variants()) : s.variants(),
        s.outputStepUs(),
        s.objective(),
        s.memory(),
        s.monitor(),
        s.policy(),
        s.proxy(),
        s.agent(),
        s.workload(),
        s.faults(),
        s.oracle());
  }

  /** Runs {@code original} with {@code options} and writes {@code <outDir>/<name>/}, holding the folder's lock. */
  public static Outcome run(Scenario original, String scenarioText, Path outDir, Options options) {
    try (ResultsFolder folder = ResultsFolder.open(outDir, "workbench run " + original.name(), false, m -> { })) {
      return run(original, scenarioText, folder, options, ResultsWriter.Finishing.NONE);
    }
  }

  /**
   * Runs {@code original} with {@code options} and writes its folder in {@code folder} (whose lock
   * the caller holds), letting {@code finishing} add the report before the folder is swapped in.
   */
  public static Outcome run(Scenario original, String scenarioText, ResultsFolder folder, Options options,
      ResultsWriter.Finishing finishing) {
    // in this process: the variants of a replication side by side on one workload stream, each
    // replication's run files written into the staging folder as soon as it ends
    return run(original, scenarioText, folder, options, finishing, "on " + options.jobs() + " jobs", true,
        (plan, staging) -> simulate(plan, options.jobs(), options.progress(), options.profile(),
            group -> writeAndDropRunFiles(staging, plan.scenario(), group)));
  }

  /**
   * Writes the run files of one replication's {@code results} into {@code staging} and returns
   * them without those rows, so that a run holds the rows of the replications in flight only,
   * not of all of them until the end (and none while the report is made).
   */
  static List<ReplicationResult> writeAndDropRunFiles(Path staging, Scenario s, List<ReplicationResult> results) {
    ResultsWriter.writeRunFiles(staging, s, s.variants(), results);
    return results.stream().map(ResultsWriter::withoutRunFiles).toList();
  }

  /**
   * A replication's state (memories, look-ahead ring, stream chunks, proxies and agents: tens of
   * MB at 100,000 touches/s, mostly in the old generation by then) is garbage once it ends (only
   * its rows, a few MB, wait to be written), but G1 only finds that out at its next marking, which
   * it starts late: the next replication's state piled up on top of it (a 10-minute 32 MiB run
   * held two replications' worth at each start). One full collection here (a few hundred ms for 200 MB live, once per
   * replication) frees it at once and lets the heap shrink to what is live before the next one
   * begins. Skipped while the heap in use is under {@link #COLLECT_ABOVE_BYTES}: small replications
   * (tests, the report warm-up, scenarios of a few seconds) would pay a pause for nothing.
   * -XX:+DisableExplicitGC turns it off.
   */
  static void collectFinishedReplication() {
    Runtime rt = Runtime.getRuntime();
    if (worthCollecting(rt.totalMemory() - rt.freeMemory())) {
      System.gc();
    }
  }

  /** Heap in use (live or not) above which a finished replication is collected at once. */
  static final long COLLECT_ABOVE_BYTES = 64L << 20;

  static boolean worthCollecting(long heapUsedBytes) {
    return heapUsedBytes > COLLECT_ABOVE_BYTES;
  }

  /**
   * {@link #run(Scenario, String, ResultsFolder, Options, ResultsWriter.Finishing)} with the tasks
   * on {@code executor} (a cluster): one task per variant and replication, each reading its own stream.
   */
  public static Outcome run(Scenario original, String scenarioText, ResultsFolder folder, Options options,
      ResultsWriter.Finishing finishing, ReplicationExecutor executor) {
    return run(original, scenarioText, folder, options, finishing, "as tasks on the executor", false,
        (plan, staging) -> simulate(plan, executor, options.progress()));
  }

  /**
   * @param streamed whether {@code simulation} writes the run files into the staging folder it is
   *     given (and returns results without them)
   */
  private static Outcome run(Scenario original, String scenarioText, ResultsFolder folder, Options options,
      ResultsWriter.Finishing finishing, String where, boolean streamed,
      BiFunction<RunPlan, Path, List<ReplicationResult>> simulation) {
    Scenario s = withOverrides(original, options);
    folder.checkReplaceable(s.name());
    RunProfile profile = options.profile();
    RunPlan plan = profile.time("compile", () -> ScenarioCompiler.compile(s));
    int runs = s.replications() * (s.variants().contains(Variant.NONE) ? s.variants().size() : s.variants().size() + 1);
    Path staging = folder.stage(s.name());
    List<ReplicationResult> results;
    try {
      results = profile.time("simulation (" + runs + " runs " + where + ")", () -> simulation.apply(plan, staging));
    } catch (RuntimeException | Error e) {
      folder.discardAfter(staging, e);
      throw e;
    }
    return write(plan, scenarioText, results, folder, staging, streamed, options, finishing);
  }

  /**
   * Writes the results of {@code plan} (its scenario with the options already applied), simulated
   * elsewhere, into {@code folder}: summary, replications, events, time series, run.properties.
   */
  public static Outcome write(RunPlan plan, String scenarioText, List<ReplicationResult> results,
      ResultsFolder folder, Options options, ResultsWriter.Finishing finishing) {
    return write(plan, scenarioText, results, folder, folder.stage(plan.scenario().name()), false, options,
        finishing);
  }

  private static Outcome write(RunPlan plan, String scenarioText, List<ReplicationResult> results,
      ResultsFolder folder, Path staging, boolean runFilesWritten, Options options,
      ResultsWriter.Finishing finishing) {
    Scenario s = plan.scenario();
    RunProfile profile = options.profile();
    List<SummaryRow> summary;
    ResultsWriter.Contents contents;
    try {
      SummaryCalculator calc = new SummaryCalculator(s.name(), s.objective().lambda());
      List<ReplicationScore> scores = calc.score(results.stream().map(ReplicationResult::outcome).toList());
      summary = calc.summarize(scores, s.variants());
      contents = new ResultsWriter.Contents(s, scenarioText, runProperties(s, plan, options, results), summary,
          scores, results, s.variants(), runFilesWritten);
    } catch (RuntimeException | Error e) {
      folder.discardAfter(staging, e);
      throw e;
    }
    Path written = ResultsWriter.write(folder, staging, contents, finishing, profile);
    TraceSource trace = plan.workload() instanceof TraceSource t ? t : null;
    return new Outcome(written, s, summary, trace == null ? -1 : trace.skippedRecords(),
        trace == null ? -1 : touchesPerPass(trace, results));
  }

  /** Runs all tasks of {@code plan} on {@code jobs} threads; results in (replication, variant) order. */
  public static List<ReplicationResult> simulate(RunPlan plan, int jobs, Progress progress) {
    return simulate(plan, jobs, progress, RunProfile.NONE);
  }

  /**
   * Runs every variant of every replication of {@code plan}, at most {@code jobs} at once, and
   * returns the results in (replication, variant) order. The variants of a replication run side by
   * side and read one workload stream, produced once ({@link ReplicationGroup}).
   */
  public static List<ReplicationResult> simulate(RunPlan plan, int jobs, Progress progress, RunProfile profile) {
    return simulate(plan, jobs, progress, profile, null);
  }

  /**
   * As {@link #simulate(RunPlan, int, Progress, RunProfile)}, passing each replication's results
   * through {@code onReplication} (to write them out; null: keep them) as soon as the replication
   * ends, on a thread of its own while the next replication simulates ({@link ReplicationWriter}).
   */
  static List<ReplicationResult> simulate(RunPlan plan, int jobs, Progress progress, RunProfile profile,
      UnaryOperator<List<ReplicationResult>> onReplication) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    Scenario s = plan.scenario();
    Set<Variant> toRun = EnumSet.copyOf(s.variants());
    toRun.add(Variant.NONE);
    List<Variant> variants = List.copyOf(toRun);
    int total = s.replications() * variants.size();
    AtomicInteger done = new AtomicInteger();
    Semaphore cpu = new Semaphore(jobs, true);
    java.util.concurrent.atomic.LongAdder simulated = new java.util.concurrent.atomic.LongAdder();
    progress.started(simulated::sum, s.durationUs() * total, total);
    // the variants of a group move in lockstep (the common stream's window), so one group keeps
    // up to variants.size() jobs busy until its end; more groups only when there are more jobs
    int inFlight = Math.min(s.replications(), (jobs + variants.size() - 1) / variants.size());
    // a job would idle: each group produces its stream on a thread of its own
    boolean readAhead = inFlight * variants.size() < jobs;
    try (ReplicationWriter<List<ReplicationResult>> writer =
        onReplication == null ? null : new ReplicationWriter<>(onReplication, "results-writer")) {
      List<Callable<Future<List<ReplicationResult>>>> groups = new ArrayList<>();
      for (int rep = 1; rep <= s.replications(); rep++) {
        long seed = SeedPlan.replicationSeed(s.seed(), rep);
        ReplicationGroup group = new ReplicationGroup(plan, variants, rep, seed, cpu,
            () -> progress.update(done.incrementAndGet(), total), profile).reportingTo(simulated)
            .readingAhead(readAhead);
        groups.add(() -> {
          List<ReplicationResult> results = group.call();
          if (writer == null) {
            return CompletableFuture.completedFuture(results);
          }
          // its state is garbage now: collected before the next replication allocates its own
          collectFinishedReplication();
          return writer.submit(results);
        });
      }
      List<ReplicationResult> results = new ArrayList<>(total);
      for (Future<List<ReplicationResult>> written : ParallelRunner.run(groups, inFlight, n -> { })) {
        try {
          results.addAll(ReplicationWriter.await(written));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while writing replications", e);
        }
      }
      return results;
    }
  }

  /** Runs all tasks of {@code plan} on {@code executor}; results in (replication, variant) order. */
  public static List<ReplicationResult> simulate(RunPlan plan, ReplicationExecutor executor, Progress progress) {
    List<ReplicationResult> out = new ArrayList<>();
    executor.run(tasks(plan), progress).forEach(out::addAll);
    return out;
  }

  /**
   * The tasks of {@code plan}: every replication of every variant to run (`none` included, as the
   * reference of slowdown), in (replication, variant) order. One variant per task, so that
   * a cluster's members balance (in this process, {@link #simulate(RunPlan, int, Progress, RunProfile)}
   * runs a replication's variants on one shared stream instead).
   */
  public static List<ReplicationTask> tasks(RunPlan plan) {
    Scenario s = plan.scenario();
    Set<Variant> toRun = EnumSet.copyOf(s.variants());
    toRun.add(Variant.NONE);
    List<ReplicationTask> tasks = new ArrayList<>();
    for (int rep = 1; rep <= s.replications(); rep++) {
      long seed = SeedPlan.replicationSeed(s.seed(), rep);
      for (Variant v : toRun) {
        tasks.add(new ReplicationTask(plan, rep, seed, List.of(v)));
      }
    }
    return tasks;
  }

  /** Touches of one pass of the trace: a looped run's first pass, or what every run replayed. */
  private static long touchesPerPass(TraceSource trace, List<ReplicationResult> results) {
    long pass = trace.touchesPerPass();
    return pass >= 0 ? pass : results.isEmpty() ? 0 : results.get(0).touches();
  }

  private static Map<String, String> runProperties(Scenario s, RunPlan plan, Options o,
      List<ReplicationResult> results) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("tool_version", o.toolVersion());
    p.put("date", Instant.now().toString());
    p.put("scenario", s.name());
    p.put("description", s.description());
    p.put("duration_s", Csv.format(s.durationUs() / 1e6));
    p.put("seed", Long.toString(s.seed()));
    p.put("replications", Integer.toString(s.replications()));
    p.put("variants", String.join(",", s.variants().stream().map(Variant::yamlName).toList()));
    p.put("jobs", Integer.toString(o.jobs()));
    p.put("lambda", Csv.format(s.objective().lambda()));
    p.put("param.memory.pages", Integer.toString(plan.memory().pages()));
    p.put("param.memory.page_size", plan.memory().pageSizeBytes() + " B");
    p.put("param.memory.capacity_pages", Integer.toString(plan.memory().capacityPages()));
    p.put("param.memory.eviction", plan.memory().eviction().name().toLowerCase(java.util.Locale.ROOT));
    p.put("param.memory.hit_cost", plan.memory().hitNs() + " ns");
    p.put("param.memory.fault_cost", plan.memory().faultUs() + " us");
    p.put("param.monitor.sampling", plan.monitor().samplingUs() + " us");
    p.put("param.monitor.aggregation", plan.monitor().aggregationUs() + " us");
    p.put("param.monitor.regions", plan.monitor().minRegions() + ".." + plan.monitor().maxRegions());
    p.put("param.policy.min_age", Csv.format(plan.reclaim().minAgeUs() / 1e6) + " s");
    p.put("param.policy.quota", plan.reclaim().quotaMs() + " ms / " + plan.reclaim().quotaBytes() + " B per "
        + plan.reclaim().quotaResetIntervalMs() + " ms");
    p.put("param.policy.watermarks", plan.reclaim().watermarks().high() + "/" + plan.reclaim().watermarks().mid()
        + "/" + plan.reclaim().watermarks().low() + " permille");
    var t = plan.thresholds();
    p.put("param.thresholds.learning_share", Integer.toString(t.learningSharePermille()));
    p.put("param.thresholds.collaboration_share", Integer.toString(t.collaborationSharePermille()));
    p.put("param.thresholds.promote_margin", Integer.toString(t.promoteMarginPermille()));
    p.put("param.thresholds.demote_margin", Integer.toString(t.demoteMarginPermille()));
    p.put("param.thresholds.window", t.windowMs() + " ms");
    p.put("param.thresholds.min_samples", Integer.toString(t.minSamples()));
    p.put("param.thresholds.confidence", Integer.toString(t.confidencePermille()));
    p.put("param.thresholds.min_dwell", t.minDwellMs() + " ms");
    p.put("param.thresholds.staleness_timeout", t.stalenessTimeoutMs() + " ms");
    p.put("param.agent.model", s.agent().model().name().toLowerCase(java.util.Locale.ROOT));
    p.put("param.agent.period", Csv.format(s.agent().periodUs() / 1e6) + " s");
    if (s.agent().external() != null) {
      p.put("param.agent.command", String.join(" ", s.agent().external().command()));
    }
    p.put("param.objective.break_even", plan.breakEvenMs() + " ms");
    p.put("param.objective.feedback_window", plan.feedbackWindowMs() + " ms");
    p.put("param.oracle.horizon", Csv.format(plan.oracleHorizonUs() / 1e6) + " s");
    if (plan.workload() instanceof TraceSource trace) {
      // lenient reading must say what it skipped: here and in the printed summary
      p.put("trace.path", s.workload().trace().orElseThrow().path().toString());
      p.put("trace.touches_per_pass", Long.toString(touchesPerPass(trace, results)));
      p.put("trace.skipped_records", Long.toString(trace.skippedRecords()));
    }
    return p;
  }
}
