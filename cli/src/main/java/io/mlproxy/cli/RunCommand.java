package io.mlproxy.cli;

import io.mlproxy.cluster.ClusterExecutor;
import io.mlproxy.cluster.ClusterSession;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsFolderException;
import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.engine.RunChecks;
import io.mlproxy.engine.RunCheckException;
import io.mlproxy.engine.RunProfile;
import io.mlproxy.scenario.SafeText;
import io.mlproxy.workload.TraceFormatException;
import io.mlproxy.engine.SummaryRow;
import io.mlproxy.scenario.ProxySpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ThresholdsSpec;
import io.mlproxy.scenario.Variant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench run SCENARIO...}: simulates every variant and writes the results folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    header = "Run scenarios: simulate every variant, write the results and report.html.",
    description = {
      "Runs scenarios: every variant (none, handcrafted, proxy, ml-only, oracle) over the scenario's replications with common random numbers, then writes OUT/<scenario>/ (summary.csv, replications.csv, events.csv, per-run timeseries.csv and heatmap.csv, report.html) and OUT/index.html, and prints the summary.",
      "Before simulating anything it checks every scenario (as 'validate' does), that OUT can be written and that no other run holds OUT. A scenario's earlier results are replaced in one atomic step, only when its run completes. SCENARIO '-' reads standard input. The simulations run in this process (--jobs at a time; a replication's variants share one workload stream), or with --cluster as tasks on the 'workbench worker' members at those addresses; the results are the same. On a terminal a progress bar shows the share of simulated time done, runs finished, elapsed time and an estimate of the time left.",
      "Exit code: 0 success, 1 failure, 2 usage error."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML), or - for standard input.")
  List<Path> scenarios;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("results");

  @Option(
      names = "--variants",
      paramLabel = "LIST",
      split = ",",
      description = "Variants to run and report, comma separated, from none, handcrafted, proxy, ml-only, oracle (default: the scenario's). none always runs, as the slowdown reference.")
  List<String> variants;

  @Option(names = "--replications", paramLabel = "N", description = "Replications (default: the scenario's).")
  Integer replications;

  @Option(names = "--jobs", paramLabel = "N", description = "Simulations at a time in this process (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--seed", paramLabel = "S", description = "Scenario seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE",
      description = "Mode-switch thresholds fragment (e.g. best-thresholds.yaml from tune) replacing proxy.thresholds of every scenario.")
  Path thresholds;

  @Option(names = "--wait", description = "When another run holds the results folder, wait for it instead of failing.")
  boolean waitForFolder;

  @Option(names = "--force", description = "Run even when the estimated work exceeds the limit (see README).")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar and no summary table.")
  boolean quiet;

  @Option(names = "--profile", description = "Print where the run's time went: start-up, checks, trace reading or"
      + " generation, simulation per variant, writing, reports.")
  boolean profile;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RunProfile timing = profile ? RunProfile.recording() : RunProfile.NONE;
    if (profile) {
      Workbench.addStartup(timing);
    }
    try {
      return call(timing);
    } finally {
      if (profile) {
        PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
        timing.lines().forEach(out::println);
        out.flush();
      }
    }
  }

  private Integer call(RunProfile timing) {
    PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
    PrintWriter err = SafeWriter.wrap(spec.commandLine().getErr());
    List<Variant> chosen = parseVariants();
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be >= 1, got " + jobs);
    }
    if (replications != null && (replications < 1 || replications > 1000)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--replications must be in 1..1000, got " + replications);
    }
    if (seed != null && seed <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed must be > 0, got " + seed);
    }
    if (outDir.toString().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--out is empty (expected a folder such as results; use . for the current folder)");
    }
    if (scenarios.stream().filter(p -> p.toString().equals("-")).count() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be given only once");
    }
    // no cluster.warmUp: without --cluster a run starts no Hazelcast member; a bad --cluster is a
    // usage error before any work
    cluster.addresses(spec.commandLine());
    // load and check everything first: a typo in the last file should not cost the first file's run
    ThresholdsSpec t = null;
    boolean valid = true;
    if (thresholds != null) {
      t = ScenarioFiles.loadThresholds(thresholds, err);
      valid = t != null;
    }
    ThresholdsSpec fragment = t;
    UnaryOperator<Scenario> overrides = s -> ExperimentRunner.withOverrides(
        fragment == null ? s : withThresholds(s, fragment),
        new ExperimentRunner.Options(chosen, replications, seed, jobs, "", (d, n) -> { }));
    // a trace is checked as the run replays it, not read ahead (validate reads it ahead)
    RunChecks checks = new RunChecks(force ? RunChecks.WorkLimits.NONE : RunChecks.WorkLimits.DEFAULT, overrides,
        RunChecks.TraceReading.AS_REPLAYED);
    ScenarioFiles files = new ScenarioFiles(checks, true);
    List<ScenarioFiles.Loaded> loaded = new ArrayList<>();
    long checking = System.nanoTime();
    for (Path file : scenarios) {
      ScenarioFiles.Loaded l = files.load(file, err);
      if (l == null) {
        valid = false;
      } else {
        loaded.add(l);
      }
    }
    timing.addStep("loading and checking the scenarios", System.nanoTime() - checking);
    if (!valid) {
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    // the report's first use in this JVM is slow (class loading, compiling the CSV readers and the
    // charts' code): pay for it beside the simulation, not after it, when the simulation is long
    // enough to hide it
    java.util.Set<Variant> warm = java.util.EnumSet.noneOf(Variant.class);
    long touches = 0;
    for (ScenarioFiles.Loaded l : loaded) {
      warm.addAll(chosen != null ? chosen : l.scenario().variants());
      touches += checks.estimate(l.scenario().name()).map(RunChecks.WorkEstimate::touches).orElse(0L);
    }
    if (ReportWarmup.worthIt(touches)) {
      ReportWarmup.start(warm);
    }
    // the results folder is checked and locked before anything is simulated
    try (ResultsFolder folder = ResultsFolder.open(outDir, "workbench run " + String.join(" ",
        loaded.stream().map(l -> l.scenario().name()).toList()), waitForFolder, err::println)) {
      for (ScenarioFiles.Loaded l : loaded) {
        folder.checkReplaceable(l.scenario().name());
      }
      try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && System.console() != null)) {
        bar.preparing(loaded.get(0).scenario().name());
        if (cluster.addresses(spec.commandLine()) == null) {
          // in this process, no Hazelcast member to start (seconds of CPU): the variants of a
          // replication run side by side on one workload stream
          return runAll(loaded, fragment, chosen, folder, null, bar, out, err, timing);
        }
        try (ClusterSession session = cluster.open(spec.commandLine(), jobs, note -> bar.note(err, "workbench: " + note))) {
          return runAll(loaded, fragment, chosen, folder, session.executor(), bar, out, err, timing);
        } catch (IllegalStateException e) {
          bar.clear();
          err.println("workbench run: " + e.getMessage());
          err.flush();
          return Workbench.EXIT_FAILURE;
        }
      }
    } catch (ResultsFolderException e) {
      err.println("workbench run: " + e.getMessage());
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
  }

  private int runAll(List<ScenarioFiles.Loaded> loaded, ThresholdsSpec fragment, List<Variant> chosen,
      ResultsFolder folder, ClusterExecutor executor, ProgressBar bar, PrintWriter out, PrintWriter err,
      RunProfile timing) {
    boolean failed = false;
    for (ScenarioFiles.Loaded l : loaded) {
      Scenario s = fragment == null ? l.scenario() : withThresholds(l.scenario(), fragment);
      ExperimentRunner.Options options =
          new ExperimentRunner.Options(
              chosen, replications, seed, jobs, Workbench.version(),
              bar.forScenario(s.name(), executor == null ? () -> "" : executor::status),
              timing);
      Reports.Staged reports = new Reports.Staged(folder.dir(), s.name(), err, timing);
      ExperimentRunner.Outcome outcome;
      try {
        outcome = executor == null ? ExperimentRunner.run(s, l.text(), folder, options, reports)
            : ExperimentRunner.run(s, l.text(), folder, options, reports, executor);
      } catch (IllegalArgumentException e) {
        // RunChecks made the same checks with file and line; this is a last defence
        bar.clear();
        err.println(l.file() + ": " + e.getMessage());
        err.flush();
        return Workbench.EXIT_FAILURE;
      } catch (RuntimeException e) {
        // what the run found in a trace as it replayed it: reported like the checks before the run
        String found = replayProblem(l, e);
        if (found == null) {
          throw e;
        }
        bar.clear();
        err.println(found);
        err.println("workbench run: " + s.name() + " stopped; nothing of it was written (earlier results are as they"
            + " were)");
        err.flush();
        return Workbench.EXIT_FAILURE;
      }
      bar.clear();
      if (!quiet) {
        printSummary(out, outcome);
        if (reports.reported()) {
          out.println("  report: " + outcome.folder().resolve("report.html"));
        }
      } else if (outcome.traceSkippedRecords() > 0) {
        out.println(traceLine(outcome));
      }
      failed |= !reports.reported() || !reports.indexed();
    }
    out.flush();
    err.flush();
    return failed ? Workbench.EXIT_FAILURE : 0;
  }

  /** The trace problem behind a failed run as {@code file:line:column: field: message}, or null. */
  private static String replayProblem(ScenarioFiles.Loaded l, Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof RunCheckException rc) {
        return ScenarioFiles.positioned(l, rc.field(), SafeText.escapeLine(rc.getMessage()));
      }
      if (c instanceof TraceFormatException tf) {
        return ScenarioFiles.positioned(l, "workload.trace.path", SafeText.escapeLine(tf.getMessage()));
      }
    }
    return null;
  }

  private static Scenario withThresholds(Scenario s, ThresholdsSpec t) {
    ProxySpec p = s.proxy();
    return new Scenario(s.name(), s.description(), s.durationUs(), s.seed(), s.replications(), s.variants(),
        s.outputStepUs(), s.objective(), s.memory(), s.monitor(), s.policy(),
        new ProxySpec(p.mode(), t, p.feedbackWindowUs()), s.agent(), s.workload(), s.faults(), s.oracle());
  }

  private List<Variant> parseVariants() {
    return parseVariants(spec.commandLine(), variants);
  }

  /** The variants of {@code --variants}, or null when not given; a usage error names a bad one. */
  static List<Variant> parseVariants(CommandLine cl, List<String> variants) {
    if (variants == null) {
      return null;
    }
    if (variants.isEmpty() || variants.stream().anyMatch(String::isBlank)) {
      throw new CommandLine.ParameterException(
          cl,
          "--variants: " + (variants.isEmpty() ? "no variant given" : "an empty name in '" + String.join(",", variants) + "'")
              + " (expected a comma-separated list of none, handcrafted, proxy, ml-only, oracle)");
    }
    List<Variant> list = new ArrayList<>();
    for (String name : variants) {
      Variant match = null;
      for (Variant v : Variant.values()) {
        if (v.yamlName().equals(name.trim().toLowerCase(Locale.ROOT))) {
          match = v;
        }
      }
      if (match == null) {
        throw new CommandLine.ParameterException(
            cl,
            "--variants: unknown variant '" + name + "' (expected none, handcrafted, proxy, ml-only, oracle)");
      }
      if (!list.contains(match)) {
        list.add(match);
      }
    }
    return list;
  }

  private static void printSummary(PrintWriter out, ExperimentRunner.Outcome outcome) {
    out.printf(Locale.ROOT, "%s -> %s%n", outcome.scenario().name(), outcome.folder());
    out.printf(
        Locale.ROOT, "  %-12s %16s %16s %16s %9s %8s%n",
        "variant", "saving", "slowdown", "score", "refaults", "gap");
    for (SummaryRow r : outcome.summary()) {
      out.printf(
          Locale.ROOT, "  %-12s %16s %16s %16s %9.0f %8s%n",
          r.variant().yamlName(),
          pm(r.saving().mean(), r.saving().halfWidth()),
          pm(r.slowdown().mean(), r.slowdown().halfWidth()),
          pm(r.score().mean(), r.score().halfWidth()),
          r.refaultsMean(),
          Double.isNaN(r.gapClosed()) ? "" : String.format(Locale.ROOT, "%.2f", r.gapClosed()));
    }
    if (outcome.traceSkippedRecords() >= 0) {
      out.println(traceLine(outcome));
    }
  }

  private static String traceLine(ExperimentRunner.Outcome outcome) {
    return String.format(Locale.ROOT, "  trace: %d touches per pass, %d malformed records skipped%s",
        outcome.traceRecords(), outcome.traceSkippedRecords(),
        outcome.traceSkippedRecords() > 0 ? " (lenient; run.properties: trace.skipped_records)" : "");
  }

  private static String pm(double mean, double half) {
    return Double.isNaN(half)
        ? String.format(Locale.ROOT, "%.4f", mean)
        : String.format(Locale.ROOT, "%.4f±%.4f", mean, half);
  }
}
