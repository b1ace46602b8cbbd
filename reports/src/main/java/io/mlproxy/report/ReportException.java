package io.mlproxy.report;

import java.nio.file.Path;

/** Bad or missing input for a report, naming the file, the line (when known) and the reason. */
public final class ReportException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final String reason;

  /**
   * @param file the offending file
   * @param line 1-based line number, or 0 when the problem concerns the file as a whole
   * @param reason what is wrong, in words
   */
  public ReportException(Path file, int line, String reason) {
    this(file, line, reason, null);
  }

  /** As {@link #ReportException(Path, int, String)}, keeping the underlying cause. */
  public ReportException(Path file, int line, String reason, Throwable cause) {
    super(format(file, line, reason), cause);
    this.file = file;
    this.line = line;
    this.reason = reason;
  }

  private static String format(Path file, int line, String reason) {
    return line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason;
  }

  /** The offending file. */
  public Path file() {
    return file;
  }

  /** 1-based line number, or 0 when the whole file is at fault. */
  public int line() {
    return line;
  }

  /** The reason, without file and line. */
  public String reason() {
    return reason;
  }
}
