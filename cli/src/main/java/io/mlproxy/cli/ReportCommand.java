package io.mlproxy.cli;

import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsFolderException;
import io.mlproxy.report.IndexReport;
import io.mlproxy.report.ReportException;
import io.mlproxy.report.ScenarioReport;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code workbench report}: regenerates HTML reports from results already on disk. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    header = "Regenerate HTML reports from results on disk.",
    description = {
      "Regenerates HTML reports from results on disk (nothing is re-simulated).",
      "If RESULTS_DIR holds summary.csv it is one scenario: writes its report.html (or FILE). Otherwise it is a results root: writes every scenario's report.html and the index.html (or FILE), with a benchmarks section when bench/*.json exists.",
      "Exit code: 0 written, 1 bad or missing input, 2 usage error."
    })
public final class ReportCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RESULTS_DIR", description = "a scenario folder or a results root")
  Path resultsDir;

  @Option(names = "--out", paramLabel = "FILE",
      description = "where to write the scenario report (one scenario) or the index (results root)")
  Path out;

  @Option(names = "--wait", description = "When a run holds the results folder, wait for it instead of failing.")
  boolean waitForFolder;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter stdout = SafeWriter.wrap(spec.commandLine().getOut());
    PrintWriter stderr = SafeWriter.wrap(spec.commandLine().getErr());
    if (!Files.isDirectory(resultsDir)) {
      stderr.println("workbench report: " + resultsDir + ": not a directory");
      return Workbench.EXIT_FAILURE;
    }
    boolean oneScenario = Files.isRegularFile(resultsDir.resolve("summary.csv"));
    // writing into a results folder: hold it, so that no run swaps a scenario in meanwhile
    Path root = oneScenario ? resultsDir.toAbsolutePath().getParent() : resultsDir;
    ResultsFolder folder = null;
    try {
      if (!(oneScenario && out != null) && root != null) {
        folder = ResultsFolder.open(root, "workbench report", waitForFolder, stderr::println);
      }
    } catch (ResultsFolderException e) {
      stderr.println("workbench report: " + e.getMessage());
      stderr.flush();
      return Workbench.EXIT_FAILURE;
    }
    try {
      if (oneScenario) {
        Path written = out == null ? ScenarioReport.write(resultsDir)
            : ScenarioReport.write(resultsDir, out);
        stdout.println("wrote " + written);
        return 0;
      }
      if (folder != null) {
        Reports.removeStaleIndexFiles(resultsDir);
      }
      List<Path> scenarios = IndexReport.scenarioDirs(resultsDir);
      for (Path scenario : scenarios) {
        stdout.println("wrote " + ScenarioReport.write(scenario));
      }
      Path index = out == null ? IndexReport.write(resultsDir) : IndexReport.write(resultsDir, out);
      stdout.println("wrote " + index + " (" + scenarios.size() + " scenario"
          + (scenarios.size() == 1 ? "" : "s") + ")");
      return 0;
    } catch (ReportException e) {
      stderr.println("workbench report: " + e.getMessage());
      return Workbench.EXIT_FAILURE;
    } finally {
      if (folder != null) {
        folder.close();
      }
      stdout.flush();
      stderr.flush();
    }
  }
}
