package io.mlproxy.scenario;

import java.util.List;
import java.util.Optional;

/**
 * The monitored workload: either synthetic phases (touches at {@code ratePerSecond}, issued in
 * batches of {@code tickUs}) or a recorded trace. Exactly one of {@code phases} (non-empty) and
 * {@code trace} (present) is given. {@code model} is how the run simulates it when the file says
 * so; otherwise {@link #modelFor} chooses by size.
 */
public record WorkloadSpec(
    long ratePerSecond, long tickUs, List<PhaseSpec> phases, Optional<TraceSpec> trace, Optional<Model> model) {

  /** Default rate: one million touches per second. */
  public static final long DEFAULT_RATE = 1_000_000;

  /**
   * Above this many pages (4 GiB of 4 KiB pages) a synthetic workload is rate-based unless the
   * file says {@code model: touch}: a touch per event costs the touch model about 10 ns, so a large
   * node at 10^7..10^8 touches per second is minutes of work per simulated second, while the rate
   * model's work grows with pages and DAMON's samples, not with touches.
   */
  public static final int RATE_ABOVE_PAGES = 1 << 20;

  /** How a workload is simulated. */
  public enum Model {
    /** Every touch is generated and replayed. */
    TOUCH("touch"),
    /** Per-page access rates; the memory asks whether a page was accessed instead of replaying touches. */
    RATE("rate");

    private final String yamlName;

    Model(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** Copies the list so the record stays immutable. */
  public WorkloadSpec {
    phases = List.copyOf(phases);
  }

  /** A workload whose model is chosen by size. */
  public WorkloadSpec(long ratePerSecond, long tickUs, List<PhaseSpec> phases, Optional<TraceSpec> trace) {
    this(ratePerSecond, tickUs, phases, trace, Optional.empty());
  }

  /** True when the workload replays a trace. */
  public boolean isTrace() {
    return trace.isPresent();
  }

  /**
   * The model a run over {@code pages} pages uses: the file's, else touch for traces (always
   * replayed touch by touch) and up to {@link #RATE_ABOVE_PAGES} pages, rate above.
   */
  public Model modelFor(int pages) {
    if (model.isPresent()) {
      return model.get();
    }
    return isTrace() || pages <= RATE_ABOVE_PAGES ? Model.TOUCH : Model.RATE;
  }
}
