package io.mlproxy.proxy;

/** Why a mode transition happened. */
public enum TransitionReason {
    /** ML beat default by promote_margin over a full window, dwell time passed. */
    PROMOTE,
    /** ML fell below default by demote_margin. */
    DEMOTE,
    EMERGENCY_AGENT_STOPPED,
    EMERGENCY_PRESSURE,
    EMERGENCY_REJECT_RATE,
    EMERGENCY_STALE,
    EMERGENCY_MISSING,
    /** Every emergency cause stayed clear for min_dwell. */
    RECOVERED,
    /** A mode was forced from outside (handcrafted-only or ML-only runs). */
    FORCED,
    /** The forced mode was released; the controller continues from LEARNING. */
    RELEASED
}
