package io.mlproxy.proxy;

/** Conditions that send the proxy to EMERGENCY (unless a mode is forced), in priority order. */
public enum EmergencyCause {
    /** The agent is not started (model INITIALIZED or STOPPED). */
    AGENT_STOPPED(TransitionReason.EMERGENCY_AGENT_STOPPED),
    /** Memory pressure at or above emergency_pressure. */
    PRESSURE(TransitionReason.EMERGENCY_PRESSURE),
    /** Too many recommendation messages rejected in the window. */
    REJECT_RATE(TransitionReason.EMERGENCY_REJECT_RATE),
    /** The newest hint table answers a dataset older than staleness_timeout. */
    STALE_RECOMMENDATIONS(TransitionReason.EMERGENCY_STALE),
    /** No hint table arrived within staleness_timeout of the agent's start. */
    MISSING_RECOMMENDATIONS(TransitionReason.EMERGENCY_MISSING),
    /**
     * ML recommendations are clearly unreliable: the upper confidence bound of ML − default is below
     * minus demote_margin. Held until the shadow evidence shows the model no longer worse.
     */
    MODEL_UNRELIABLE(TransitionReason.EMERGENCY_MODEL_UNRELIABLE);

    private final TransitionReason reason;

    EmergencyCause(TransitionReason reason) {
        this.reason = reason;
    }

    /** The transition reason recorded when this cause triggers EMERGENCY. */
    public TransitionReason reason() {
        return reason;
    }
}
