package io.mlproxy.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/** Writes a file so that readers see either the old content or the new, never half of it. */
public final class AtomicFiles {

  private static final AtomicLong COUNTER = new AtomicLong();

  private AtomicFiles() {}

  /**
   * Writes {@code content} to a temporary file beside {@code target} and returns it, for {@link
   * #install} to move in later: a run prepares the index before swapping a scenario in and
   * installs it right after.
   */
  public static Path prepare(Path target, String content) {
    Path abs = target.toAbsolutePath();
    Path tmp = abs.getParent().resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
        + COUNTER.incrementAndGet() + ".tmp");
    try {
      Files.createDirectories(abs.getParent());
      Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return tmp;
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the write already failed
      }
      throw new ReportException(abs, 0, "cannot write: " + e.getMessage(), e);
    }
  }

  /** Moves a file from {@link #prepare} over {@code target} in one step. */
  public static Path install(Path prepared, Path target) {
    Path abs = target.toAbsolutePath();
    try {
      try {
        Files.move(prepared, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(prepared, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      return abs;
    } catch (IOException e) {
      throw new ReportException(abs, 0, "cannot write: " + e.getMessage(), e);
    }
  }

  /** Writes {@code content} (UTF-8) to a temporary file beside {@code target}, then moves it. */
  public static Path writeString(Path target, String content) {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = null;
    try {
      Files.createDirectories(dir);
      // Not Files.createTempFile: its owner-only permissions would stay on the report.
      tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
          + COUNTER.incrementAndGet() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return abs;
    } catch (IOException e) {
      throw new ReportException(abs, 0, "cannot write: " + e.getMessage(), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // The write already failed; that error is the one worth reporting.
        }
      }
    }
  }
}
