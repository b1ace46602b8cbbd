package io.mlproxy.scenario;

/**
 * The proxy's mode-switch thresholds, as tuned by {@code workbench tune}. Shares, margins, rates
 * and confidences are per-mille; durations in microseconds (whole milliseconds, since the proxy
 * counts in ms).
 *
 * @param learningSharePermille share of operations decided by ML in LEARNING
 * @param collaborationSharePermille share of operations decided by ML in COLLABORATION
 * @param promoteMarginPermille how much better than the default ML must be to be promoted
 * @param demoteMarginPermille how much worse than the default ML may be before demotion
 * @param windowUs window over which decision values are compared
 * @param minSamples judged decisions needed in the window before any mode change
 * @param minDwellUs minimum time in a mode before the next change
 * @param emergencyPressurePermille memory pressure above which the proxy goes to EMERGENCY
 * @param stalenessTimeoutUs recommendations older than this are stale; no fresh ones demotes
 * @param maxRejectRatePermille share of rejected recommendation records that demotes
 * @param minConfidencePermille recommendations below this confidence are not applied
 */
public record ThresholdsSpec(
    int learningSharePermille,
    int collaborationSharePermille,
    int promoteMarginPermille,
    int demoteMarginPermille,
    long windowUs,
    int minSamples,
    long minDwellUs,
    int emergencyPressurePermille,
    long stalenessTimeoutUs,
    int maxRejectRatePermille,
    int minConfidencePermille) {

  /** The defaults documented in the README. */
  public static ThresholdsSpec defaults() {
    return new ThresholdsSpec(100, 500, 50, 50, 10_000_000, 64, 5_000_000, 950, 10_000_000, 200, 500);
  }
}
