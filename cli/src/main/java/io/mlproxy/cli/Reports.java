package io.mlproxy.cli;

import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.engine.RunProfile;
import io.mlproxy.report.AtomicFiles;
import io.mlproxy.report.IndexReport;
import io.mlproxy.report.ReportException;
import io.mlproxy.report.ScenarioReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the HTML reports of a run. The CSVs are the results; a report that cannot be drawn is
 * reported as an error but never removes them.
 */
final class Reports {

  private Reports() {}

  /**
   * A run's reports, made while the scenario's folder is still staged: its report.html inside it,
   * and the results folder's index.html as it will be after the swap, installed right after it.
   * A run killed between the swap and the index install leaves the index one scenario behind,
   * which the next run (or {@code workbench report}) rewrites.
   */
  static final class Staged implements ResultsWriter.Finishing {
    private final Path resultsDir;
    private final String name;
    private final PrintWriter err;
    private final RunProfile profile;
    private Path preparedIndex;
    private boolean reported;
    private boolean indexed;

    Staged(Path resultsDir, String name, PrintWriter err) {
      this(resultsDir, name, err, RunProfile.NONE);
    }

    Staged(Path resultsDir, String name, PrintWriter err, RunProfile profile) {
      this.resultsDir = resultsDir;
      this.name = name;
      this.err = err;
      this.profile = profile;
    }

    @Override
    public void beforeInstall(Path staging) {
      long start = System.nanoTime();
      try {
        ScenarioReport.writeForRun(staging, staging.resolve("report.html"), name, profile);
        reported = true;
      } catch (ReportException | UncheckedIOException e) {
        err.println("workbench: report for " + resultsDir.resolve(name) + " failed: " + e.getMessage());
      }
      long index = System.nanoTime();
      profile.addStep(ScenarioReport.PROFILE_STEP, index - start);
      try {
        removeStaleIndexFiles(resultsDir);
        preparedIndex = IndexReport.prepare(resultsDir, resultsDir.resolve("index.html"), name, staging);
      } catch (ReportException | UncheckedIOException e) {
        err.println("workbench: index of " + resultsDir + " failed: " + e.getMessage());
      }
      profile.addStep("index.html", System.nanoTime() - index);
    }

    @Override
    public void afterInstall(Path folder) {
      if (preparedIndex == null) {
        return;
      }
      try {
        AtomicFiles.install(preparedIndex, resultsDir.resolve("index.html"));
        indexed = true;
      } catch (ReportException e) {
        err.println("workbench: index of " + resultsDir + " failed: " + e.getMessage());
      }
    }

    boolean reported() {
      return reported;
    }

    boolean indexed() {
      return indexed;
    }
  }

  /**
   * Removes index files a killed writer left half-made ({@code .index.html.<pid>.<n>.tmp}): only
   * the holder of the results folder's lock writes the index, so any such file is stale.
   */
  static void removeStaleIndexFiles(Path resultsDir) {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(resultsDir, ".index.html.*.tmp")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear stale index files in " + resultsDir + ": " + e.getMessage(), e);
    }
  }
}
