package io.mlproxy.cli;

import io.mlproxy.engine.RunChecks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench validate FILE...}: makes every check a run makes, without running. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    header = "Check scenario files: every check 'run' makes, without running.",
    description = {
      "Checks scenario files without running them: every check 'run' makes before simulating (values and their bounds, the trace, the break-even time against the feedback window, the estimated work against the limit that --force lifts).",
      "Prints 'OK FILE (estimate)' for each valid file; every error of an invalid file goes to stderr as FILE:LINE:COLUMN: FIELD: MESSAGE. FILE '-' reads standard input.",
      "Exit code: 0 all valid, 1 any invalid, 2 usage error."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML), or - for standard input.")
  List<Path> files;

  @Option(names = "--force", description = "Accept an estimated work above the limit (see README).")
  boolean force;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = SafeWriter.wrap(spec.commandLine().getOut());
    PrintWriter err = SafeWriter.wrap(spec.commandLine().getErr());
    if (files.stream().filter(p -> p.toString().equals("-")).count() > 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "standard input (-) can be given only once");
    }
    RunChecks.WorkLimits limits = force ? RunChecks.WorkLimits.NONE : RunChecks.WorkLimits.DEFAULT;
    RunChecks.Derived[] derived = new RunChecks.Derived[1];
    ScenarioFiles loader = new ScenarioFiles((s, findings) -> derived[0] = RunChecks.derive(s, findings, limits), false);
    boolean allValid = true;
    for (Path file : files) {
      derived[0] = null;
      ScenarioFiles.Loaded l = loader.load(file, err);
      if (l == null) {
        allValid = false;
      } else {
        RunChecks.WorkEstimate w = derived[0] == null ? null : derived[0].work();
        out.println("OK " + l.file() + (w == null ? "" : " (" + w.describe() + ")"));
      }
    }
    out.flush();
    err.flush();
    return allValid ? 0 : Workbench.EXIT_FAILURE;
  }
}
