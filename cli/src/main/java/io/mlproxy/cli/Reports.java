package io.mlproxy.cli;

import io.mlproxy.report.IndexReport;
import io.mlproxy.report.ReportException;
import io.mlproxy.report.ScenarioReport;
import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Writes the HTML reports after a run. The CSVs are the results; a report that cannot be drawn is
 * reported as an error but never removes them.
 */
final class Reports {

  private Reports() {}

  /** Writes {@code <scenario>/report.html}; returns false (after saying why) when it failed. */
  static boolean write(Path scenarioFolder, PrintWriter err) {
    try {
      ScenarioReport.write(scenarioFolder);
      return true;
    } catch (ReportException | java.io.UncheckedIOException e) {
      err.println("workbench: report for " + scenarioFolder + " failed: " + e.getMessage());
      return false;
    }
  }

  /** Writes {@code <out>/index.html} over every scenario in the results folder. */
  static boolean writeIndex(PrintWriter err, Path resultsRoot) {
    try {
      IndexReport.write(resultsRoot);
      return true;
    } catch (ReportException | java.io.UncheckedIOException e) {
      err.println("workbench: index of " + resultsRoot + " failed: " + e.getMessage());
      return false;
    }
  }
}
