package io.mlproxy.tune;

import java.nio.file.Path;

/**
 * How to tune.
 *
 * @param budget distinct candidate evaluations (replayed ones included)
 * @param replications replications per scenario, or null for each scenario's own
 * @param seed seeds the optimizer and, when given, every scenario (else each scenario's own seed)
 * @param tolerance the guard's tolerance, in score units
 * @param jobs threads for the simulations (results do not depend on it)
 * @param resume continue from the evaluations of this method already in tuning.csv
 */
public record TuningSettings(
    SearchMethod method,
    int budget,
    Integer replications,
    Long seed,
    double tolerance,
    int jobs,
    Path outDir,
    boolean resume) {

  /** Offset between the tuning seed and the held-out seed of a scenario. */
  public static final long HELD_OUT_SEED_OFFSET = 1_000_003L;

  public TuningSettings {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, got " + budget);
    }
    if (replications != null && (replications < 1 || replications > 1000)) {
      throw new IllegalArgumentException("replications must be in 1..1000, got " + replications);
    }
    if (seed != null && seed < 1) {
      throw new IllegalArgumentException("seed must be > 0, got " + seed);
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be >= 1, got " + jobs);
    }
    new RobustObjective(tolerance);
  }
}
