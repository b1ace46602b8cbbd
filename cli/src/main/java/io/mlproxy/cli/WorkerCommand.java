package io.mlproxy.cli;

import io.mlproxy.cluster.Addresses;
import io.mlproxy.cluster.HazelcastSettings;
import io.mlproxy.cluster.Worker;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code workbench worker}: a cluster member that runs the tasks of run, sweep and tune --cluster. */
@Command(
    name = "worker",
    mixinStandardHelpOptions = true,
    header = "Start a cluster member that runs the tasks of run, sweep and tune --cluster.",
    description = {
      "Starts a Hazelcast member that runs replication tasks for 'run', 'sweep' and 'tune' with --cluster, until stopped (Ctrl-C or SIGTERM hand its data to the other members first). It listens on --port of --bind (all interfaces by default) and finds the other members only at the --join addresses (TCP/IP, no multicast). Scenarios and traces arrive with the tasks: no shared file system. Prints one line per task and per member change.",
      "Exit code: 0 stopped, 1 failure (port in use, say), 2 usage error."
    })
public final class WorkerCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "P", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port = HazelcastSettings.DEFAULT_PORT;

  @Option(names = "--join", paramLabel = "HOST:PORT,...", description = "Members to join (default: none: start a cluster).")
  String join;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Interface address to listen on (default: all), e.g. 127.0.0.1.")
  String bind;

  @Option(names = "--jobs", paramLabel = "N", description = "Tasks at a time (default: cores).")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--cluster-name", paramLabel = "NAME", description = "Cluster name; submitters must give the same (default: ${DEFAULT-VALUE}).")
  String clusterName = HazelcastSettings.DEFAULT_CLUSTER_NAME;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (port < 1 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be in 1..65535, got " + port);
    }
    if (jobs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--jobs must be >= 1, got " + jobs);
    }
    if (clusterName.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cluster-name is empty");
    }
    List<String> members;
    try {
      members = join == null ? List.of() : Addresses.parse(join);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--join: " + e.getMessage());
    }
    PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
    try {
      Worker.run(clusterName, port, bind, members, jobs, line -> {
        synchronized (out) {
          out.println(line);
          out.flush();
        }
      });
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Workbench.EXIT_FAILURE;
    } catch (RuntimeException e) {
      PrintWriter err = SafeWriter.wrap(spec.commandLine().getErr());
      err.println("workbench worker: cannot start a member on port " + port
          + (bind == null ? "" : " of " + bind) + ": " + e.getMessage());
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
  }
}
