package io.mlproxy.tune;

import io.mlproxy.scenario.ThresholdsSpec;
import java.util.Arrays;

/**
 * One point of the search: a grid value for every {@link TunedParameter}, in enum order. The
 * thresholds not searched (min_samples, min_confidence) stay each scenario's own.
 */
public final class Candidate {

  private static final TunedParameter[] PARAMS = TunedParameter.values();

  /** Number of searched dimensions. */
  public static final int DIMENSION = PARAMS.length;

  private final long[] values;

  private Candidate(long[] values) {
    this.values = values;
  }

  /**
   * The candidate with these values (per mille or ms), which must lie on the grid within bounds.
   *
   * @throws IllegalArgumentException naming the parameter otherwise
   */
  public static Candidate of(long... values) {
    if (values.length != DIMENSION) {
      throw new IllegalArgumentException("a candidate has " + DIMENSION + " values, got " + values.length);
    }
    for (int i = 0; i < DIMENSION; i++) {
      TunedParameter p = PARAMS[i];
      if (values[i] < p.min() || values[i] > p.max() || (values[i] - p.min()) % p.step() != 0) {
        throw new IllegalArgumentException(
            p.optionName() + " = " + values[i] + " is not on the grid " + p.min() + ".." + p.max()
                + " step " + p.step());
      }
    }
    // LEARNING must not give ML a larger share than COLLABORATION (the scenario loader's rule)
    if (values[0] > values[1]) {
      throw new IllegalArgumentException(
          "learning_share = " + values[0] + " exceeds collaboration_share = " + values[1]);
    }
    return new Candidate(values.clone());
  }

  /** The grid point nearest to {@code unit} in [0,1]^d; learning_share is capped at collaboration_share. */
  public static Candidate fromUnit(double[] unit) {
    long[] v = new long[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      v[i] = PARAMS[i].fromUnit(unit[i]);
    }
    v[0] = Math.min(v[0], v[1]);
    return new Candidate(v);
  }

  /** The grid point nearest to {@code t}'s thresholds. */
  public static Candidate nearest(ThresholdsSpec t) {
    long[] v = new long[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      v[i] = PARAMS[i].snap(PARAMS[i].valueIn(t));
    }
    v[0] = Math.min(v[0], v[1]);
    return new Candidate(v);
  }

  /** The position in [0,1]^d. */
  public double[] toUnit() {
    double[] u = new double[DIMENSION];
    for (int i = 0; i < DIMENSION; i++) {
      u[i] = PARAMS[i].toUnit(values[i]);
    }
    return u;
  }

  /** The value of {@code p}. */
  public long value(TunedParameter p) {
    return values[p.ordinal()];
  }

  /** A copy of all values in enum order. */
  public long[] values() {
    return values.clone();
  }

  /** {@code base} with the searched thresholds replaced by this candidate's. */
  public ThresholdsSpec applyTo(ThresholdsSpec base) {
    return new ThresholdsSpec(
        (int) value(TunedParameter.LEARNING_SHARE),
        (int) value(TunedParameter.COLLABORATION_SHARE),
        (int) value(TunedParameter.PROMOTE_MARGIN),
        (int) value(TunedParameter.DEMOTE_MARGIN),
        value(TunedParameter.WINDOW) * 1000,
        base.minSamples(),
        value(TunedParameter.MIN_DWELL) * 1000,
        (int) value(TunedParameter.EMERGENCY_PRESSURE),
        value(TunedParameter.STALENESS_TIMEOUT) * 1000,
        (int) value(TunedParameter.MAX_REJECT_RATE),
        base.minConfidencePermille(),
        (int) value(TunedParameter.CONFIDENCE));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Candidate c && Arrays.equals(values, c.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < DIMENSION; i++) {
      b.append(i == 0 ? "" : " ").append(PARAMS[i].optionName()).append('=').append(values[i]);
      b.append(PARAMS[i].isDurationMs() ? "ms" : "‰");
    }
    return b.toString();
  }
}
