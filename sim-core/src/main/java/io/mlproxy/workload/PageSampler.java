package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * Draws the pages of one {@link AccessPattern} within one phase. One instance per stream and phase;
 * instances may keep state (a scan cursor) and are not thread-safe.
 */
public interface PageSampler {

    /** Returned by {@link #next} when a pattern has no touches left (a non-looping scan). */
    int EXHAUSTED = -1;

    /**
     * The next page, or {@link #EXHAUSTED}.
     *
     * @param rnd the stream's generator; all randomness must come from it
     * @param phaseTimeUs time since the start of the phase, microseconds
     */
    int next(SplittableRandom rnd, long phaseTimeUs);
}
