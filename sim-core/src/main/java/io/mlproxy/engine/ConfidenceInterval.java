package io.mlproxy.engine;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Mean and Student-t 95% half-width over replications.
 *
 * <p>DSOL's own tallies use z-values, which understate the interval for the handful of
 * replications a scenario runs; this uses the t quantile with n − 1 degrees of freedom.
 */
public record ConfidenceInterval(double mean, double halfWidth, int n) {

  /** The interval of {@code values}; the half-width is NaN with fewer than two values. */
  public static ConfidenceInterval of95(double[] values) {
    SummaryStatistics stats = new SummaryStatistics();
    for (double v : values) {
      stats.addValue(v);
    }
    int n = values.length;
    if (n < 2) {
      return new ConfidenceInterval(n == 1 ? values[0] : Double.NaN, Double.NaN, n);
    }
    double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    return new ConfidenceInterval(stats.getMean(), t * stats.getStandardDeviation() / Math.sqrt(n), n);
  }

  /** Lower bound of the interval. */
  public double lower() {
    return mean - halfWidth;
  }

  /** Upper bound of the interval. */
  public double upper() {
    return mean + halfWidth;
  }
}
