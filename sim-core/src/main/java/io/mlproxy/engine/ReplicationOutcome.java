package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
/**
 * Totals of one variant in one replication, as the summary needs them.
 *
 * @param meanResidentPages time-mean of resident pages over the run
 * @param meanFootprintPages time-mean of the footprint (pages touched and still live)
 * @param accessTimeUs hits × hit cost + faults × fault cost + stalls + reclaim CPU, microseconds
 * @param modeTimeUs simulated time spent in EMERGENCY, LEARNING, COLLABORATION, RECOMMENDATION
 *     (all zero for variants without a proxy)
 */
public record ReplicationOutcome(
    Variant variant,
    int rep,
    long seed,
    double meanResidentPages,
    double meanFootprintPages,
    double accessTimeUs,
    long faults,
    long refaults,
    double reclaimCpuUs,
    int transitions,
    long hintsApplied,
    long recsRejected,
    ModeTime modeTimeUs) implements java.io.Serializable {

  /** Simulated microseconds spent in each mode. */
  public record ModeTime(long emergency, long learning, long collaboration, long recommendation)
      implements java.io.Serializable {
    /** No time in any mode: the variant has no proxy. */
    public static final ModeTime NONE = new ModeTime(0, 0, 0, 0);

    /** Total time accounted. */
    public long total() {
      return emergency + learning + collaboration + recommendation;
    }

    /** Share of {@code part} in percent, NaN when nothing was accounted. */
    public double percent(long part) {
      long t = total();
      return t == 0 ? Double.NaN : 100.0 * part / t;
    }
  }

  /** 1 − mean resident / mean footprint; 0 when nothing was ever touched. */
  public double saving() {
    return meanFootprintPages <= 0 ? 0.0 : 1.0 - meanResidentPages / meanFootprintPages;
  }

  /** Extra access time relative to {@code reference} (the `none` variant of the same replication). */
  public double slowdownAgainst(ReplicationOutcome reference) {
    if (reference.accessTimeUs <= 0) {
      return 0.0;
    }
    return (accessTimeUs - reference.accessTimeUs) / reference.accessTimeUs;
  }
}
