package io.mlproxy.scenario;

/**
 * The proxy's mode-switch thresholds, as tuned by {@code workbench tune}. Shares, margins, rates
 * and confidences are per-mille; durations in microseconds (whole milliseconds, since the proxy
 * counts in ms).
 *
 * @param learningSharePermille share of the address space ML decides in LEARNING (a sticky part)
 * @param collaborationSharePermille share of the address space ML decides in COLLABORATION
 * @param promoteMarginPermille how far above 0 the lower bound of ML − default must be to promote, per
 *     mille of the mean stake
 * @param demoteMarginPermille how far below 0 the mean of ML − default may go before a demotion (the
 *     upper bound: before EMERGENCY), per mille of the mean stake
 * @param windowUs window over which the paired evidence is gathered
 * @param minSamples judged pages needed in the window before the evidence counts
 * @param minDwellUs minimum time in a mode before the next change
 * @param emergencyPressurePermille memory pressure above which the proxy goes to EMERGENCY
 * @param stalenessTimeoutUs recommendations older than this are stale; no fresh ones demotes
 * @param maxRejectRatePermille share of rejected recommendation records that demotes
 * @param minConfidencePermille recommendations below this confidence are not applied
 * @param confidencePermille one-sided confidence level of the evidence bounds
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
    int minConfidencePermille,
    int confidencePermille) {

  /** The defaults documented in the README. */
  public static ThresholdsSpec defaults() {
    return new ThresholdsSpec(100, 500, 50, 50, 10_000_000, 64, 2_000_000, 950, 10_000_000, 200, 500, 990);
  }
}
