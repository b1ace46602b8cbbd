package io.mlproxy.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The monitored workload: either synthetic phases (touches at {@code ratePerSecond}, issued in
 * batches of {@code tickUs}) or a recorded trace. Exactly one of {@code phases} (non-empty) and
 * {@code trace} (present) is given.
 */
public record WorkloadSpec(
    long ratePerSecond, long tickUs, List<PhaseSpec> phases, Optional<TraceSpec> trace) {

  /** Default rate: one million touches per second. */
  public static final long DEFAULT_RATE = 1_000_000;

  /** Copies the list so the record stays immutable. */
  public WorkloadSpec {
    phases = List.copyOf(phases);
  }

  /** True when the workload replays a trace. */
  public boolean isTrace() {
    return trace.isPresent();
  }
}
