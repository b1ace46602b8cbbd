package io.mlproxy.cli;

import io.mlproxy.scenario.ScenarioError;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code workbench validate FILE...}: checks scenario files completely without running them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Checks scenario files without running them.",
      "Prints 'OK FILE' for each valid file; every error of an invalid file goes to",
      "stderr as FILE:LINE:COLUMN: FIELD: MESSAGE.",
      "Exit code: 0 all valid, 1 any invalid, 2 usage error."
    })
public final class ValidateCommand implements Callable<Integer> {

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Scenario files (YAML).")
  List<Path> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean allValid = true;
    for (Path file : files) {
      try {
        ScenarioLoader.load(file);
        out.println("OK " + file);
      } catch (ScenarioException e) {
        allValid = false;
        for (ScenarioError error : e.errors()) {
          err.println(error);
        }
      }
    }
    out.flush();
    err.flush();
    return allValid ? 0 : Workbench.EXIT_FAILURE;
  }
}
