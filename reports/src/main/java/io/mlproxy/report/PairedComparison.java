package io.mlproxy.report;

import io.mlproxy.engine.ConfidenceInterval;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Score of one variant against a baseline, paired by replication (both ran on the same random
 * numbers): mean difference, its Student-t 95% half-width and the paired t-test's two-sided p.
 */
public record PairedComparison(
    String variant, String baseline, int n, double meanDifference, double halfWidth,
    double pValue, boolean constantDifference) {

  /** Pairs the replications both variants have; empty when either was not run. */
  public static Optional<PairedComparison> of(ScenarioResults r, String variant, String baseline) {
    return of(r.replications(), variant, baseline);
  }

  /** As {@link #of(ScenarioResults, String, String)}, from replications.csv's rows. */
  public static Optional<PairedComparison> of(
      List<ReplicationRow> rows, String variant, String baseline) {
    Map<Integer, Double> a = scoresByRep(rows, variant);
    Map<Integer, Double> b = scoresByRep(rows, baseline);
    a.keySet().retainAll(b.keySet());
    if (a.isEmpty()) {
      return Optional.empty();
    }
    double[] x = new double[a.size()];
    double[] y = new double[a.size()];
    double[] d = new double[a.size()];
    int i = 0;
    for (Map.Entry<Integer, Double> e : a.entrySet()) {
      x[i] = e.getValue();
      y[i] = b.get(e.getKey());
      d[i] = x[i] - y[i];
      i++;
    }
    ConfidenceInterval ci = ConfidenceInterval.of95(d);
    boolean constant = true;
    for (double v : d) {
      constant &= v == d[0];
    }
    double p = Double.NaN;
    if (d.length >= 2 && !constant) {
      p = new TTest().pairedTTest(x, y);
    }
    return Optional.of(new PairedComparison(
        variant, baseline, d.length, ci.mean(), ci.halfWidth(), p, constant && d.length >= 2));
  }

  private static Map<Integer, Double> scoresByRep(List<ReplicationRow> rows, String variant) {
    Map<Integer, Double> m = new TreeMap<>();
    for (ReplicationRow row : rows) {
      if (row.variant().equals(variant)) {
        m.put(row.rep(), row.score());
      }
    }
    return m;
  }

  /** Whether the difference is significant at the 5% level (or constant and non-zero). */
  public boolean significant() {
    return constantDifference ? meanDifference != 0 : pValue < 0.05;
  }
}
