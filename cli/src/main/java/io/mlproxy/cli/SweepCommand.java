package io.mlproxy.cli;

import io.mlproxy.cluster.ClusterExecutor;
import io.mlproxy.cluster.ClusterSession;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsFolderException;
import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.engine.RunChecks;
import io.mlproxy.report.SweepReport;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import io.mlproxy.sweep.Sweep;
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

/** {@code workbench sweep SCENARIO --param FIELD=V1,V2,...}: a grid of full runs and their curves. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    header = "Run a scenario at every point of a grid of field values and chart the results.",
    description = {
      "Runs SCENARIO at every point of a grid of field values: --param FIELD=V1,V2,... (a dotted path of the scenario file such as memory.capacity, policy.min_age, proxy.thresholds.promote_margin or workload.phases[0].mix[1].hot_fraction; values in the field's own units, checked like the scenario file; every problem is reported at once).",
      "Every point is a full run with the scenario's seeds (common random numbers). Writes OUT/<scenario>/sweep.csv (a row per point and variant with summary.csv's columns), sweep.html (score, saving and slowdown against each field with 95%% bands, and saving against slowdown) and points/<scenario>-pNN/ (each a full results folder), in one atomic step. Tasks run on the embedded member or with --cluster on workers.",
      "Exit code: 0 success, 1 failure, 2 usage error."
    })
public final class SweepCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML), or - for standard input.")
  Path scenario;

  @Option(names = "--param", paramLabel = "FIELD=V1,V2,...", required = true,
      description = "A swept field and its values; repeat for a grid (the first varies slowest).")
  List<String> params;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder of sweeps (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("sweeps");

  @Option(names = "--variants", paramLabel = "LIST", split = ",", description = "Variants to report (default: the scenario's).")
  List<String> variants;

  @Option(names = "--replications", paramLabel = "N", description = "Replications per point (default: the scenario's).")
  Integer replications;

  @Option(names = "--seed", paramLabel = "S", description = "Scenario seed of every point (default: the scenario's).")
  Long seed;

  @Option(names = "--jobs", paramLabel = "N", description = "Tasks at a time on the embedded member (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--wait", description = "When another run holds the folder, wait for it instead of failing.")
  boolean waitForFolder;

  @Option(names = "--force", description = "Run points whose estimated work exceeds the limit (see README).")
  boolean force;

  @Option(names = "--quiet", description = "No progress bar and no summary.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
    PrintWriter err = SafeWriter.wrap(spec.commandLine().getErr());
    List<Variant> chosen = RunCommand.parseVariants(spec.commandLine(), variants);
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be >= 1, got " + jobs);
    }
    if (replications != null && (replications < 1 || replications > 1000)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be in 1..1000, got " + replications);
    }
    if (seed != null && seed <= 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--seed must be > 0, got " + seed);
    }
    if (outDir.toString().isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out is empty (expected a folder such as sweeps)");
    }
    cluster.warmUp(spec.commandLine());
    UnaryOperator<Scenario> overrides = s -> ExperimentRunner.withOverrides(s,
        new ExperimentRunner.Options(chosen, replications, seed, jobs, "", (d, n) -> { }));
    RunChecks checks = new RunChecks(force ? RunChecks.WorkLimits.NONE : RunChecks.WorkLimits.DEFAULT, overrides);
    ScenarioFiles.Loaded loaded = new ScenarioFiles(checks, false).load(scenario, err);
    if (loaded == null) {
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    Sweep.Plan plan;
    try {
      plan = Sweep.prepare(loaded.file(), loaded.text(), loaded.scenario(), params, checks, overrides);
    } catch (Sweep.Problems e) {
      e.problems().forEach(err::println);
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    try (ResultsFolder folder = ResultsFolder.open(outDir, "workbench sweep " + plan.name(), waitForFolder, err::println)) {
      folder.checkReplaceable(plan.name());
      ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && System.console() != null);
      try (ClusterSession session = cluster.open(spec.commandLine(), jobs, note -> bar.note(err, "workbench: " + note))) {
        ClusterExecutor executor = session.executor();
        ExperimentRunner.Options options = new ExperimentRunner.Options(chosen, replications, seed, jobs,
            Workbench.version(), (d, n) -> bar.update(plan.name() + " sweep", d, n, executor.status()));
        Path written = Sweep.run(plan, folder, options, executor, new Reporting(err), s -> { });
        bar.clear();
        if (!quiet) {
          printSummary(out, plan, written);
        }
        out.flush();
        err.flush();
        return 0;
      } catch (IllegalStateException | IllegalArgumentException e) {
        bar.clear();
        err.println("workbench sweep: " + e.getMessage());
        err.flush();
        return Workbench.EXIT_FAILURE;
      }
    } catch (ResultsFolderException e) {
      err.println("workbench sweep: " + e.getMessage());
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
  }

  /** Reports of the points (report.html, the points' index) and the sweep's own. */
  private static final class Reporting implements Sweep.Reporting {
    private final PrintWriter err;

    Reporting(PrintWriter err) {
      this.err = err;
    }

    @Override
    public ResultsWriter.Finishing point(Path pointsDir, String pointName) {
      return new Reports.Staged(pointsDir, pointName, err);
    }

    @Override
    public void sweep(Path staging) {
      try {
        SweepReport.write(staging);
      } catch (RuntimeException e) {
        err.println("workbench sweep: " + SweepReport.FILE + " not written: " + e.getMessage());
      }
    }
  }

  private static void printSummary(PrintWriter out, Sweep.Plan plan, Path written) {
    out.printf(Locale.ROOT, "%s: %d points -> %s%n", plan.name(), plan.points().size(), written);
    out.println("  " + written.resolve(Sweep.CSV));
    out.println("  " + written.resolve(SweepReport.FILE));
  }
}
