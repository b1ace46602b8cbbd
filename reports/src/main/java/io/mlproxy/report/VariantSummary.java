package io.mlproxy.report;

import java.util.Arrays;

/**
 * One row of {@code summary.csv}: a variant's figures over all replications. Undefined values
 * (empty fields) are NaN.
 */
public record VariantSummary(String scenario, String variant, int replications, double[] metrics) {

  /** Copies {@code metrics}, which must hold one value per {@link SummaryMetric}. */
  public VariantSummary {
    if (metrics.length != SummaryMetric.values().length) {
      throw new IllegalArgumentException("expected " + SummaryMetric.values().length + " metrics");
    }
    metrics = metrics.clone();
  }

  /** The value of one metric (NaN when undefined). */
  public double get(SummaryMetric m) {
    return metrics[m.ordinal()];
  }

  @Override
  public double[] metrics() {
    return metrics.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VariantSummary v
        && v.scenario.equals(scenario)
        && v.variant.equals(variant)
        && v.replications == replications
        && Arrays.equals(v.metrics, metrics);
  }

  @Override
  public int hashCode() {
    return (scenario.hashCode() * 31 + variant.hashCode()) * 31 + Arrays.hashCode(metrics);
  }

  @Override
  public String toString() {
    return "VariantSummary[" + scenario + ", " + variant + ", n=" + replications + ", "
        + Arrays.toString(metrics) + "]";
  }
}
