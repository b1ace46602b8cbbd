package io.mlproxy.workload;

import java.util.List;

/**
 * A phase of a synthetic workload: from {@code startUs} until the next phase starts, touches follow
 * the weighted mix. Pattern time (drift, growth, period) restarts at the phase start.
 *
 * @param startUs when the phase starts, microseconds, &ge; 0
 * @param mix the patterns and their weights, not empty
 */
public record Phase(long startUs, List<WeightedPattern> mix) {

    public Phase {
        if (startUs < 0) {
            throw new IllegalArgumentException("startUs must be >= 0, was " + startUs);
        }
        if (mix == null || mix.isEmpty()) {
            throw new IllegalArgumentException("mix must hold at least one pattern");
        }
        mix = List.copyOf(mix);
    }

    /** A phase with a single pattern. */
    public static Phase of(long startUs, AccessPattern pattern) {
        return new Phase(startUs, List.of(new WeightedPattern(1.0, pattern)));
    }
}
