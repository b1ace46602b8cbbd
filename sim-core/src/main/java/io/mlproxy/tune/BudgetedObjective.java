package io.mlproxy.tune;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.commons.math3.analysis.MultivariateFunction;

/**
 * The function the optimizers see: a point of [0,1]^d is snapped to its grid {@link Candidate},
 * answered from the cache when already evaluated (also from a resumed log), otherwise evaluated
 * while the budget of distinct evaluations lasts. Because the optimizers are deterministic for
 * their seed, replaying the logged evaluations from the cache walks them through the same
 * states, and the first candidate not in the cache is where the interrupted run stopped.
 */
final class BudgetedObjective implements MultivariateFunction {

  /** Cache look-ups allowed per unit of budget before a search that only revisits points ends. */
  static final int LOOKUPS_PER_EVALUATION = 500;

  /** Told of every distinct evaluation, replayed or new. */
  interface Listener {
    void evaluated(int done, TuningRecord record, boolean replayed, Evaluation best);
  }

  private final String method;
  private final int budget;
  private final Function<Candidate, Evaluation> evaluate;
  private final BooleanSupplier stopRequested;
  private final Listener listener;
  private final Map<Candidate, Evaluation> replay = new HashMap<>();
  private final Map<Candidate, Evaluation> seen = new HashMap<>();
  private long lookups;
  private Evaluation best;

  BudgetedObjective(
      String method,
      int budget,
      List<Evaluation> logged,
      Function<Candidate, Evaluation> evaluate,
      BooleanSupplier stopRequested,
      Listener listener) {
    this.method = method;
    this.budget = budget;
    this.evaluate = evaluate;
    this.stopRequested = stopRequested;
    this.listener = listener;
    for (Evaluation e : logged) {
      replay.put(e.candidate(), e);
    }
  }

  @Override
  public double value(double[] point) {
    return evaluate(Candidate.fromUnit(point)).objective();
  }

  /** The evaluation of {@code c}, from the cache or, budget permitting, fresh. */
  Evaluation evaluate(Candidate c) {
    if (++lookups > (long) LOOKUPS_PER_EVALUATION * budget + 10_000) {
      throw new SearchEnd(SearchEnd.Reason.STALLED);
    }
    Evaluation known = seen.get(c);
    if (known != null) {
      return known;
    }
    if (seen.size() >= budget) {
      throw new SearchEnd(SearchEnd.Reason.BUDGET);
    }
    Evaluation e = replay.get(c);
    boolean replayed = e != null;
    if (!replayed) {
      if (stopRequested.getAsBoolean()) {
        throw new SearchEnd(SearchEnd.Reason.STOPPED);
      }
      try {
        e = evaluate.apply(c);
      } catch (RuntimeException failure) {
        throw new EvaluationFailed(c, failure);
      }
    }
    seen.put(c, e);
    // ties keep the earlier candidate, so the result does not depend on map order
    if (best == null || e.objective() > best.objective()) {
      best = e;
    }
    listener.evaluated(seen.size(), new TuningRecord(method, seen.size(), e), replayed, best);
    return e;
  }

  /** A simulation failed: not an optimizer's problem, so it ends the search and is reported. */
  static final class EvaluationFailed extends RuntimeException {
    EvaluationFailed(Candidate c, RuntimeException cause) {
      super("evaluating " + c + ": " + cause.getMessage(), cause);
    }
  }

  /** The evaluation of {@code c} if it was evaluated in this search, else null. */
  Evaluation known(Candidate c) {
    return seen.get(c);
  }

  /** Distinct candidates evaluated so far (replayed included). */
  int evaluations() {
    return seen.size();
  }

  /** Logged evaluations the search has not (yet) asked for again. */
  int unreplayed() {
    int n = 0;
    for (Candidate c : replay.keySet()) {
      if (!seen.containsKey(c)) {
        n++;
      }
    }
    return n;
  }

  /** The best evaluation so far, or null before the first. */
  Evaluation best() {
    return best;
  }
}
