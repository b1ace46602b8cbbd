package io.mlproxy.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Writes HTML reports after a run; a report failure is reported but keeps the CSVs. */
final class Reports {

  private Reports() {}

  static void write(Path scenarioFolder, PrintWriter err) {
    // wired to the reports module once it lands
  }

  static void writeIndex(PrintWriter out, PrintWriter err, Path resultsRoot) {
    // wired to the reports module once it lands
  }
}
