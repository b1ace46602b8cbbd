package io.mlproxy.tune;

import io.mlproxy.engine.ConfidenceInterval;
import io.mlproxy.engine.Csv;
import io.mlproxy.engine.ReplicationExecutor;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ThresholdsFragment;
import io.mlproxy.scenario.ThresholdsSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one tuning: searches the thresholds with the chosen method on the tuning seeds, logs every
 * evaluation to {@code tuning.csv}, writes {@code best-thresholds.yaml}, then re-evaluates the
 * best and the default thresholds on held-out seeds into {@code heldout.csv}.
 */
public final class Tuner {

  /** File names inside the output folder. */
  public static final String LOG_FILE = "tuning.csv";

  public static final String BEST_FILE = "best-thresholds.yaml";
  public static final String HELD_OUT_FILE = "heldout.csv";
  public static final String SETTINGS_FILE = "tuning.properties";

  /** Told after every distinct evaluation (replayed ones included). */
  @FunctionalInterface
  public interface Listener {
    void evaluated(int done, int budget, Evaluation latest, boolean replayed, Evaluation best);
  }

  private final List<Scenario> scenarios;
  private final TuningSettings settings;
  private final Listener listener;
  private final BooleanSupplier stopRequested;
  private final ReplicationExecutor executor;

  /**
   * @param scenarios scenarios to tune on (their seeds/replications are overridden by settings)
   * @param stopRequested polled before every new evaluation; true ends the search cleanly
   */
  public Tuner(List<Scenario> scenarios, TuningSettings settings, Listener listener, BooleanSupplier stopRequested) {
    this(scenarios, settings, listener, stopRequested, ReplicationExecutor.threads(settings.jobs()));
  }

