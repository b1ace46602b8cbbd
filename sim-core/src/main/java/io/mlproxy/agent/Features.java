package io.mlproxy.agent;

/**
 * Turns one dataset row into the feature vector the agent's models learn from.
 *
 * <p>Features are scaled to roughly [0, 1] so one learning rate fits them all: access frequency
 * now and one aggregation ago (as a share of the maximum), log age, log size, residency, log
 * recent refaults, an "idle now" flag and a bias term.
 */
public final class Features {

  /** Number of features, bias included. */
  public static final int DIMENSION = 8;

  private final int maxNrAccesses;

  /** {@code maxNrAccesses} is the monitor's aggregation / sampling ratio. */
  public Features(int maxNrAccesses) {
    if (maxNrAccesses <= 0) {
      throw new IllegalArgumentException("maxNrAccesses must be positive, got " + maxNrAccesses);
    }
    this.maxNrAccesses = maxNrAccesses;
  }

  /** Writes the features of row {@code i} into {@code out} (length {@link #DIMENSION}). */
  public void extract(RegionTable t, int i, double[] out) {
    out[0] = 1.0;
    out[1] = Math.min(1.0, t.nrAccesses(i) / (double) maxNrAccesses);
    out[2] = Math.min(1.0, t.lastNrAccesses(i) / (double) maxNrAccesses);
    // ages reach thousands of aggregations; log keeps "2 minutes vs 4 minutes" distinguishable
    out[3] = Math.log1p(Math.max(0, t.age(i))) / 10.0;
    out[4] = Math.log1p(Math.max(1, t.end(i) - t.start(i))) / 20.0;
    out[5] = t.residentPermille(i) / 1000.0;
    out[6] = Math.log1p(Math.max(0, t.refaults(i))) / 5.0;
    out[7] = t.nrAccesses(i) == 0 ? 1.0 : 0.0;
  }
}
