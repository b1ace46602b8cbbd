package io.mlproxy.engine;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Path;

/**
 * Linux's {@code renameat2(2)} with {@code RENAME_EXCHANGE}: two paths swap names in one atomic
 * step, so a reader of either name sees the old folder or the new one, never neither. Called
 * through JNA; where it is missing (not Linux, an old kernel or C library, a file system without
 * it) {@link #exchange} returns false and the caller falls back to two renames.
 */
final class RenameExchange {

  private static final int AT_FDCWD = -100;
  private static final int RENAME_EXCHANGE = 2;
  private static final int EINVAL = 22;
  private static final int ENOSYS = 38;
  private static final int EOPNOTSUPP = 95;

  /** The C library's renameat2, declared for JNA. */
  interface LibC extends Library {
    int renameat2(int olddirfd, String oldpath, int newdirfd, String newpath, int flags) throws LastErrorException;
  }

  private static final LibC LIBC = load();

  private RenameExchange() {}

  private static LibC load() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      LibC c = Native.load("c", LibC.class);
      // resolve the symbol now: an old C library without renameat2 falls back from the start
      com.sun.jna.NativeLibrary.getInstance("c").getFunction("renameat2");
      return c;
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** True when this JVM can exchange paths atomically. */
  static boolean available() {
    return LIBC != null;
  }

  /**
   * Swaps {@code a} and {@code b} (both must exist); false when the exchange is not supported
   * here, so nothing was changed.
   *
   * @throws java.io.IOException for any other failure, with the system's reason
   */
  static boolean exchange(Path a, Path b) throws java.io.IOException {
    if (LIBC == null) {
      return false;
    }
    try {
      LIBC.renameat2(AT_FDCWD, a.toAbsolutePath().toString(), AT_FDCWD, b.toAbsolutePath().toString(),
          RENAME_EXCHANGE);
      return true;
    } catch (LastErrorException e) {
      int errno = e.getErrorCode();
      if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
        return false;
      }
      throw new java.io.IOException("renameat2(" + a + ", " + b + ", RENAME_EXCHANGE): errno " + errno
          + " (" + e.getMessage() + ")");
    } catch (LinkageError e) {
      return false;
    }
  }
}
