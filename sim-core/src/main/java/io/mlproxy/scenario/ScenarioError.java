package io.mlproxy.scenario;

import java.nio.file.Path;

/**
 * One problem in a scenario file: where it is (1-based line and column), which field (a dotted
 * path such as {@code workload.phases[1].mix[0].hot_share}) and what is wrong, including what was
 * expected.
 */
public record ScenarioError(Path file, int line, int column, String field, String message) {

  /** The field name used for problems of the document itself (YAML syntax, unreadable file). */
  public static final String DOCUMENT = "(document)";

  /** {@code file:line:column: field: message}, the form compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + field + ": " + message;
  }
}