  /** As above, with every evaluation's simulations run on {@code executor} (a cluster, say). */
  public Tuner(List<Scenario> scenarios, TuningSettings settings, Listener listener, BooleanSupplier stopRequested,
      ReplicationExecutor executor) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("no scenario to tune on");
    }
    List<String> names = scenarios.stream().map(Scenario::name).toList();
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("scenario names must be distinct, got " + names);
    }
    this.scenarios = List.copyOf(scenarios);
    this.settings = settings;
    this.listener = listener;
    this.stopRequested = stopRequested;
    this.executor = executor;
  }

  /** The scenarios as the search sees them: tuning seed and replications applied. */
  List<Scenario> tuningScenarios(long seedOffset) {
    List<Scenario> out = new ArrayList<>();
    for (Scenario s : scenarios) {
      long seed = (settings.seed() != null ? settings.seed() : s.seed()) + seedOffset;
      int reps = settings.replications() != null ? settings.replications() : s.replications();
      out.add(CandidateEvaluator.reseeded(s, seed, reps));
    }
    return out;
  }

  /** Runs the search; see the class comment. */
  public TuningResult run() {
    Path out = settings.outDir();
    String method = settings.method().cliName();
    List<String> names = scenarios.stream().map(Scenario::name).toList();
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException(out + ": " + e.getMessage(), e);
    }
    checkSettings(out.resolve(SETTINGS_FILE), names);
    Path logFile = out.resolve(LOG_FILE);
    TuningLog log = TuningLog.open(logFile, names);
    RobustObjective objective = new RobustObjective(settings.tolerance());
    List<Evaluation> logged = new ArrayList<>();
    for (TuningRecord r : TuningLog.read(logFile)) {
      if (r.method().equals(method)) {
        // re-judged, not read: the objective is a function of the logged (rounded) scores
        logged.add(objective.judge(r.result().candidate(), r.result().scores()));
      }
    }
    if (!logged.isEmpty() && !settings.resume()) {
      throw new IllegalArgumentException(
          logFile + " already holds " + logged.size() + " " + method
              + " evaluations: use --resume to continue them, or another --out");
    }

    CandidateEvaluator evaluator = new CandidateEvaluator(tuningScenarios(0), executor);
    BudgetedObjective f =
        new BudgetedObjective(
            method,
            settings.budget(),
            logged,
            c -> objective.judge(c, evaluator.score(c)),
            stopRequested,
            (done, record, replayed, best) -> {
              if (!replayed) {
                log.append(record);
              }
              listener.evaluated(done, settings.budget(), record.result(), replayed, best);
            });
    ThresholdsSpec base = scenarios.get(0).proxy().thresholds();
    Candidate start = Candidate.nearest(base);
    long optimizerSeed = settings.seed() != null ? settings.seed() : 1;
    SearchEnd.Reason reason;
    try {
      // the starting thresholds are always evaluation 1: the reference every method improves on
      f.evaluate(start);
      reason = Searches.run(settings.method(), f, start.toUnit(), optimizerSeed);
    } catch (SearchEnd end) {
      reason = end.reason();
    }
    Evaluation best = f.best();
    if (best == null) {
      return new TuningResult(settings.method(), 0, true, null, null, List.of(), List.of());
    }
    Evaluation startEval = f.known(start);
    writeBest(out.resolve(BEST_FILE), best, base);
    boolean stopped = reason == SearchEnd.Reason.STOPPED;
    if (stopped) {
      return new TuningResult(settings.method(), f.evaluations(), true, startEval, best, List.of(), List.of());
    }
    CandidateEvaluator heldOut =
        new CandidateEvaluator(tuningScenarios(TuningSettings.HELD_OUT_SEED_OFFSET), executor);
    List<ReplicatedScore> before = heldOut.scoreReplications(Candidate.nearest(ThresholdsSpec.defaults()));
    List<ReplicatedScore> after = heldOut.scoreReplications(best.candidate());
    List<HeldOutTable.Row> rows = new ArrayList<>();
    before.forEach(s -> rows.add(new HeldOutTable.Row("default", s.score())));
    List<HeldOutTable.Row> tuned = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      ConfidenceInterval gain = pairedGain(after.get(i), before.get(i));
      tuned.add(new HeldOutTable.Row("tuned", after.get(i).score(), gain.mean(), gain.halfWidth()));
    }
    rows.addAll(tuned);
    HeldOutTable.write(out.resolve(HELD_OUT_FILE), rows);
    return new TuningResult(settings.method(), f.evaluations(), false, startEval, best,
        before.stream().map(ReplicatedScore::score).toList(), tuned);
  }

  /** Tuned − default proxy score, paired by replication (both ran on the held-out seeds). */
  static ConfidenceInterval pairedGain(ReplicatedScore tuned, ReplicatedScore dflt) {
    double[] a = tuned.proxyByReplication();
    double[] b = dflt.proxyByReplication();
    double[] d = new double[Math.min(a.length, b.length)];
    for (int i = 0; i < d.length; i++) {
      d[i] = a[i] - b[i];
    }
    return ConfidenceInterval.of95(d);
  }

  private static void writeBest(Path file, Evaluation best, ThresholdsSpec base) {
    String text =
        "# workbench tune: best thresholds found (paste under proxy: in a scenario,\n"
            + "# or pass with workbench run --thresholds FILE)\n"
            + "# objective " + Csv.format(best.objective()) + ", mean advantage over handcrafted "
            + Csv.format(best.meanAdvantage()) + " on the tuning seeds, guard "
            + (best.guardOk() ? "kept" : "BROKEN") + "\n"
            + ThresholdsFragment.toYaml(best.candidate().applyTo(base));
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Every method tuning into one folder must use the same scenarios, seeds and objective. */
  private void checkSettings(Path file, List<String> names) {
    String text =
        "scenarios=" + String.join(",", names) + "\n"
            + "seed=" + (settings.seed() != null ? settings.seed().toString() : "scenario") + "\n"
            + "replications=" + (settings.replications() != null ? settings.replications().toString() : "scenario")
            + "\n"
            + "tolerance=" + Csv.format(settings.tolerance()) + "\n";
    try {
      if (Files.exists(file)) {
        String existing = Files.readString(file, StandardCharsets.UTF_8);
        if (!existing.equals(text)) {
          throw new IllegalArgumentException(
              file + " was written by a tuning with other settings:\n" + existing
                  + "this one has:\n" + text + "use the same settings, or another --out");
        }
      } else {
        Files.writeString(file, text, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }
}
