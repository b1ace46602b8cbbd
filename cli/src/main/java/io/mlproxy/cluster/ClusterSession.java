package io.mlproxy.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where a command's tasks run: this process's embedded member (no {@code --cluster}), or the
 * cluster at the {@code --cluster} addresses, reached as a Hazelcast client (which connects out and
 * listens on nothing).
 */
public final class ClusterSession implements AutoCloseable {

  /** How long {@code --cluster} tries to reach a member before it gives up. */
  static final long CONNECT_TIMEOUT_MS = 30_000;

  private final HazelcastInstance hz;
  private final boolean client;
  private final ClusterExecutor executor;
  private final String description;

  private ClusterSession(HazelcastInstance hz, boolean client, ClusterExecutor executor, String description) {
    this.hz = hz;
    this.client = client;
    this.executor = executor;
    this.description = description;
  }

  /** Starts the embedded member in the background, so that it is up when the first task is. */
  public static void warmUp() {
    EmbeddedMember.start();
  }

  /**
   * Opens the session.
   *
   * @param cluster {@code --cluster} addresses, or null for the embedded member
   * @param jobs tasks at a time on the embedded member
   * @param notes told when members join or leave
   * @throws IllegalStateException when the cluster cannot be reached or has no member
   */
  public static ClusterSession open(List<String> cluster, String clusterName, int jobs, Consumer<String> notes) {
    if (cluster == null) {
      HazelcastInstance hz = EmbeddedMember.get();
      return new ClusterSession(hz, false, new ClusterExecutor(hz, true, jobs, notes),
          "embedded member on " + hz.getCluster().getLocalMember().getAddress() + " (loopback only)");
    }
    HazelcastInstance hz;
    try {
      hz = HazelcastClient.newHazelcastClient(HazelcastSettings.client(clusterName, cluster, CONNECT_TIMEOUT_MS));
    } catch (IllegalStateException | com.hazelcast.core.HazelcastException e) {
      throw new IllegalStateException("cannot reach cluster '" + clusterName + "' at " + String.join(",", cluster)
          + " within " + CONNECT_TIMEOUT_MS / 1000 + " s (is a 'workbench worker' with --cluster-name "
          + clusterName + " listening there?): " + e.getMessage(), e);
    }
    int members = hz.getCluster().getMembers().size();
    return new ClusterSession(hz, true, new ClusterExecutor(hz, false, jobs, notes),
        "cluster '" + clusterName + "' (" + members + (members == 1 ? " member: " : " members: ")
            + String.join(", ", ClusterExecutor.addresses(hz.getCluster().getMembers())) + ")");
  }

  /** The executor of this session's tasks. */
  public ClusterExecutor executor() {
    return executor;
  }

  /** Where tasks run, for messages. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (client) {
      hz.shutdown();
    }
  }
}
