package io.mlproxy.report;

/**
 * One row of {@code events.csv}: a mode transition (with the evidence it was decided on: pages,
 * mean, lower and upper bound of ML − default per page in ms, NaN when none), an injected fault, a
 * rejected message.
 */
public record Event(
    double timeS, String variant, int rep, String kind, String from, String to, double evidencePages,
    double evidenceMeanMs, double evidenceLowerMs, double evidenceUpperMs, String reason) {

  /** An event without evidence. */
  public Event(double timeS, String variant, int rep, String kind, String from, String to, String reason) {
    this(timeS, variant, rep, kind, from, to, Double.NaN, Double.NaN, Double.NaN, Double.NaN, reason);
  }

  /** Whether the event carries the evidence a transition was decided on. */
  public boolean hasEvidence() {
    return !Double.isNaN(evidencePages);
  }

  /** A change of the proxy's mode ({@code from}/{@code to} are modes). */
  public static final String MODE_TRANSITION = "mode_transition";
  /** A fault starts (reason names it, e.g. agent_crash). */
  public static final String FAULT_INJECTED = "fault_injected";
  public static final String PHASE_CHANGE = "phase_change";
  /** A fault ends. */
  public static final String FAULT_CLEARED = "fault_cleared";
  /** The proxy rejected a recommendation (reason = reject reason). */
  public static final String RECOMMENDATION_REJECTED = "recommendation_rejected";
  /** The agent reported an error. */
  public static final String AGENT_ERROR = "agent_error";

  /** Whether {@code kind} is one the results format defines. */
  public static boolean isKnownKind(String kind) {
    return kind.equals(MODE_TRANSITION)
        || kind.equals(FAULT_INJECTED)
        || kind.equals(FAULT_CLEARED)
        || kind.equals(RECOMMENDATION_REJECTED)
        || kind.equals(AGENT_ERROR)
        || kind.equals(PHASE_CHANGE);
  }
}
