package io.mlproxy.cli;

import io.mlproxy.cluster.ClusterSession;
import io.mlproxy.engine.Csv;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.engine.RunChecks;
import io.mlproxy.tune.Evaluation;
import io.mlproxy.tune.HeldOutTable;
import io.mlproxy.tune.ScenarioScore;
import io.mlproxy.tune.SearchMethod;
import io.mlproxy.tune.Tuner;
import io.mlproxy.tune.TuningResult;
import io.mlproxy.tune.TuningSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench tune SCENARIO...}: searches the proxy's mode-switch thresholds. */
@Command(
    name = "tune",
    mixinStandardHelpOptions = true,
    header = "Search the mode-switch thresholds over scenarios and seeds.",
    description = {
      "Searches the proxy's mode-switch thresholds for the largest mean score advantage over handcrafted across the scenarios, never more than --tolerance below handcrafted's lower 95%% bound on any scenario.",
      "Writes OUT/tuning.csv (every candidate, appended as it goes), OUT/best-thresholds.yaml (for proxy.thresholds or run --thresholds), OUT/heldout.csv and OUT/tuning.html. Ctrl-C stops after the running evaluation; --resume continues.",
      "Exit code: 0 success, 1 failure, 2 usage error."
    })
public final class TuneCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML).")
  List<Path> scenarios;

  @Option(names = "--budget", paramLabel = "N", description = "Distinct candidates to evaluate (default: ${DEFAULT-VALUE}).")
  int budget = 60;

  @Option(names = "--replications", paramLabel = "N", description = "Replications per scenario (default: the scenario's).")
  Integer replications;

  @Option(names = "--jobs", paramLabel = "N", description = "Tasks at a time on the embedded member (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @CommandLine.Mixin ClusterOptions cluster = new ClusterOptions();

  @Option(names = "--method", paramLabel = "M", description = "cmaes, bobyqa or random (default: ${DEFAULT-VALUE}).")
  String method = "cmaes";

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("tuning");

  @Option(names = "--seed", paramLabel = "S", description = "Seed of the optimizer and of every scenario (default: the scenarios' own, optimizer 1).")
  Long seed;

  @Option(names = "--tolerance", paramLabel = "T", description = "Guard tolerance in score units (default: ${DEFAULT-VALUE}).")
  double tolerance = 0.01;

  @Option(names = "--resume", description = "Continue the evaluations of this method already in OUT/tuning.csv.")
  boolean resume;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Set by Ctrl-C (or a test): the search ends after the running evaluation. */
  final AtomicBoolean stop = new AtomicBoolean();

  @Override
  public Integer call() {
    PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
    PrintWriter err = SafeWriter.wrap(spec.commandLine().getErr());
    SearchMethod m;
    TuningSettings settings;
    try {
      m = SearchMethod.parse(method);
      settings = new TuningSettings(m, budget, replications, seed, tolerance, jobs, outDir, resume);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    cluster.warmUp(spec.commandLine());
    List<Scenario> loaded = new ArrayList<>();
    boolean valid = true;
    // every evaluation runs the scenarios: the same checks as run, per evaluation's run
    ScenarioFiles files = new ScenarioFiles(RunChecks.standard(), false);
    for (Path file : scenarios) {
      ScenarioFiles.Loaded l = files.load(file, err);
      if (l == null) {
        valid = false;
      } else {
        loaded.add(l.scenario());
      }
    }
    if (!valid) {
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), !quiet && System.console() != null);
    ClusterSession session;
    try {
      session = cluster.open(spec.commandLine(), jobs, note -> bar.note(err, "workbench: " + note));
    } catch (IllegalStateException e) {
      err.println("workbench tune: " + e.getMessage());
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    try (session) {
      return tune(loaded, settings, session, bar, out, err);
    }
  }

  private int tune(List<Scenario> loaded, TuningSettings settings, ClusterSession session, ProgressBar bar,
      PrintWriter out, PrintWriter err) {
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop.set(true);
      try {
        // let the running evaluation finish and the files be written
        finished.await(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "tune-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    TuningResult result;
    try {
      result =
          new Tuner(
                  loaded,
                  settings,
                  (done, total, latest, replayed, best) ->
                      bar.count(String.format(Locale.ROOT, "best %+.4f", best.objective()), done, total,
                          "evaluations", session.executor().status()),
                  stop::get,
                  session.executor())
              .run();
    } catch (IllegalArgumentException | IllegalStateException e) {
      bar.clear();
      err.println("workbench tune: " + e.getMessage());
      err.flush();
      return Workbench.EXIT_FAILURE;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the latch released above
      }
    }
    bar.close();
    try {
      io.mlproxy.report.TuningReport.write(outDir);
    } catch (RuntimeException e) {
      err.println("workbench tune: tuning.html not written: " + e.getMessage());
    }
    print(out, result);
    out.flush();
    err.flush();
    return 0;
  }

  private void print(PrintWriter out, TuningResult r) {
    if (r.best() == null) {
      out.println("stopped before the first evaluation; nothing written");
      return;
    }
    out.printf(Locale.ROOT, "%s: %d evaluations%s -> %s%n", r.method().cliName(), r.evaluations(),
        r.stopped() ? " (stopped; --resume continues)" : "", outDir.resolve(Tuner.BEST_FILE));
    out.printf(Locale.ROOT, "  best: %s%n", r.best().candidate());
    out.printf(Locale.ROOT, "  tuning seeds:   start %s, best %s (mean advantage over handcrafted)%n",
        adv(r.start()), adv(r.best()));
    if (!r.stopped()) {
      out.printf(Locale.ROOT, "  held-out seeds: default %s, tuned %s%n",
          Csv.format(TuningResult.meanAdvantage(r.heldOutDefault())),
          Csv.format(TuningResult.meanAdvantageOfRows(r.heldOutBest())));
      for (int i = 0; i < r.heldOutBest().size(); i++) {
        ScenarioScore d = r.heldOutDefault().get(i);
        HeldOutTable.Row t = r.heldOutBest().get(i);
        out.printf(Locale.ROOT, "    %-24s handcrafted %.4f  default %.4f  tuned %.4f  gain %+.4f ± %.4f%s%n",
            t.score().scenario(), t.score().handcrafted(), d.proxy(), t.score().proxy(), t.gain(),
            t.gainHalfWidth(), t.significantGain() ? "  (beyond its 95% half-width)" : "");
      }
    }
  }

  private static String adv(Evaluation e) {
    return Csv.format(e.meanAdvantage()) + (e.guardOk() ? "" : " (guard broken)");
  }
}
