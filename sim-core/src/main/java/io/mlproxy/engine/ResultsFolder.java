package io.mlproxy.engine;

import io.mlproxy.scenario.InputFiles;
import io.mlproxy.scenario.SafeText;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A results folder ({@code --out}) held by one writer at a time. Opening it checks that it can be
 * written and takes an exclusive lock ({@code .workbench.lock} inside it, which names the holder);
 * scenario folders are written under unique hidden staging names and swapped in atomically; only
 * a scenario's own folder (or the hidden leftovers of an earlier, killed run of the same scenario)
 * is ever deleted.
 *
 * <p>The swap exchanges the staging folder with the old results in one {@code renameat2(2)}
 * call ({@code RENAME_EXCHANGE}, Linux 3.15+, through JNA), so the scenario's folder always holds
 * one complete set of results; then the old set, now under the staging name, is deleted. Where
 * the exchange is not available, the old folder is renamed aside, the new one renamed in and the
 * old one deleted; a run killed in between leaves the old results aside, and the next run into the
 * folder puts them back.
 */
public final class ResultsFolder implements AutoCloseable {

  /** The lock file's name inside the results folder. It is never deleted (deleting a lock file races). */
  public static final String LOCK_FILE = ".workbench.lock";

  // One holder per folder in this JVM too: a FileLock is per process, and overlapping ones throw.
  private static final Map<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
  private static final Map<Path, String> HOLDERS = new ConcurrentHashMap<>();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private final Semaphore inProcess;
  private final FileChannel channel;
  private final FileLock lock;
  // staging folders this holder made: never leftovers, whatever their name
  private final java.util.Set<Path> ours = ConcurrentHashMap.newKeySet();
  private boolean closed;

