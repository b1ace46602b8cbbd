package io.mlproxy.workload;

import java.util.Objects;

/**
 * A pattern with its relative weight inside a phase's mix: each touch picks a pattern with
 * probability weight / (sum of the mix's weights).
 *
 * @param weight relative weight, finite and &gt; 0
 * @param pattern the pattern
 */
public record WeightedPattern(double weight, AccessPattern pattern) {

    public WeightedPattern {
        if (!(weight > 0.0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("weight must be finite and > 0, was " + weight);
        }
        Objects.requireNonNull(pattern, "pattern");
    }
}
