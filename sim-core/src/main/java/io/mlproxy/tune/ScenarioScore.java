package io.mlproxy.tune;

/**
 * The scores of one candidate on one scenario, each the mean over replications rounded to six
 * decimals (the precision of tuning.csv, so a resumed run sees exactly the figures it logged).
 *
 * @param proxy mean score of the `proxy` variant with the candidate's thresholds
 * @param handcrafted mean score of `handcrafted` on the same seeds
 * @param handcraftedLower lower bound of handcrafted's Student-t 95% interval (its mean with one
 *     replication)
 */
public record ScenarioScore(String scenario, double proxy, double handcrafted, double handcraftedLower) {

  /** The proxy's advantage over handcrafted. */
  public double advantage() {
    return proxy - handcrafted;
  }

  /** Rounds like {@link io.mlproxy.engine.Csv#format}: what the log stores is what is used. */
  static double round6(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).setScale(6, java.math.RoundingMode.HALF_EVEN).doubleValue();
  }
}
