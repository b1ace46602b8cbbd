package io.mlproxy.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.RetryableException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import com.hazelcast.spi.exception.TargetNotMemberException;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationExecutor;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.ReplicationTask;
import io.mlproxy.engine.RunPlan;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioYaml;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs replication tasks on the members of a Hazelcast cluster (or the embedded member) and
 * hands back the results in task order, as if they had run here.
 *
 * <p>The submitter keeps each member busy with as many tasks as it runs at a time (its
 * {@code --jobs}, a member attribute) and sends the next task to whichever member finishes one, so
 * faster members do more. A member that leaves (killed, disconnected, shut down) loses nothing:
 * the tasks it was running go back to the front of the queue and run elsewhere. Each result is
 * kept once, by task number: a task that finishes twice (sent again while its first member was
 * only slow to be declared gone) counts once. A task that fails by itself (a bad trace, a
 * simulation error) fails the run, as it would locally.
 */
public final class ClusterExecutor implements ReplicationExecutor {

  /** How long a run waits with no member to send tasks to before it fails. */
  static final long NO_MEMBER_TIMEOUT_MS = 60_000;

  private final HazelcastInstance hz;
  private final boolean embedded;
  private final int embeddedJobs;
  private final Consumer<String> notes;
  private final Set<String> left = new LinkedHashSet<>();
  private volatile int members;
  private long nextId;

  /**
   * @param embedded whether {@code hz} is this process's own member (traces and plans are then
   *     shared in memory, not sent)
   * @param embeddedJobs tasks at a time on the embedded member (the command's --jobs)
   * @param notes told, in a sentence, when a member joins or leaves
   */
  ClusterExecutor(HazelcastInstance hz, boolean embedded, int embeddedJobs, Consumer<String> notes) {
    this.hz = hz;
    this.embedded = embedded;
    this.embeddedJobs = embeddedJobs;
    this.notes = notes;
  }

  /**
   * "3 members" and, when some left during this command, which; empty for the embedded member
   * (always one, in this process: nothing a reader needs on the progress bar).
   */
  public String status() {
    if (embedded) {
      return "";
    }
    synchronized (left) {
      return members + (members == 1 ? " member" : " members")
          + (left.isEmpty() ? "" : "; left: " + String.join(", ", left));
    }
  }

  /** Members that left during this command, by address. */
  public List<String> membersLeft() {
    synchronized (left) {
      return List.copyOf(left);
    }
  }

  @Override
  public List<List<ReplicationResult>> run(List<ReplicationTask> tasks, ExperimentRunner.Progress progress) {
    List<MemberTask> memberTasks = new ArrayList<>(tasks.size());
    Map<RunPlan, MemberTask.Scenario> shipped = new IdentityHashMap<>();
    List<String> published = new ArrayList<>();
    // the embedded member's tasks report simulated time as it passes (for the progress bar)
    String progressKey = embedded ? UUID.randomUUID().toString() : null;
    try {
      for (ReplicationTask t : tasks) {
        MemberTask.Scenario s = shipped.computeIfAbsent(t.plan(), p -> ship(p, published));
        memberTasks.add(new MemberTask(nextId++, s, t.rep(), t.seed(), t.variants(), progressKey));
      }
      if (progressKey != null) {
        java.util.concurrent.atomic.LongAdder simulated = new java.util.concurrent.atomic.LongAdder();
        LocalProgress.register(progressKey, simulated);
        progress.started(simulated::sum, tasks.stream().mapToLong(ReplicationTask::simulatedUs).sum(), tasks.size());
      }
      return new Batch(memberTasks, progress).run();
    } finally {
      if (progressKey != null) {
        LocalProgress.unregister(progressKey);
      }
      if (!published.isEmpty()) {
        TraceStore.remove(hz, published);
      }
    }
  }

  /** The scenario of {@code plan} as text, its trace put into the cluster when members are elsewhere. */
  private MemberTask.Scenario ship(RunPlan plan, List<String> published) {
    Scenario s = plan.scenario();
    TraceStore.Ref trace = null;
    if (s.workload().isTrace()) {
      trace = TraceStore.ref(s.workload().trace().orElseThrow().path());
      if (!embedded) {
        published.addAll(TraceStore.publish(hz, trace));
      }
    }
    // an external agent's relative paths are relative to the scenario's folder: parse there
    Path name = s.agent().external() != null
        ? s.agent().external().workingDirectory().resolve("scenario.yaml")
        : Path.of(s.name() + ".yaml");
    MemberTask.Scenario shippedScenario =
        new MemberTask.Scenario(ScenarioYaml.write(s, trace == null ? null : Path.of(trace.fileName())),
            name.toString(), trace);
    if (embedded) {
      Plans.seed(shippedScenario, plan);
    }
    return shippedScenario;
  }

