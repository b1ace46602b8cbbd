package io.mlproxy.tune;

import java.util.Arrays;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Drives one optimizer over the unit box until {@link BudgetedObjective} ends it. CMA-ES and
 * BOBYQA restart from a random point when they converge with budget left (on a grid a
 * converged model only revisits cached points). All randomness comes from one seeded
 * MersenneTwister, so the sequence of candidates depends only on the seed and the answers.
 */
final class Searches {

  /** CMA-ES step size in the unit box: a third of each range. */
  static final double CMAES_SIGMA = 0.3;

  /** CMA-ES population (Hansen's default 4 + 3 ln d is 10 for d = 9). */
  static final int CMAES_POPULATION = 4 + (int) (3 * Math.log(Candidate.DIMENSION));

  /** BOBYQA's first trust-region radius in the unit box. */
  static final double BOBYQA_INITIAL_RADIUS = 0.25;

  /** BOBYQA stops below this radius: about the finest grid step (100 ms of 59 s). */
  static final double BOBYQA_STOPPING_RADIUS = 1e-3;

  private Searches() {}

  /** Searches from {@code start} until the objective throws {@link SearchEnd}. */
  static SearchEnd.Reason run(SearchMethod method, BudgetedObjective f, double[] start, long seed) {
    RandomGenerator random = new MersenneTwister(seed);
    try {
      switch (method) {
        case RANDOM -> random(f, start, random);
        case CMAES -> cmaes(f, start, random);
        case BOBYQA -> bobyqa(f, start, random);
      }
    } catch (SearchEnd end) {
      return end.reason();
    }
    throw new IllegalStateException("search ended without a reason");
  }

  private static void random(BudgetedObjective f, double[] start, RandomGenerator random) {
    f.value(start);
    while (true) {
      f.value(uniform(random));
    }
  }

  private static void cmaes(BudgetedObjective f, double[] start, RandomGenerator random) {
    double[] x0 = start;
    double[] sigma = new double[Candidate.DIMENSION];
    Arrays.fill(sigma, CMAES_SIGMA);
    while (true) {
      CMAESOptimizer opt = new CMAESOptimizer(100_000, 0, true, 0, 0, random, false, null);
      try {
        opt.optimize(
            new MaxEval(Integer.MAX_VALUE),
            new MaxIter(Integer.MAX_VALUE),
            new ObjectiveFunction(f),
            GoalType.MAXIMIZE,
            new InitialGuess(x0),
            bounds(),
            new CMAESOptimizer.Sigma(sigma),
            new CMAESOptimizer.PopulationSize(CMAES_POPULATION));
      } catch (SearchEnd | BudgetedObjective.EvaluationFailed e) {
        throw e;
      } catch (RuntimeException e) {
        // TooManyIterations or a numerical breakdown on a flat plateau: restart
      }
      x0 = uniform(random);
    }
  }

  private static void bobyqa(BudgetedObjective f, double[] start, RandomGenerator random) {
    double[] x0 = start;
    while (true) {
      BOBYQAOptimizer opt =
          new BOBYQAOptimizer(2 * Candidate.DIMENSION + 1, BOBYQA_INITIAL_RADIUS, BOBYQA_STOPPING_RADIUS);
      try {
        opt.optimize(
            new MaxEval(Integer.MAX_VALUE),
            new ObjectiveFunction(f),
            GoalType.MAXIMIZE,
            new InitialGuess(x0),
            bounds());
      } catch (SearchEnd | BudgetedObjective.EvaluationFailed e) {
        throw e;
      } catch (RuntimeException e) {
        // a degenerate quadratic model on a plateau of the grid: restart
      }
      x0 = uniform(random);
    }
  }

  private static SimpleBounds bounds() {
    double[] lo = new double[Candidate.DIMENSION];
    double[] hi = new double[Candidate.DIMENSION];
    Arrays.fill(hi, 1.0);
    return new SimpleBounds(lo, hi);
  }

  private static double[] uniform(RandomGenerator random) {
    double[] u = new double[Candidate.DIMENSION];
    for (int i = 0; i < u.length; i++) {
      u[i] = random.nextDouble();
    }
    return u;
  }
}
