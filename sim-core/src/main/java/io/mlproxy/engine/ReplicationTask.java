package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import java.util.ArrayList;
import java.util.List;

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
    List<ReplicationResult> out = new ArrayList<>(variants.size());
    for (Variant v : variants) {
      // the heatmap is written for replication 1 only
      out.add(new ReplicationModel(plan, v, rep, seed, rep == 1).run());
    }
    return out;
  }
}