  /** One call of {@link #run}: the queue, what runs where, and the results so far. */
  private final class Batch implements MembershipListener {
    private final List<MemberTask> tasks;
    private final ExperimentRunner.Progress progress;
    private final IExecutorService executor = hz.getExecutorService(HazelcastSettings.EXECUTOR);
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    private final List<List<ReplicationResult>> results;
    private final UUID[] runningOn;
    private final Map<UUID, Set<Integer>> running = new HashMap<>();
    private final Map<UUID, Integer> lossesInARow = new HashMap<>();
    private final Set<UUID> gone = new LinkedHashSet<>();
    private int done;
    private Throwable failure;
    private int failedTask = Integer.MAX_VALUE;

    Batch(List<MemberTask> tasks, ExperimentRunner.Progress progress) {
      this.tasks = tasks;
      this.progress = progress;
      this.results = new ArrayList<>(java.util.Collections.nCopies(tasks.size(), null));
      this.runningOn = new UUID[tasks.size()];
      for (int i = 0; i < tasks.size(); i++) {
        queue.add(i);
      }
    }

    List<List<ReplicationResult>> run() {
      if (tasks.isEmpty()) {
        return List.of();
      }
      UUID registration = hz.getCluster().addMembershipListener(this);
      try {
        synchronized (this) {
          long noMemberSince = -1;
          while (done < tasks.size() && failure == null) {
            Map<UUID, Member> live = liveMembers();
            members = live.size();
            if (live.isEmpty()) {
              long now = System.currentTimeMillis();
              noMemberSince = noMemberSince < 0 ? now : noMemberSince;
              if (now - noMemberSince > NO_MEMBER_TIMEOUT_MS) {
                throw new IllegalStateException("no cluster member left to run tasks"
                    + (left.isEmpty() ? "" : " (members that left: " + String.join(", ", membersLeft()) + ")")
                    + "; " + done + " of " + tasks.size() + " tasks were done; nothing was written");
              }
            } else {
              noMemberSince = -1;
              dispatch(live);
            }
            try {
              wait(200);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("interrupted while waiting for the cluster's tasks", e);
            }
          }
          if (failure != null) {
            throw rethrow(failure);
          }
          return List.copyOf(results);
        }
      } finally {
        try {
          hz.getCluster().removeMembershipListener(registration);
        } catch (RuntimeException shuttingDown) {
          // the instance is gone: nothing left to unregister from
        }
      }
    }

    /** The client gave up on the cluster: no member answered for its connect timeout. */
    private IllegalStateException clusterLost(Throwable cause) {
      String members;
      synchronized (left) {
        members = String.join(", ", left);
      }
      return new IllegalStateException("lost the cluster: no member could be reached for "
          + ClusterSession.CONNECT_TIMEOUT_MS / 1000 + " s (" + cause.getMessage() + ")"
          + (members.isEmpty() ? "" : "; members that left: " + members) + "; " + done + " of " + tasks.size()
          + " tasks were done; nothing was written", cause);
    }

    private Map<UUID, Member> liveMembers() {
      Map<UUID, Member> live = new LinkedHashMap<>();
      try {
        for (Member m : hz.getCluster().getMembers()) {
          if (!m.isLiteMember() && !gone.contains(m.getUuid())) {
            live.put(m.getUuid(), m);
          }
        }
      } catch (HazelcastInstanceNotActiveException | com.hazelcast.client.HazelcastClientNotActiveException e) {
        throw clusterLost(e);
      }
      return live;
    }

    private int capacity(Member m) {
      if (embedded) {
        return embeddedJobs;
      }
      try {
        return Math.max(1, Integer.parseInt(m.getAttribute(HazelcastSettings.JOBS_ATTRIBUTE)));
      } catch (NumberFormatException | NullPointerException e) {
        return 1;
      }
    }

