package io.mlproxy.cli;

import io.mlproxy.cluster.Addresses;
import io.mlproxy.cluster.ClusterSession;
import io.mlproxy.cluster.HazelcastSettings;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --cluster} and {@code --cluster-name} of run, sweep and tune. */
final class ClusterOptions {

  @Option(names = "--cluster", paramLabel = "HOST:PORT,...",
      description = "Run the tasks on the 'workbench worker' members at these addresses (default: in this process, --jobs at a time).")
  String cluster;

  @Option(names = "--cluster-name", paramLabel = "NAME",
      description = "Cluster name of the workers (default: ${DEFAULT-VALUE}).")
  String clusterName = HazelcastSettings.DEFAULT_CLUSTER_NAME;

  /** The addresses, or null for the embedded member; a usage error names a bad one. */
  List<String> addresses(CommandLine cl) {
    if (cluster == null) {
      return null;
    }
    if (clusterName.isBlank()) {
      throw new CommandLine.ParameterException(cl, "--cluster-name is empty");
    }
    try {
      return Addresses.parse(cluster);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--cluster: " + e.getMessage());
    }
  }

  /** Starts the embedded member early (it starts while the command checks its input). */
  void warmUp(CommandLine cl) {
    if (addresses(cl) == null) {
      ClusterSession.warmUp();
    }
  }

  /** Opens where the tasks run; see {@link ClusterSession#open}. */
  ClusterSession open(CommandLine cl, int jobs, Consumer<String> notes) {
    return ClusterSession.open(addresses(cl), clusterName, jobs, notes);
  }
}
