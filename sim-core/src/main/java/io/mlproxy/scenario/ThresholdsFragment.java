package io.mlproxy.scenario;

/**
 * Writes mode-switch thresholds as a scenario fragment ({@code thresholds:} and one line per
 * field), the form {@code workbench tune} hands back and {@link
 * ScenarioLoader#loadThresholdsFragment} reads.
 */
public final class ThresholdsFragment {
  private ThresholdsFragment() {}

  /** The fragment's YAML text; it loads back to an equal {@link ThresholdsSpec}. */
  public static String toYaml(ThresholdsSpec t) {
    return "thresholds:\n"
        + line("learning_share", t.learningSharePermille())
        + line("collaboration_share", t.collaborationSharePermille())
        + line("promote_margin", t.promoteMarginPermille())
        + line("demote_margin", t.demoteMarginPermille())
        + line("window", Units.formatDurationUs(t.windowUs()))
        + line("min_samples", t.minSamples())
        + line("min_dwell", Units.formatDurationUs(t.minDwellUs()))
        + line("emergency_pressure", t.emergencyPressurePermille())
        + line("staleness_timeout", Units.formatDurationUs(t.stalenessTimeoutUs()))
        + line("max_reject_rate", t.maxRejectRatePermille())
        + line("min_confidence", t.minConfidencePermille())
        + line("confidence", t.confidencePermille());
  }

  private static String line(String key, Object value) {
    return "  " + key + ": " + value + "\n";
  }
}
