package io.mlproxy.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every problem found in one scenario file (or thresholds fragment). The loader throws only this,
 * whatever the input, and only after checking everything it could.
 */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ScenarioError> errors;

  /** Wraps a non-empty list of errors. */
  public ScenarioException(List<ScenarioError> errors) {
    super(describe(errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a ScenarioException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  /** The errors, in file order as found. */
  public List<ScenarioError> errors() {
    return errors;
  }

  private static String describe(List<ScenarioError> errors) {
    String head =
        errors.size() == 1 ? "1 error in scenario file" : errors.size() + " errors in scenario file";
    return errors.stream()
        .map(ScenarioError::toString)
        .collect(Collectors.joining("\n", head + ":\n", ""));
  }
}
