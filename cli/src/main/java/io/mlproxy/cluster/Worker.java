package io.mlproxy.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/** A {@code workbench worker} member: runs the tasks the cluster sends it until it is stopped. */
public final class Worker {

  private Worker() {}

  /**
   * Starts a member and blocks until it shuts down (SIGTERM or Ctrl-C: it hands its data over
   * first).
   *
   * @param bind interface to listen on, or null for all
   * @param join members to join, empty to start a new cluster
   * @param out told what happens: the address, members joining and leaving, each task
   */
  public static void run(String clusterName, int port, String bind, List<String> join, int jobs,
      Consumer<String> out) throws InterruptedException {
    WorkerLog.enable(out);
    HazelcastInstance hz = Hazelcast.newHazelcastInstance(HazelcastSettings.worker(clusterName, port, bind, join, jobs));
    CountDownLatch down = new CountDownLatch(1);
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == LifecycleEvent.LifecycleState.SHUTDOWN) {
        down.countDown();
      }
    });
    hz.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {
        WorkerLog.note("member " + e.getMember().getAddress() + " joined; members: "
            + ClusterExecutor.addresses(e.getMembers()));
      }

      @Override
      public void memberRemoved(MembershipEvent e) {
        WorkerLog.note("member " + e.getMember().getAddress() + " left; members: "
            + ClusterExecutor.addresses(e.getMembers()));
      }
    });
    WorkerLog.note("worker " + hz.getCluster().getLocalMember().getAddress() + " in cluster '" + clusterName
        + "', " + jobs + (jobs == 1 ? " task" : " tasks") + " at a time; members: "
        + ClusterExecutor.addresses(hz.getCluster().getMembers()));
    if (!hz.getLifecycleService().isRunning()) {
      return;
    }
    down.await();
    WorkerLog.note("worker stopped");
  }
}
