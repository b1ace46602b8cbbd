package io.mlproxy.cli;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.SummaryRow;
import io.mlproxy.scenario.ProxySpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioError;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.ThresholdsSpec;
import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench run SCENARIO...}: simulates every variant and writes the results folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs scenarios: every variant (none, handcrafted, proxy, ml-only, oracle) over the",
      "scenario's replications with common random numbers, then writes",
      "OUT/<scenario>/{summary,replications,events}.csv, per-run timeseries and report.html,",
      "and prints the summary. Earlier results of a scenario are replaced only when its run",
      "completes. Exit code: 0 success, 1 failure, 2 usage error."
    })
public final class RunCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML).")
  List<Path> scenarios;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("results");

  @Option(
      names = "--variants",
      paramLabel = "LIST",
      split = ",",
      description = "Variants to report, comma separated (default: the scenario's).")
  List<String> variants;

  @Option(names = "--replications", paramLabel = "N", description = "Replications (default: the scenario's).")
  Integer replications;

  @Option(names = "--jobs", paramLabel = "N", description = "Parallel replications (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--seed", paramLabel = "S", description = "Scenario seed (default: the scenario's).")
  Long seed;

  @Option(
      names = "--thresholds",
      paramLabel = "FILE",
      description = "Mode-switch thresholds fragment (e.g. best-thresholds.yaml from tune) replacing proxy.thresholds of every scenario.")
  Path thresholds;

  @Option(names = "--quiet", description = "No progress bar and no summary table.")
  boolean quiet;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
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
    // load everything first: a typo in the last file should not cost the first file's run
    List<Scenario> loaded = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    boolean valid = true;
    for (Path file : scenarios) {
      try {
        loaded.add(ScenarioLoader.load(file));
        texts.add(Files.readString(file, StandardCharsets.UTF_8));
      } catch (ScenarioException e) {
        valid = false;
        for (ScenarioError error : e.errors()) {
          err.println(error);
        }
      } catch (IOException e) {
        valid = false;
        err.println(file + ": cannot read: " + e.getMessage());
      }
    }
    if (thresholds != null) {
      try {
        ThresholdsSpec t = ScenarioLoader.loadThresholdsFragment(thresholds);
        loaded.replaceAll(s -> withThresholds(s, t));
      } catch (ScenarioException e) {
        valid = false;
        for (ScenarioError error : e.errors()) {
          err.println(error);
        }
      }
    }
    if (!valid) {
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    ProgressBar bar = new ProgressBar(err, !quiet && System.console() != null);
    boolean failed = false;
    for (int i = 0; i < loaded.size(); i++) {
      Scenario s = loaded.get(i);
      ExperimentRunner.Options options =
          new ExperimentRunner.Options(
              chosen, replications, seed, jobs, Workbench.version(), (d, t) -> bar.update(s.name(), d, t));
      ExperimentRunner.Outcome outcome;
      try {
        outcome = ExperimentRunner.run(s, texts.get(i), outDir, options);
      } catch (IllegalArgumentException e) {
        bar.clear();
        err.println(scenarios.get(i) + ": " + e.getMessage());
        err.flush();
        return Workbench.EXIT_FAILURE;
      }
      bar.clear();
      boolean reported = Reports.write(outcome.folder(), err);
      if (!quiet) {
        printSummary(out, outcome);
        if (reported) {
          out.println("  report: " + outcome.folder().resolve("report.html"));
        }
      }
      failed |= !reported;
    }
    failed |= !Reports.writeIndex(err, outDir);
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
    if (variants == null) {
      return null;
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
            spec.commandLine(),
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
  }

  private static String pm(double mean, double half) {
    return Double.isNaN(half)
        ? String.format(Locale.ROOT, "%.4f", mean)
        : String.format(Locale.ROOT, "%.4f±%.4f", mean, half);
  }

}
