package io.mlproxy.tune;

import io.mlproxy.scenario.ThresholdsSpec;

/**
 * One searched threshold with its documented bounds and grid step. Values are per mille, or
 * milliseconds for durations (the proxy counts in whole milliseconds). The optimizers work on
 * the unit interval; {@link #fromUnit} snaps to the grid so equal candidates are recognised.
 */
public enum TunedParameter {
  LEARNING_SHARE("learning_share", 0, 500, 5, false),
  COLLABORATION_SHARE("collaboration_share", 100, 1000, 5, false),
  PROMOTE_MARGIN("promote_margin", 0, 1000, 5, false),
  DEMOTE_MARGIN("demote_margin", 0, 1000, 5, false),
  WINDOW("window", 1_000, 60_000, 100, true),
  MIN_DWELL("min_dwell", 0, 60_000, 100, true),
  STALENESS_TIMEOUT("staleness_timeout", 1_000, 60_000, 100, true),
  MAX_REJECT_RATE("max_reject_rate", 0, 1000, 5, false),
  EMERGENCY_PRESSURE("emergency_pressure", 500, 1000, 5, false),
  CONFIDENCE("confidence", 800, 995, 5, false);

  private final String optionName;
  private final long min;
  private final long max;
  private final long step;
  private final boolean durationMs;

  TunedParameter(String optionName, long min, long max, long step, boolean durationMs) {
    this.optionName = optionName;
    this.min = min;
    this.max = max;
    this.step = step;
    this.durationMs = durationMs;
  }

  /** The option name used in scenario files and RE_INIT. */
  public String optionName() {
    return optionName;
  }

  /** The CSV column: the option name, with {@code _ms} for durations. */
  public String column() {
    return durationMs ? optionName + "_ms" : optionName;
  }

  /** Smallest value searched. */
  public long min() {
    return min;
  }

  /** Largest value searched. */
  public long max() {
    return max;
  }

  /** Grid step: candidates differ by multiples of it. */
  public long step() {
    return step;
  }

  /** Whether the value is a duration in milliseconds (otherwise per mille). */
  public boolean isDurationMs() {
    return durationMs;
  }

  /** The grid value nearest to {@code u} in [0, 1] (clamped). */
  public long fromUnit(double u) {
    double c = Double.isNaN(u) ? 0 : Math.max(0, Math.min(1, u));
    long steps = (max - min) / step;
    return min + Math.round(c * steps) * step;
  }

  /** The position of {@code value} in [0, 1]. */
  public double toUnit(long value) {
    return (double) (value - min) / (max - min);
  }

  /** {@code value} clamped into the bounds and snapped to the grid. */
  public long snap(long value) {
    return fromUnit(toUnit(value));
  }

  /** This parameter's value in {@code t} (durations in ms). */
  public long valueIn(ThresholdsSpec t) {
    return switch (this) {
      case LEARNING_SHARE -> t.learningSharePermille();
      case COLLABORATION_SHARE -> t.collaborationSharePermille();
      case PROMOTE_MARGIN -> t.promoteMarginPermille();
      case DEMOTE_MARGIN -> t.demoteMarginPermille();
      case WINDOW -> t.windowUs() / 1000;
      case MIN_DWELL -> t.minDwellUs() / 1000;
      case STALENESS_TIMEOUT -> t.stalenessTimeoutUs() / 1000;
      case MAX_REJECT_RATE -> t.maxRejectRatePermille();
      case EMERGENCY_PRESSURE -> t.emergencyPressurePermille();
      case CONFIDENCE -> t.confidencePermille();
    };
  }

  /** Finds a parameter by CSV column or option name. */
  public static TunedParameter byName(String name) {
    for (TunedParameter p : values()) {
      if (p.optionName.equals(name) || p.column().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown tuned parameter '" + name + "'");
  }
}
