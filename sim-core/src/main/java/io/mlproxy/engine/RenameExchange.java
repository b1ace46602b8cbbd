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

  /** The binding, loaded when first used (a holder class: loading it is what may go in the background). */
  private static final class Binding {
    static final LibC LIBC = load();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean LOADING = new java.util.concurrent.atomic.AtomicBoolean();

  private RenameExchange() {}

  private static LibC load() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return null;
    }
    try {
      // JNA lists the system's library directories when first used, by running `ldconfig -p` (a
      // process of its own, some 30 ms of CPU) unless this property names them; the C library is
      // already loaded in this process, so its symbols are looked up there and no directory is needed
      if (System.getProperty("jna.platform.library.path") == null) {
        System.setProperty("jna.platform.library.path", "");
      }
      LibC c = Native.load(null, LibC.class);
      // resolve the symbol now: an old C library without renameat2 falls back from the start
      com.sun.jna.NativeLibrary.getProcess().getFunction("renameat2");
      return c;
    } catch (LinkageError | RuntimeException e) {
      return null;
    }
  }

  /**
   * Loads the C library's binding on a daemon thread (JNA unpacks and loads its native part, a
   * tenth of a second or more), so that the swap at the end of a run does not wait for it.
   */
  static void loadInBackground() {
    if (!LOADING.compareAndSet(false, true)) {
      return;
    }
    Thread t = new Thread(RenameExchange::available, "load-renameat2");
    t.setDaemon(true);
    t.start();
  }

  /** True when this JVM can exchange paths atomically. */
  static boolean available() {
    return Binding.LIBC != null;
  }

  /**
   * Swaps {@code a} and {@code b} (both must exist); false when the exchange is not supported
   * here, so nothing was changed.
   *
   * @throws java.io.IOException for any other failure, with the system's reason
   */
  static boolean exchange(Path a, Path b) throws java.io.IOException {
    LibC libc = Binding.LIBC;
    if (libc == null) {
      return false;
    }
    try {
      libc.renameat2(AT_FDCWD, a.toAbsolutePath().toString(), AT_FDCWD, b.toAbsolutePath().toString(),
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
