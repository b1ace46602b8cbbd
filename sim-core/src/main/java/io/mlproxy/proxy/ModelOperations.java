package io.mlproxy.proxy;

import java.util.List;

/**
 * Subsystem-specific model behaviour, the counterpart of {@code struct ml_lib_model_operations}.
 * Every method has a generic default (like the RFC's {@code generic_*} functions), so a subsystem
 * overrides only what it needs. Callbacks run on the control path with the proxy's lock held; they
 * must not call back into the proxy.
 */
public interface ModelOperations {
    /** The generic operations: no knobs, every callback a no-op. */
    ModelOperations GENERIC = new ModelOperations() {
    };

    /** Knobs the ML model may tune through parameter hints, with their allowed ranges. */
    default List<KnobSpec> knobs() {
        return List.of();
    }

    /** After init / re-init. */
    default void initialized(ProxyConfig config, ModeThresholds thresholds) {
    }

    /** After the agent was started. */
    default void started(long nowMs) {
    }

    /** After the agent was stopped. */
    default void stopped(long nowMs) {
    }

    /** After a validated hint table was installed (e.g. a tuner applies its knobs here). */
    default void recommendationApplied(HintTable table) {
    }

    /** After every mode transition. */
    default void modeChanged(ModeTransition transition) {
    }

    /** Before the proxy is torn down. */
    default void destroyed() {
    }
}
