package io.mlproxy.tune;

import java.util.List;

/**
 * The tuning objective: maximise the mean over scenarios of the proxy's score advantage over
 * handcrafted, subject to a guard: on no scenario may the proxy's score fall more than {@code
 * tolerance} below handcrafted's lower 95% confidence bound. A candidate that breaks the guard
 * is penalised by {@link #GUARD_STEP} plus {@link #GUARD_SLOPE} times its total violation, so it
 * ranks below every candidate that keeps the guard (scores live in [-1, 1]) while the slope
 * still tells the optimizer which way leads back.
 */
public record RobustObjective(double tolerance) {

  /** Default tolerance: one percentage point of score. */
  public static final double DEFAULT_TOLERANCE = 0.01;

  /** Fixed penalty of any guard violation. */
  public static final double GUARD_STEP = 2.0;

  /** Penalty per unit of violation. */
  public static final double GUARD_SLOPE = 10.0;

  public RobustObjective {
    if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
    }
  }

  /** Judges {@code candidate} by its per-scenario scores. */
  public Evaluation judge(Candidate candidate, List<ScenarioScore> scores) {
    if (scores.isEmpty()) {
      throw new IllegalArgumentException("no scenario scores to judge");
    }
    double advantage = 0;
    double violation = 0;
    for (ScenarioScore s : scores) {
      advantage += s.advantage();
      violation += Math.max(0, (s.handcraftedLower() - tolerance) - s.proxy());
    }
    advantage /= scores.size();
    boolean guardOk = violation == 0;
    double objective = guardOk ? advantage : advantage - GUARD_STEP - GUARD_SLOPE * violation;
    return new Evaluation(candidate, List.copyOf(scores), advantage, guardOk, objective);
  }
}
