package io.mlproxy.engine;

import io.mlproxy.proxy.PairedEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The events of one replication of one variant, in the order they happened (events.csv rows). */
public final class EventLog {

  /**
   * One row of events.csv without the variant and replication columns; {@code evidence} is what a
   * mode transition was decided on ({@link PairedEvidence#NONE} for other events).
   */
  public record Entry(long timeUs, String kind, String from, String to, String reason, PairedEvidence evidence)
      implements java.io.Serializable {}

  /** A proxy mode transition. */
  public static final String MODE_TRANSITION = "mode_transition";
  /** An injected fault starts. */
  public static final String FAULT_INJECTED = "fault_injected";
  /** An injected fault ends. */
  public static final String FAULT_CLEARED = "fault_cleared";
  /** The proxy rejected a recommendation message. */
  public static final String RECOMMENDATION_REJECTED = "recommendation_rejected";
  /** The synthetic workload enters its next phase. */
  public static final String PHASE_CHANGE = "phase_change";
  /** The agent hit an error talking to the proxy. */
  public static final String AGENT_ERROR = "agent_error";

  private final List<Entry> entries = new ArrayList<>();

  /** Appends an event. */
  public void add(long timeUs, String kind, String from, String to, String reason) {
    add(timeUs, kind, from, to, reason, PairedEvidence.NONE);
  }

  /** Appends an event with the evidence it was decided on. */
  public void add(long timeUs, String kind, String from, String to, String reason, PairedEvidence evidence) {
    entries.add(new Entry(timeUs, kind, from, to, reason, evidence));
  }

  /** The events so far, oldest first. */
  public List<Entry> entries() {
    return Collections.unmodifiableList(entries);
  }
}
