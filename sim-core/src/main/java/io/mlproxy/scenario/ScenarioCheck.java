package io.mlproxy.scenario;

/**
 * A check of a whole scenario that needs more than the file: the engine's arithmetic (the
 * break-even time against the feedback window), a trace's contents, the work a run would take.
 * {@link ScenarioLoader} runs it after its own checks and reports its findings like its own, as
 * {@code file:line:column: field: message}, pointing at the field (or, for a default, at the
 * section that would hold it).
 */
@FunctionalInterface
public interface ScenarioCheck {

  /** Checks nothing. */
  ScenarioCheck NONE = (scenario, findings) -> { };

  /** Checks {@code scenario}, reporting each problem to {@code findings}. */
  void check(Scenario scenario, Findings findings);

  /** Where a check reports what it found. */
  interface Findings {
    /**
     * Reports a problem of {@code field}, a dotted path as in error messages (e.g.
     * {@code proxy.feedback_window}, {@code workload.trace.path}).
     */
    void error(String field, String message);
  }
}
