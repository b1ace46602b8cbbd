package io.mlproxy.report;

/** Malformed JSON text, with the 1-based line and column where parsing stopped. */
public final class JsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String reason;

  /** A parse error at {@code line}:{@code column}. */
  public JsonException(int line, int column, String reason) {
    super("line " + line + ", column " + column + ": " + reason);
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  /** What is wrong, without the position. */
  public String reason() {
    return reason;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /** 1-based column. */
  public int column() {
    return column;
  }
}
