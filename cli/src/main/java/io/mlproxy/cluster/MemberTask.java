package io.mlproxy.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.mlproxy.engine.DsolReplicationRunner;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.ReplicationTask;
import io.mlproxy.engine.RunPlan;
import io.mlproxy.scenario.Variant;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A {@link ReplicationTask} as it travels to a member: the scenario as text (no path a member
 * might not have), the trace by content hash, the replication and its variants. The member
 * compiles the scenario once ({@link Plans}) and runs the variants.
 */
final class MemberTask implements Callable<ArrayList<ReplicationResult>>, Serializable, HazelcastInstanceAware {

  private static final long serialVersionUID = 1L;

  /** What a member needs to compile the scenario of a task. */
  record Scenario(String yaml, String nameForMessages, TraceStore.Ref trace) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The cache key of the compiled plan: the text and the trace's content. */
    String key() {
      return (trace == null ? "" : trace.hash()) + "\n" + nameForMessages + "\n" + yaml;
    }
  }

  private final long id;
  private final Scenario scenario;
  private final int rep;
  private final long seed;
  private final List<Variant> variants;
  /** The submitter's {@link LocalProgress} key (null: nobody watches the simulated time). */
  private final String progressKey;
  private transient HazelcastInstance member;

  MemberTask(long id, Scenario scenario, int rep, long seed, List<Variant> variants, String progressKey) {
    this.id = id;
    this.scenario = scenario;
    this.rep = rep;
    this.seed = seed;
    this.variants = List.copyOf(variants);
    this.progressKey = progressKey;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public ArrayList<ReplicationResult> call() {
    DsolReplicationRunner.prepareContext();
    long start = System.nanoTime();
    RunPlan plan = Plans.plan(scenario, member);
    String what = plan.scenario().name() + " rep " + rep + " "
        + String.join(",", variants.stream().map(Variant::yamlName).toList());
    WorkerLog.note("task " + id + " started: " + what);
    ArrayList<ReplicationResult> results;
    try {
      results = new ArrayList<>(new ReplicationTask(plan, rep, seed, variants).run(LocalProgress.of(progressKey)));
    } catch (OutOfMemoryError e) {
      // the task's objects are garbage now: the member lives on, and the submitter is told why
      throw new IllegalStateException("out of memory running " + what + " on "
          + (member == null ? "a member" : member.getCluster().getLocalMember().getAddress()) + " ("
          + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB heap): run fewer tasks at a time (--jobs),"
          + " or give Java more with WORKBENCH_JAVA_OPTS=-Xmx4g");
    }
    WorkerLog.note(String.format(java.util.Locale.ROOT, "task %d done in %.2f s: %s", id,
        (System.nanoTime() - start) / 1e9, what));
    return results;
  }

  long id() {
    return id;
  }
}
