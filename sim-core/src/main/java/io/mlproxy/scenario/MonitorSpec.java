package io.mlproxy.scenario;

/**
 * DAMON monitoring attributes (mainline defaults): sampling, aggregation and ops-update intervals
 * in microseconds, and the bounds on the number of regions.
 */
public record MonitorSpec(
    long samplingUs, long aggregationUs, long opsUpdateUs, int minRegions, int maxRegions) {

  /** sampling 5 ms, aggregation 100 ms, ops update 60 s, 10..1000 regions. */
  public static MonitorSpec defaults() {
    return new MonitorSpec(5_000, 100_000, 60_000_000, 10, 1000);
  }

  /** The largest nr_accesses a region can reach in one aggregation interval. */
  public int maxNrAccesses() {
    return (int) (aggregationUs / samplingUs);
  }
}