  private ResultsFolder(Path dir, Semaphore inProcess, FileChannel channel, FileLock lock) {
    this.dir = dir;
    this.inProcess = inProcess;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Creates {@code dir} if needed, checks it can be written, and locks it for {@code command}.
   *
   * @param wait when another run holds the folder: wait for it (telling {@code onWait} once) or fail at once
   * @throws ResultsFolderException when the folder cannot be used, with the reason
   */
  public static ResultsFolder open(Path dir, String command, boolean wait, Consumer<String> onWait) {
    if (dir.toString().isEmpty()) {
      throw new ResultsFolderException("the results folder is an empty path (expected a folder such as results)");
    }
    String shown = show(dir);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new ResultsFolderException("cannot use " + shown + " as results folder: it is a file, not a folder");
    }
    if (Files.isSymbolicLink(dir) && !Files.exists(dir)) {
      String why;
      try {
        dir.toRealPath();
        why = "its target is missing";
      } catch (IOException e) {
        why = InputFiles.reason(e);
      }
      throw new ResultsFolderException("cannot use " + shown + " as results folder: it is a symbolic link that"
          + " cannot be followed (" + why + ")");
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new ResultsFolderException("cannot create results folder " + shown + ": " + InputFiles.reason(e)
          + " (expected a folder that can be created and written)");
    }
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      throw new ResultsFolderException("cannot use results folder " + shown + ": " + InputFiles.reason(e));
    }
    Path lockFile = real.resolve(LOCK_FILE);
    // In this JVM first: closing any descriptor of the lock file would drop a POSIX lock this
    // process holds on it, so a second opener in the same JVM must not even open the file.
    Semaphore inProcess = IN_PROCESS.computeIfAbsent(real, k -> new Semaphore(1));
    boolean told = false;
    if (!inProcess.tryAcquire()) {
      String holder = "another run in this process: " + HOLDERS.getOrDefault(real, "(starting)");
      if (!wait) {
        throw held(shown, holder);
      }
      onWait.accept(waiting(shown, holder));
      told = true;
      inProcess.acquireUninterruptibly();
    }
    FileChannel channel = null;
    try {
      try {
        channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
      } catch (IOException | SecurityException e) {
        throw new ResultsFolderException("cannot write in results folder " + shown + ": creating " + LOCK_FILE
            + " there failed: " + InputFiles.reason(e) + " (expected a writable folder)");
      }
      FileLock lock;
      try {
        lock = channel.tryLock();
        if (lock == null) {
          if (!wait) {
            throw held(shown, holder(lockFile));
          }
          if (!told) {
            onWait.accept(waiting(shown, holder(lockFile)));
          }
          lock = channel.lock();
        }
      } catch (IOException e) {
        throw new ResultsFolderException("cannot lock results folder " + shown + ": " + InputFiles.reason(e));
      }
      ResultsFolder folder = new ResultsFolder(real, inProcess, channel, lock);
      String description = folder.writeHolder(command);
      HOLDERS.put(real, description);
      return folder;
    } catch (RuntimeException e) {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException ignored) {
          // the lock error is the one worth reporting
        }
      }
      inProcess.release();
      throw e;
    }
  }

  /** The folder (its real path). */
  public Path dir() {
    return dir;
  }

  /**
   * Checks, before anything is simulated, that {@code name}'s folder may be replaced: it is absent,
   * or a folder of earlier results (it holds run.properties, summary.csv or a sweep's
   * sweep.properties, or nothing).
   *
   * @throws ResultsFolderException naming what is in the way
   */
  public void checkReplaceable(String name) {
    Path target = dir.resolve(name);
    String shown = show(target);
    if (Files.isSymbolicLink(target)) {
      throw new ResultsFolderException(shown + " is a symbolic link, not a results folder; it is left alone"
          + " (move it away or choose another --out)");
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new ResultsFolderException(shown + " exists and is a file, not a results folder; it is left alone"
          + " (move it away or choose another --out)");
    }
    if (!Files.exists(target.resolve("run.properties")) && !Files.exists(target.resolve("summary.csv"))
        && !Files.exists(target.resolve("sweep.properties")) && !isEmpty(target)) {
      throw new ResultsFolderException(shown + " is a folder without workbench results (no run.properties,"
          + " summary.csv or sweep.properties); it is left alone (move it away or choose another --out)");
    }
    // the run will swap its results in with renameat2: load JNA now, off the run's critical path
    RenameExchange.loadInBackground();
  }

  /**
   * A new, empty staging folder for {@code name}, after clearing what killed runs of the same
   * scenario left behind (and putting set-aside results back where the scenario's folder is gone).
   */
  public Path stage(String name) {
    checkReplaceable(name);
    recoverLeftovers(name);
    while (true) {
      Path staging = dir.resolve("." + name + ".writing-" + ProcessHandle.current().pid() + "-"
          + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
      try {
        Files.createDirectory(staging);
        ours.add(staging);
        return staging;
      } catch (FileAlreadyExistsException e) {
        // another name
      } catch (IOException e) {
        throw new ResultsFolderException("cannot create a staging folder in " + show(dir) + ": " + InputFiles.reason(e));
      }
    }
  }

  /**
   * Swaps the finished {@code staging} folder in as {@code name}'s folder, then deletes the
   * previous results. On success nothing is left under a hidden name.
   */
  public Path install(Path staging, String name) {
    Path target = dir.resolve(name);
    checkReplaceable(name);
    try {
      if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        move(staging, target);
        return target;
      }
      if (RenameExchange.exchange(staging, target)) {
        deleteTree(staging); // the previous results, now under the staging name
        return target;
      }
      Path aside = dir.resolve("." + name + ".old-" + ProcessHandle.current().pid() + "-"
          + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE));
      move(target, aside);
      move(staging, target);
      deleteTree(aside);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install results " + show(target) + ": " + InputFiles.reason(e), e);
    }
  }

  /** Deletes a staging folder that will not be installed (the run failed). */
  public void discard(Path staging) {
    try {
      deleteTree(staging);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + show(staging) + ": " + InputFiles.reason(e), e);
    }
  }

  /**
   * Deletes {@code staging} after {@code failure} stopped its writing, if it exists; a failure to
   * delete it is added to {@code failure} (which the caller rethrows) instead of hiding it.
   */
  public void discardAfter(Path staging, Throwable failure) {
    if (Files.exists(staging)) {
      try {
        discard(staging);
      } catch (RuntimeException suppressed) {
        failure.addSuppressed(suppressed);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    HOLDERS.remove(dir);
    try {
      channel.truncate(0);
    } catch (IOException ignored) {
      // only the holder's description; the lock itself is released below
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock of " + show(dir), e);
    } finally {
      inProcess.release();
    }
  }

  private String writeHolder(String command) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "this host";
    }
    String holder = "pid " + ProcessHandle.current().pid() + " on " + host + " (" + command + ") since "
        + Instant.now() + "\n";
    try {
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(holder.getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(false);
    } catch (IOException e) {
      throw new ResultsFolderException("cannot write in results folder " + show(dir) + ": " + InputFiles.reason(e));
    }
    return holder.strip();
  }

  private static ResultsFolderException held(String shown, String holder) {
    return new ResultsFolderException("results folder " + shown + " is in use by " + holder
        + " (wait for it with --wait, or choose another --out)");
  }

  private static String waiting(String shown, String holder) {
    return "waiting for results folder " + shown + ", in use by " + holder;
  }

  /** Who holds the lock, as it wrote itself into the lock file (read only when this process holds no lock on it). */
  static String holder(Path lockFile) {
    try (FileChannel c = FileChannel.open(lockFile, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(1024);
      c.read(b, 0);
      String s = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? "another run (it has not said which yet)" : "another run: " + SafeText.escapeLine(s);
    } catch (IOException e) {
      return "another run";
    }
  }

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** Clears leftovers of killed runs of {@code name}: ours to clear, since we hold the folder. */
  private void recoverLeftovers(String name) {
    Path target = dir.resolve(name);
    String writing = "." + name + ".writing";
    String old = "." + name + ".old";
    List<Path> leftovers = new java.util.ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + name + ".*")) {
      for (Path p : ds) {
        String f = p.getFileName().toString();
        if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !ours.contains(p)
            && (f.equals(writing) || f.equals(old) || leftoverOf(f, writing) || leftoverOf(f, old))) {
          leftovers.add(p);
        }
      }
      leftovers.sort(Comparator.comparing(Path::toString));
      for (Path p : leftovers) {
        boolean setAside = p.getFileName().toString().startsWith(old);
        if (setAside && !Files.exists(target, LinkOption.NOFOLLOW_LINKS)
            && Files.exists(p.resolve("summary.csv"))) {
          move(p, target); // killed between the two renames: the results set aside are the current ones
        } else {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      throw new ResultsFolderException("cannot clear what a killed run left in " + show(dir) + ": "
          + InputFiles.reason(e));
    }
  }

  private static boolean leftoverOf(String file, String prefix) {
    if (!file.startsWith(prefix + "-")) {
      return false;
    }
    String[] parts = file.substring(prefix.length() + 1).split("-");
    return parts.length == 2 && DIGITS.matcher(parts[0]).matches() && parts[1].matches("[0-9a-f]+");
  }

  private static boolean isEmpty(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  /** Deletes a folder and what it holds; links are deleted, never followed. */
  static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static String show(Path p) {
    return SafeText.escapeLine(p.toString());
  }
}
