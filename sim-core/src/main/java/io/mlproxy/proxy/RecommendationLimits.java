package io.mlproxy.proxy;

import java.util.Map;

/**
 * What {@link RecommendationCodec#decode} validates a message against: the address space, the count
 * limits and the knobs the subsystem declared.
 */
public record RecommendationLimits(long addressSpacePages, int maxRegionHints, int maxParamHints,
                                   Map<String, KnobSpec> knobs) {
    /** Copies the knob map. */
    public RecommendationLimits {
        knobs = Map.copyOf(knobs);
    }
}
