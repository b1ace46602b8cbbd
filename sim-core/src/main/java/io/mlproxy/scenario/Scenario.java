package io.mlproxy.scenario;

import java.util.List;

/**
 * A whole scenario file: what to simulate, for how long, how often, which variants to compare,
 * and every section's settings, with all defaults filled in. Durations in microseconds.
 */
public record Scenario(
    String name,
    String description,
    long durationUs,
    long seed,
    int replications,
    List<Variant> variants,
    long outputStepUs,
    Objective objective,
    MemorySpec memory,
    MonitorSpec monitor,
    PolicySpec policy,
    ProxySpec proxy,
    AgentSpec agent,
    WorkloadSpec workload,
    List<FaultSpec> faults,
    OracleSpec oracle) {

  /** Default seed. */
  public static final long DEFAULT_SEED = 1;

  /** Default number of replications. */
  public static final int DEFAULT_REPLICATIONS = 3;

  /** Copies the lists so the record stays immutable. */
  public Scenario {
    variants = List.copyOf(variants);
    faults = List.copyOf(faults);
  }
}
