package io.mlproxy.cli;

import io.mlproxy.cluster.ClusterExecutor;
import io.mlproxy.cluster.ClusterSession;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsFolderException;
import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.engine.RunChecks;
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
      "Before simulating anything it checks every scenario (as 'validate' does), that OUT can be written and that no other run holds OUT. A scenario's earlier results are replaced in one atomic step, only when its run completes. SCENARIO '-' reads standard input. Tasks run on this process's embedded Hazelcast member (--jobs at a time), or with --cluster on the 'workbench worker' members at those addresses; the results are the same. On a terminal a progress bar shows the share of simulated time done, runs finished, elapsed time and an estimate of the time left.",
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

  @Option(names = "--jobs", paramLabel = "N", description = "Tasks at a time on the embedded member (default: cores).")
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

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
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
    cluster.warmUp(spec.commandLine());
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
    RunChecks checks = new RunChecks(force ? RunChecks.WorkLimits.NONE : RunChecks.WorkLimits.DEFAULT, overrides);
    ScenarioFiles files = new ScenarioFiles(checks, true);
    List<ScenarioFiles.Loaded> loaded = new ArrayList<>();
    for (Path file : scenarios) {
      ScenarioFiles.Loaded l = files.load(file, err);
      if (l == null) {
        valid = false;
      } else {
        loaded.add(l);
      }
    }
    if (!valid) {
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    // the results folder is checked and locked before anything is simulated
    try (ResultsFolder folder = ResultsFolder.open(outDir, "workbench run " + String.join(" ",
        loaded.stream().map(l -> l.scenario().name()).toList()), waitForFolder, err::println)) {
      for (ScenarioFiles.Loaded l : loaded) {
        folder.checkReplaceable(l.scenario().name());
      }
      try (ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && System.console() != null)) {
        bar.preparing(loaded.get(0).scenario().name());
        try (ClusterSession session =
            cluster.open(spec.commandLine(), jobs, note -> bar.note(err, "workbench: " + note))) {
          return runAll(loaded, fragment, chosen, folder, session, bar, out, err);
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
      ResultsFolder folder, ClusterSession session, ProgressBar bar, PrintWriter out, PrintWriter err) {
    boolean failed = false;
    ClusterExecutor executor = session.executor();
    for (ScenarioFiles.Loaded l : loaded) {
      Scenario s = fragment == null ? l.scenario() : withThresholds(l.scenario(), fragment);
      ExperimentRunner.Options options =
          new ExperimentRunner.Options(
              chosen, replications, seed, jobs, Workbench.version(), bar.forScenario(s.name(), executor::status));
      Reports.Staged reports = new Reports.Staged(folder.dir(), s.name(), err);
      ExperimentRunner.Outcome outcome;
      try {
        outcome = ExperimentRunner.run(s, l.text(), folder, options, reports, executor);
      } catch (IllegalArgumentException e) {
        // RunChecks made the same checks with file and line; this is a last defence
        bar.clear();
        err.println(l.file() + ": " + e.getMessage());
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
