package io.mlproxy.proxy;

import java.util.List;

/**
 * Thresholds of the {@link ModeController}; integers only (per mille, milliseconds, counts).
 * The YAML/RE_INIT option name of each component is in brackets.
 *
 * @param learningSharePermille      [learning_share] per mille of the address space ML decides in LEARNING
 *                                   (a sticky part, see {@link ExposureMap})
 * @param collaborationSharePermille [collaboration_share] the same in COLLABORATION
 * @param promoteMarginPermille      [promote_margin] the lower confidence bound of ML − default must exceed
 *                                   this, per mille of the mean stake |d|, to promote
 * @param demoteMarginPermille       [demote_margin] a mean ML − default below minus this (per mille of the
 *                                   stake) demotes one step; an upper bound below it means the model is
 *                                   clearly worse: EMERGENCY (MODEL_UNRELIABLE)
 * @param windowMs                   [window] length of the sliding evidence window
 * @param minSamples                 [min_samples] judged pages needed in the window before the evidence counts
 * @param minDwellMs                 [min_dwell] minimum time in a mode before a promotion, and clear time
 *                                   of an emergency cause before leaving EMERGENCY
 * @param emergencyPressurePermille  [emergency_pressure] memory pressure (1000 − free rate ‰) at or above
 *                                   which the proxy goes to EMERGENCY
 * @param stalenessTimeoutMs         [staleness_timeout] maximum age of the dataset a hint table answers
 * @param maxRejectRatePermille      [max_reject_rate] share of rejected messages in the window above which
 *                                   the proxy goes to EMERGENCY
 * @param minConfidencePermille      [min_confidence] region hints below this confidence are ignored
 * @param confidencePermille         [confidence] one-sided confidence of the evidence bounds (500..999)
 */
public record ModeThresholds(
        int learningSharePermille,
        int collaborationSharePermille,
        int promoteMarginPermille,
        int demoteMarginPermille,
        long windowMs,
        int minSamples,
        long minDwellMs,
        int emergencyPressurePermille,
        long stalenessTimeoutMs,
        int maxRejectRatePermille,
        int minConfidencePermille,
        int confidencePermille) {

    /** Largest duration accepted for any millisecond threshold (one day). */
    public static final long MAX_DURATION_MS = 86_400_000L;
    /** Largest margin accepted (10x the default's magnitude). */
    public static final int MAX_MARGIN_PERMILLE = 10_000;

    /** Option names in component order, as used by the scenario loader and RE_INIT. */
    public static final List<String> OPTION_NAMES = List.of(
            "learning_share", "collaboration_share", "promote_margin", "demote_margin", "window",
            "min_samples", "min_dwell", "emergency_pressure", "staleness_timeout", "max_reject_rate",
            "min_confidence", "confidence");

    /** Validates every component; the message names the component and its allowed range. */
    public ModeThresholds {
        check("learningSharePermille", learningSharePermille, 0, 1000);
        check("collaborationSharePermille", collaborationSharePermille, 0, 1000);
        check("promoteMarginPermille", promoteMarginPermille, 0, MAX_MARGIN_PERMILLE);
        check("demoteMarginPermille", demoteMarginPermille, 0, MAX_MARGIN_PERMILLE);
        check("windowMs", windowMs, 1, MAX_DURATION_MS);
        check("minSamples", minSamples, 1, 1_000_000_000L);
        check("minDwellMs", minDwellMs, 0, MAX_DURATION_MS);
        check("emergencyPressurePermille", emergencyPressurePermille, 0, 1000);
        check("stalenessTimeoutMs", stalenessTimeoutMs, 1, MAX_DURATION_MS);
        check("maxRejectRatePermille", maxRejectRatePermille, 0, 1000);
        check("minConfidencePermille", minConfidencePermille, 0, 1000);
        check("confidencePermille", confidencePermille, NormalQuantile.MIN_PERMILLE, NormalQuantile.MAX_PERMILLE);
    }

    /** The documented defaults. */
    public static ModeThresholds defaults() {
        return new ModeThresholds(100, 500, 50, 50, 10_000, 64, 2_000, 950, 10_000, 200, 500, 990);
    }

    /**
     * A copy with one component replaced, by its option name.
     *
     * @throws IllegalArgumentException for an unknown name or a value outside the component's range
     */
    public ModeThresholds with(String optionName, long value) {
        int i = OPTION_NAMES.indexOf(optionName);
        if (i < 0) {
            throw new IllegalArgumentException("unknown threshold '" + optionName + "', known: " + OPTION_NAMES);
        }
        long[] v = {learningSharePermille, collaborationSharePermille, promoteMarginPermille,
                demoteMarginPermille, windowMs, minSamples, minDwellMs, emergencyPressurePermille,
                stalenessTimeoutMs, maxRejectRatePermille, minConfidencePermille, confidencePermille};
        v[i] = value;
        return new ModeThresholds(toInt(optionName, v[0]), toInt(optionName, v[1]), toInt(optionName, v[2]),
                toInt(optionName, v[3]), v[4], toInt(optionName, v[5]), v[6], toInt(optionName, v[7]), v[8],
                toInt(optionName, v[9]), toInt(optionName, v[10]), toInt(optionName, v[11]));
    }

    /** Value of a component by its option name. */
    public long get(String optionName) {
        switch (optionName) {
            case "learning_share": return learningSharePermille;
            case "collaboration_share": return collaborationSharePermille;
            case "promote_margin": return promoteMarginPermille;
            case "demote_margin": return demoteMarginPermille;
            case "window": return windowMs;
            case "min_samples": return minSamples;
            case "min_dwell": return minDwellMs;
            case "emergency_pressure": return emergencyPressurePermille;
            case "staleness_timeout": return stalenessTimeoutMs;
            case "max_reject_rate": return maxRejectRatePermille;
            case "min_confidence": return minConfidencePermille;
            case "confidence": return confidencePermille;
            default:
                throw new IllegalArgumentException("unknown threshold '" + optionName + "', known: " + OPTION_NAMES);
        }
    }

    /** z × 1000 of {@link #confidencePermille}. */
    public int zMilli() {
        return NormalQuantile.zMilli(confidencePermille);
    }

    private static int toInt(String name, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " = " + value + " does not fit an int");
        }
        return (int) value;
    }

    private static void check(String component, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    component + " = " + value + " is outside the allowed range " + min + ".." + max);
        }
    }
}
