package io.mlproxy.scenario;

/**
 * An injected fault. Fields that do not apply to the type hold neutral values: {@code factor} 1,
 * {@code count} 0, {@code capacityPages} 0, {@code toPhase} -1; instant faults have
 * {@code durationUs} 0.
 *
 * @param type what goes wrong
 * @param atUs when (simulated time from the start)
 * @param durationUs how long it lasts (0 for instant faults)
 * @param factor agent_slow: how many times slower the agent is
 * @param count corrupt_recommendations: how many recommendation batches are corrupted
 * @param capacityPages memory_pressure: the resident capacity while it lasts
 * @param toPhase workload_shift: the index of the phase the workload jumps to
 */
public record FaultSpec(
    Type type, long atUs, long durationUs, double factor, int count, int capacityPages, int toPhase) {

  /** Kinds of injected faults. */
  public enum Type {
    /** The agent process dies, and restarts after {@code duration}. */
    AGENT_CRASH("agent_crash", true),
    /** The agent runs {@code factor} times slower for {@code duration}. */
    AGENT_SLOW("agent_slow", true),
    /** The next {@code count} recommendation batches arrive corrupted (instant). */
    CORRUPT_RECOMMENDATIONS("corrupt_recommendations", false),
    /** Recommendations are delivered stale for {@code duration}. */
    STALE_RECOMMENDATIONS("stale_recommendations", true),
    /** The resident capacity drops to {@code capacity} for {@code duration}. */
    MEMORY_PRESSURE("memory_pressure", true),
    /** The workload jumps to phase {@code to_phase} (instant). */
    WORKLOAD_SHIFT("workload_shift", false);

    private final String yamlName;
    private final boolean lasting;

    Type(String yamlName, boolean lasting) {
      this.yamlName = yamlName;
      this.lasting = lasting;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }

    /** True when the fault lasts a duration, false for instant faults. */
    public boolean lasting() {
      return lasting;
    }
  }
}
