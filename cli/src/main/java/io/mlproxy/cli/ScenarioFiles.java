package io.mlproxy.cli;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioCheck;
import io.mlproxy.scenario.ScenarioError;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.ThresholdsSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads the scenario files of a command (a path, or {@code -} for standard input), with the run
 * checks, printing every error as {@code file:line:column: field: message}.
 */
final class ScenarioFiles {

  /** A loaded scenario and the exact text it was read from (kept as scenario.yaml). */
  record Loaded(Path file, String text, Scenario scenario) {}

  private final Map<String, Path> names = new HashMap<>();
  private final ScenarioCheck checks;
  private final boolean distinctNames;

  /**
   * @param checks checks made after loading (the run checks)
   * @param distinctNames whether a name given by an earlier file is an error (one run writes one folder per name)
   */
  ScenarioFiles(ScenarioCheck checks, boolean distinctNames) {
    this.checks = checks;
    this.distinctNames = distinctNames;
  }

  /** Loads {@code file}; null after printing its errors to {@code err}. */
  Loaded load(Path file, PrintWriter err) {
    try {
      boolean stdin = file.toString().equals("-");
      String text = stdin ? ScenarioLoader.readText(System.in) : ScenarioLoader.readText(file);
      Path name = stdin ? ScenarioLoader.STDIN : file;
      Scenario s = ScenarioLoader.parse(text, name, (scenario, findings) -> {
        checks.check(scenario, findings);
        Path first = names.get(scenario.name());
        if (distinctNames && first != null) {
          findings.error("name", "'" + scenario.name() + "' is also the name of " + first
              + " (expected distinct names in one run: each names its results folder)");
        }
      });
      names.putIfAbsent(s.name(), name);
      return new Loaded(name, text, s);
    } catch (ScenarioException e) {
      for (ScenarioError error : e.errors()) {
        err.println(error);
      }
      return null;
    }
  }

  /**
   * {@code message} about {@code field} of a loaded scenario as {@code file:line:column: field:
   * message}, the way the checks before a run report it (for what a run found while replaying).
   */
  static String positioned(Loaded l, String field, String message) {
    try {
      ScenarioLoader.parse(l.text(), l.file(), (scenario, findings) -> findings.error(field, message));
    } catch (ScenarioException e) {
      if (!e.errors().isEmpty()) {
        return e.errors().get(0).toString();
      }
    }
    return l.file() + ": " + field + ": " + message;
  }

  /** Loads a thresholds fragment; null after printing its errors. */
  static ThresholdsSpec loadThresholds(Path file, PrintWriter err) {
    try {
      return ScenarioLoader.loadThresholdsFragment(file);
    } catch (ScenarioException e) {
      for (ScenarioError error : e.errors()) {
        err.println(error);
      }
      return null;
    }
  }
}
