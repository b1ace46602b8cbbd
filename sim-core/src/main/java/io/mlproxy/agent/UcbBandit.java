package io.mlproxy.agent;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.util.FastMath;

/**
 * UCB1 over a fixed set of arms, as DAMOOS-style auto-tuning searches a knob's values.
 *
 * <p>Each arm keeps a running mean of its rewards (Commons Math statistics); the next arm is the
 * one with the best mean plus exploration bonus {@code c·sqrt(ln n / n_i)}, untried arms first and
 * ties broken by the lowest index, so the choice is deterministic.
 */
public final class UcbBandit {

  private final SummaryStatistics[] arms;
  private final double exploration;
  private long pulls;

  public UcbBandit(int armCount, double exploration) {
    if (armCount < 1 || !(exploration >= 0)) {
      throw new IllegalArgumentException(
          "need at least one arm and exploration >= 0, got " + armCount + ", " + exploration);
    }
    this.arms = new SummaryStatistics[armCount];
    for (int i = 0; i < armCount; i++) {
      arms[i] = new SummaryStatistics();
    }
    this.exploration = exploration;
  }

  /** The arm to try next. */
  public int select() {
    int best = 0;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < arms.length; i++) {
      long n = arms[i].getN();
      if (n == 0) {
        return i;
      }
      double value = arms[i].getMean() + exploration * FastMath.sqrt(FastMath.log(pulls) / n);
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    return best;
  }

  /** Records the reward observed after pulling {@code arm}. */
  public void reward(int arm, double value) {
    arms[arm].addValue(value);
    pulls++;
  }

  /** The arm with the best mean reward so far (the lowest index among ties, 0 if none tried). */
  public int best() {
    int best = 0;
    double bestMean = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < arms.length; i++) {
      if (arms[i].getN() > 0 && arms[i].getMean() > bestMean) {
        bestMean = arms[i].getMean();
        best = i;
      }
    }
    return best;
  }

  /** How often {@code arm} was rewarded. */
  public long pulls(int arm) {
    return arms[arm].getN();
  }
}
