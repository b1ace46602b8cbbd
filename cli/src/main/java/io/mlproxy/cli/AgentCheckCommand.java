package io.mlproxy.cli;

import io.mlproxy.agent.external.AgentCheck;
import io.mlproxy.scenario.ExternalAgentSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench agent-check -- CMD ARGS...}: a scripted conformance session against an agent. */
@Command(
    name = "agent-check",
    mixinStandardHelpOptions = true,
    header = "Check an external agent process against the agent protocol.",
    description = {
      "Runs a scripted session of the agent protocol (docs/agent-protocol.md) against an agent process: handshake, attach, datasets of 1, 1,000 and 10,000 regions, queued feedback, a dataset that goes stale while it is read, an operator's STOP and START, a re-attach, BYE. Prints each step and each violation with the frame it happened in.",
      "Exit code: 0 the agent conforms, 1 it violated the protocol, 2 usage error."
    })
public final class AgentCheckCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "CMD", description = "The agent's program and arguments (after --).")
  List<String> command;

  @Option(names = "--reply-timeout", paramLabel = "MS",
      description = "Wall-clock milliseconds to wait for each frame (default: ${DEFAULT-VALUE}).")
  long replyTimeoutMs = ExternalAgentSpec.DEFAULT_REPLY_TIMEOUT_MS;

  @Option(names = "--start-timeout", paramLabel = "MS",
      description = "Wall-clock milliseconds to wait for the handshake (default: ${DEFAULT-VALUE}).")
  long startTimeoutMs = ExternalAgentSpec.DEFAULT_START_TIMEOUT_MS;

  @Option(names = "--show-log", description = "Print the agent's stderr after the session.")
  boolean showLog;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (replyTimeoutMs < 1 || startTimeoutMs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "timeouts must be >= 1 ms");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("agent-check: " + String.join(" ", command));
    AgentCheck.Report report = AgentCheck.run(
        new AgentCheck.Options(command, Path.of("").toAbsolutePath(), replyTimeoutMs, startTimeoutMs),
        line -> {
          out.println("  " + line.strip());
          out.flush();
        });
    if (showLog || !report.conforming()) {
      out.println("agent stderr (bounded):");
      report.agentLog().lines().forEach(l -> out.println("  | " + l));
    }
    if (report.conforming()) {
      out.println("conforming: no violation in " + report.steps().size() + " steps");
    } else {
      out.println("NOT conforming: " + report.violations().size() + " violation"
          + (report.violations().size() == 1 ? "" : "s") + ":");
      report.violations().forEach(v -> out.println("  " + v));
    }
    out.flush();
    return report.conforming() ? 0 : Workbench.EXIT_FAILURE;
  }
}
