package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The unit of work an executor runs: some variants of one replication of one compiled scenario.
 * Each variant owns its simulator, model and streams, so a task can run on any thread of any JVM
 * and give the same result.
 *
 * @param plan the compiled scenario
 * @param rep the replication, 1-based
 * @param seed the replication's seed ({@link SeedPlan#replicationSeed})
 * @param variants the variants to run, in this order
 */
public record ReplicationTask(RunPlan plan, int rep, long seed, List<Variant> variants) {

  /** Copies the list so the record stays immutable. */
  public ReplicationTask {
    variants = List.copyOf(variants);
    if (variants.isEmpty()) {
      throw new IllegalArgumentException("a replication task needs at least one variant");
    }
  }

  /** Runs the variants one after the other; results in {@link #variants()} order. */
  public List<ReplicationResult> run() {
    return run(null);
  }

  /** {@link #run()}, adding the simulated time to {@code simulatedUs} as it passes (may be null). */
  public List<ReplicationResult> run(LongAdder simulatedUs) {
    List<ReplicationResult> out = new ArrayList<>(variants.size());
    for (Variant v : variants) {
      // the heatmap is written for replication 1 only
      ReplicationModel model = new ReplicationModel(plan, v, rep, seed, rep == 1);
      out.add((simulatedUs == null ? model : model.reportingTo(simulatedUs)).run());
    }
    return out;
  }

  /** Simulated microseconds this task runs (every variant runs the scenario's duration). */
  public long simulatedUs() {
    return plan.scenario().durationUs() * variants.size();
  }
}
