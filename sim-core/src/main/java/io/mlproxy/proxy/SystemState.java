package io.mlproxy.proxy;

import java.util.Map;
import java.util.Optional;

/**
 * Snapshot returned by {@link MlModelProxy#getSystemState()}: lifecycle state, mode, dataset and
 * hint-table generations, thresholds and all counters (names as in the {@code counters} attribute).
 */
public record SystemState(String name, ModelState state, SystemMode mode, Optional<SystemMode> forcedMode,
                          long datasetGeneration, Optional<DatasetState> datasetState, long hintGeneration,
                          ModeThresholds thresholds, Map<String, Long> counters) {
    /** Copies the counter map. */
    public SystemState {
        counters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counters));
    }

    /** A counter by name; IllegalArgumentException when unknown. */
    public long counter(String counterName) {
        Long v = counters.get(counterName);
        if (v == null) {
            throw new IllegalArgumentException("unknown counter " + counterName);
        }
        return v;
    }
}
