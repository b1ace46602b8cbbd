package io.mlproxy.cluster;

import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.ExecutorConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import java.util.List;
import java.util.UUID;

/**
 * The one place Hazelcast is configured: explicit TCP/IP join only (no multicast, no
 * auto-detection, no cloud discovery), no phone-home, logging through slf4j (logback at WARN),
 * Jet off. Members run replication tasks on the {@link #EXECUTOR} executor and hold traces in the
 * {@link #TRACES} map.
 */
public final class HazelcastSettings {

  /** Cluster name of workers and of {@code --cluster} unless {@code --cluster-name} says otherwise. */
  public static final String DEFAULT_CLUSTER_NAME = "mlproxy-workbench";

  /** Default port of {@code workbench worker}. */
  public static final int DEFAULT_PORT = 5701;

  /** The executor replication tasks run on. */
  static final String EXECUTOR = "workbench-replications";

  /** Trace chunks by content hash: sent once per run, fetched once per member. */
  static final String TRACES = "workbench-traces";

  /** Member attribute: how many tasks the member runs at a time (its --jobs). */
  static final String JOBS_ATTRIBUTE = "workbench.jobs";

  // the member runs at most this many tasks at once; the submitter keeps each member's own
  // --jobs in flight, so this only has to be large enough
  private static final int POOL_SIZE = 512;

  private HazelcastSettings() {}

  static {
    // Hazelcast reads its logging type before any configuration is built
    if (System.getProperty("hazelcast.logging.type") == null) {
      System.setProperty("hazelcast.logging.type", "slf4j");
    }
  }

  /**
   * The in-process member of a command run without {@code --cluster}: alone (join off), on an
   * ephemeral port of the loopback interface (Hazelcast members always listen), under a random
   * cluster name, so that nothing else can join it.
   */
  static Config embedded(int jobs) {
    Config c = common("workbench-embedded-" + UUID.randomUUID(), jobs);
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(0).setPortAutoIncrement(false);
    n.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
    c.setProperty("hazelcast.socket.bind.any", "false");
    n.getJoin().getTcpIpConfig().setEnabled(false);
    // no hook of its own: on Ctrl-C, tune lets the running evaluation finish on this member
    // before the JVM ends (the member ends with the JVM either way)
    c.setProperty("hazelcast.shutdownhook.enabled", "false");
    return c;
  }

  /**
   * A {@code workbench worker} member.
   *
   * @param bind the interface to listen on, or null for all interfaces
   * @param join members to join (host:port), empty to start a cluster
   */
  static Config worker(String clusterName, int port, String bind, List<String> join, int jobs) {
    Config c = common(clusterName, jobs);
    NetworkConfig n = c.getNetworkConfig();
    n.setPort(port).setPortAutoIncrement(false);
    if (bind != null) {
      n.getInterfaces().setEnabled(true).addInterface(bind);
      c.setProperty("hazelcast.socket.bind.any", "false");
    }
    JoinConfig j = n.getJoin();
    j.getTcpIpConfig().setEnabled(true).setMembers(join);
    // a worker stopped with SIGTERM hands its partitions (trace chunks) over before it goes
    c.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    return c;
  }

  private static Config common(String clusterName, int jobs) {
    Config c = new Config();
    c.setClusterName(clusterName);
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.health.monitoring.level", "OFF");
    // a member that stops answering (frozen, or its machine gone) is dropped after 20 s, not 60
    c.setProperty("hazelcast.max.no.heartbeat.seconds", "20");
    c.getJetConfig().setEnabled(false);
    JoinConfig j = c.getNetworkConfig().getJoin();
    j.getMulticastConfig().setEnabled(false);
    j.getAutoDetectionConfig().setEnabled(false);
    j.getAwsConfig().setEnabled(false);
    j.getGcpConfig().setEnabled(false);
    j.getAzureConfig().setEnabled(false);
    j.getKubernetesConfig().setEnabled(false);
    j.getEurekaConfig().setEnabled(false);
    c.getMemberAttributeConfig().setAttribute(JOBS_ATTRIBUTE, Integer.toString(jobs));
    c.addExecutorConfig(new ExecutorConfig(EXECUTOR).setPoolSize(POOL_SIZE).setQueueCapacity(0)
        .setStatisticsEnabled(false));
    c.addMapConfig(new MapConfig(TRACES).setBackupCount(1).setStatisticsEnabled(false));
    return c;
  }

  /** A client of the cluster at {@code addresses} (host:port): it opens connections, it does not listen. */
  static ClientConfig client(String clusterName, List<String> addresses, long connectTimeoutMs) {
    ClientConfig c = new ClientConfig();
    c.setClusterName(clusterName);
    c.setInstanceName("workbench-submitter-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID());
    c.setProperty("hazelcast.logging.type", "slf4j");
    c.setProperty("hazelcast.client.statistics.enabled", "false");
    // as for the embedded member: Ctrl-C lets tune finish its running evaluation first
    c.setProperty("hazelcast.client.shutdownhook.enabled", "false");
    c.setProperty("hazelcast.phone.home.enabled", "false");
    c.getNetworkConfig().setAddresses(addresses).setSmartRouting(true);
    c.getNetworkConfig().getAutoDetectionConfig().setEnabled(false);
    c.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(connectTimeoutMs);
    return c;
  }
}
