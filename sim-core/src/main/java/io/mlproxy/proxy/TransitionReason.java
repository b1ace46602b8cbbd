package io.mlproxy.proxy;

/** Why a mode transition happened. */
public enum TransitionReason {
    /** The lower bound of ML − default exceeded promote_margin over a full window, dwell time passed. */
    PROMOTE,
    /** The mean ML − default fell below minus demote_margin. */
    DEMOTE,
    EMERGENCY_AGENT_STOPPED,
    EMERGENCY_PRESSURE,
    EMERGENCY_REJECT_RATE,
    EMERGENCY_STALE,
    EMERGENCY_MISSING,
    /** The model is clearly worse than the default (see {@link EmergencyCause#MODEL_UNRELIABLE}). */
    EMERGENCY_MODEL_UNRELIABLE,
    /** Every emergency cause stayed clear for min_dwell. */
    RECOVERED,
    /** A mode was forced from outside (handcrafted-only or ML-only runs). */
    FORCED,
    /** The forced mode was released; the controller continues from LEARNING. */
    RELEASED
}