    private void dispatch(Map<UUID, Member> live) {
      for (Member m : live.values()) {
        Set<Integer> on = running.computeIfAbsent(m.getUuid(), u -> new LinkedHashSet<>());
        while (on.size() < capacity(m) && !queue.isEmpty()) {
          int i = queue.poll();
          on.add(i);
          runningOn[i] = m.getUuid();
          submit(i, m);
        }
      }
    }

    private void submit(int i, Member m) {
      UUID uuid = m.getUuid();
      try {
        executor.submitToMember(tasks.get(i), m, new ExecutionCallback<ArrayList<ReplicationResult>>() {
          @Override
          public void onResponse(ArrayList<ReplicationResult> response) {
            finished(i, uuid, response);
          }

          @Override
          public void onFailure(Throwable t) {
            failed(i, uuid, m, t);
          }
        });
      } catch (RuntimeException e) {
        failed(i, uuid, m, e);
      }
    }

    private synchronized void finished(int i, UUID member, List<ReplicationResult> response) {
      release(i, member);
      lossesInARow.remove(member);
      if (results.get(i) == null) {
        results.set(i, List.copyOf(response));
        done++;
        progress.update(done, tasks.size());
      }
      notifyAll();
    }

    private synchronized void failed(int i, UUID member, Member m, Throwable t) {
      release(i, member);
      Throwable cause = unwrap(t);
      if (cause instanceof com.hazelcast.client.HazelcastClientNotActiveException
          || cause instanceof com.hazelcast.client.HazelcastClientOfflineException) {
        if (failure == null) {
          failure = clusterLost(cause);
        }
      } else if (isMemberLoss(cause)) {
        if (results.get(i) == null && !queue.contains(i) && runningOn[i] == null) {
          queue.addFirst(i);
        }
        // a member that keeps failing this way is treated as gone even if still listed
        if (lossesInARow.merge(member, 1, Integer::sum) >= 3) {
          memberGone(m, "stopped taking tasks (" + cause.getClass().getSimpleName() + ")");
        }
      } else if (i < failedTask) {
        failedTask = i;
        failure = cause;
      }
      notifyAll();
    }

    private void release(int i, UUID member) {
      Set<Integer> on = running.get(member);
      if (on != null) {
        on.remove(i);
      }
      if (member.equals(runningOn[i])) {
        runningOn[i] = null;
      }
    }

    @Override
    public synchronized void memberAdded(MembershipEvent e) {
      notes.accept("cluster member " + address(e.getMember()) + " joined");
      notifyAll();
    }

    @Override
    public synchronized void memberRemoved(MembershipEvent e) {
      if (gone.contains(e.getMember().getUuid())) {
        // its tasks were already re-queued when it kept failing them; now the cluster confirms it
        notes.accept("cluster member " + address(e.getMember()) + " left");
      } else {
        memberGone(e.getMember(), "left");
      }
      notifyAll();
    }

    private void memberGone(Member m, String how) {
      if (!gone.add(m.getUuid())) {
        return;
      }
      int again = 0;
      Set<Integer> on = running.remove(m.getUuid());
      if (on != null) {
        for (int i : on) {
          runningOn[i] = null;
          if (results.get(i) == null && !queue.contains(i)) {
            queue.addFirst(i);
            again++;
          }
        }
      }
      synchronized (left) {
        left.add(address(m));
      }
      notes.accept("cluster member " + address(m) + " " + how + "; " + again
          + (again == 1 ? " task it was running runs" : " tasks it was running run") + " again elsewhere");
    }
  }

  private static String address(Member m) {
    return m.getAddress().getHost() + ":" + m.getAddress().getPort();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof ExecutionException || t instanceof java.util.concurrent.CompletionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** Failures that say where a task ran, not what it did: it runs again elsewhere. */
  static boolean isMemberLoss(Throwable t) {
    return t instanceof MemberLeftException
        || t instanceof TargetNotMemberException
        || t instanceof TargetDisconnectedException
        || t instanceof HazelcastInstanceNotActiveException
        || t instanceof RetryableException
        || t instanceof RejectedExecutionException
        || t instanceof com.hazelcast.core.OperationTimeoutException;
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException re) {
      return re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    return new IllegalStateException(t.getMessage(), t);
  }

  static Collection<String> addresses(Collection<Member> members) {
    return members.stream().map(ClusterExecutor::address).toList();
  }
}
