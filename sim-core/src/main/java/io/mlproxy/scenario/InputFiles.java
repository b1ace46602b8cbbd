package io.mlproxy.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Input files are read only when they are regular files, and only up to a bound: a FIFO would
 * block the open forever, and {@code /dev/zero} or {@code /dev/urandom} never end.
 */
public final class InputFiles {

  private InputFiles() {}

  /** Why {@code file} cannot be read as an input file, or null when it is a regular file (links followed). */
  public static String notRegular(Path file) {
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return reason(e);
    }
    if (a.isRegularFile()) {
      return null;
    }
    if (a.isDirectory()) {
      return "is a directory (expected a regular file)";
    }
    if (a.isOther()) {
      return "is a FIFO, socket or device, not a regular file (such input could block or never end)";
    }
    return "is not a regular file";
  }

  /**
   * Reads at most {@code maxBytes} from {@code in}; returns null when there are more, so that
   * the caller can say the input is too large without having read it all.
   */
  public static byte[] readBounded(InputStream in, int maxBytes) throws IOException {
    byte[] bytes = in.readNBytes(maxBytes + 1);
    return bytes.length > maxBytes ? null : bytes;
  }

  /** A short reason for an I/O failure, without a stack trace: "no such file", "permission denied", ... */
  public static String reason(Exception e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.NotDirectoryException) {
      return "a folder on the path is a file";
    }
    if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return "it already exists";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(java.util.Locale.ROOT);
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
