package io.mlproxy.engine;

/**
 * A problem of the scenario that the run found while replaying (a trace is checked as it is read,
 * not read ahead): it names the field, like the checks made before the run, so the command can
 * report it as {@code file:line:column: field: message}.
 */
public final class RunCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A problem of {@code field} (a dotted path such as {@code memory.pages}). */
  public RunCheckException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field the problem belongs to. */
  public String field() {
    return field;
  }
}
