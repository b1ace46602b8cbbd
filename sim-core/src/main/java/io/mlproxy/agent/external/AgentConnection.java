package io.mlproxy.agent.external;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One running agent process and its pipes: frames to its stdin, frames from its stdout (read by a
 * thread of its own so that every wait has a wall-clock timeout), stderr pumped into a
 * {@link BoundedLog}. Reads are bounded: a length field above the limit is refused before anything
 * is allocated. Writes are guarded by a watchdog that kills the process when one blocks too long.
 */
public final class AgentConnection {

  private static final Object EOF = new Object();
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "agent-watchdog");
    t.setDaemon(true);
    return t;
  });

  private final Process process;
  private final OutputStream stdin;
  private final int maxFrameBytes;
  private final BlockingQueue<Object> inbox = new ArrayBlockingQueue<>(2);
  private final Thread reader;
  private final Thread stderrPump;
  private volatile boolean timedOut;
  private ConnectionFault terminal;
  private long framesReceived;
  private long framesSent;

  private AgentConnection(Process process, int maxFrameBytes, BoundedLog log) {
    this.process = process;
    this.stdin = new BufferedOutputStream(process.getOutputStream(), 1 << 16);
    this.maxFrameBytes = maxFrameBytes;
    long pid = process.pid();
    this.reader = new Thread(this::readFrames, "agent-stdout-" + pid);
    this.stderrPump = new Thread(() -> pump(process.getErrorStream(), log), "agent-stderr-" + pid);
    reader.setDaemon(true);
    stderrPump.setDaemon(true);
    reader.start();
    stderrPump.start();
  }

  /**
   * Starts {@code command} in {@code dir} with {@code env} added to this process's environment.
   *
   * @throws ConnectionFault of kind START_FAILED when the program cannot be executed
   */
  public static AgentConnection start(
      List<String> command, Path dir, Map<String, String> env, int maxFrameBytes, BoundedLog log)
      throws ConnectionFault {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException | SecurityException e) {
      throw new ConnectionFault(ConnectionFault.Kind.START_FAILED, "cannot start " + command.get(0) + ": "
          + e.getMessage());
    }
    ChildProcesses.register(p);
    return new AgentConnection(p, maxFrameBytes, log);
  }

  /** The process id. */
  public long pid() {
    return process.pid();
  }

  /** Frames read from the agent so far. */
  public long framesReceived() {
    return framesReceived;
  }

  /** Frames sent to the agent so far. */
  public long framesSent() {
    return framesSent;
  }

  /** Sends one complete frame ({@code len} bytes of {@code frame}); gives up after {@code timeoutMs}. */
  public void send(byte[] frame, int len, long timeoutMs) throws ConnectionFault {
    if (terminal != null) {
      throw terminal;
    }
    ScheduledFuture<?> guard = WATCHDOG.schedule(() -> {
      timedOut = true;
      ChildProcesses.killTree(process);
    }, timeoutMs, TimeUnit.MILLISECONDS);
    try {
      stdin.write(frame, 0, len);
      stdin.flush();
      framesSent++;
    } catch (IOException e) {
      throw fail(timedOut
          ? new ConnectionFault(ConnectionFault.Kind.TIMEOUT, "a write of " + len + " bytes to the agent's stdin"
              + " did not complete within " + timeoutMs + " ms")
          : new ConnectionFault(ConnectionFault.Kind.EXITED, "the agent's stdin is closed (" + e.getMessage()
              + ")" + exitStatus()));
    } finally {
      guard.cancel(false);
    }
  }

  /** The next frame from the agent, waiting at most {@code timeoutMs} of wall-clock time. */
  public Frame receive(long timeoutMs) throws ConnectionFault {
    Frame f = poll(timeoutMs);
    if (f == null) {
      throw fail(new ConnectionFault(ConnectionFault.Kind.TIMEOUT, "no frame from the agent within "
          + timeoutMs + " ms (reply timeout)"));
    }
    return f;
  }

  /** The next frame, or null when none came within {@code timeoutMs} (the session stays usable). */
  public Frame poll(long timeoutMs) throws ConnectionFault {
    if (terminal != null) {
      throw terminal;
    }
    Object o;
    try {
      o = inbox.poll(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw fail(new ConnectionFault(ConnectionFault.Kind.TIMEOUT, "interrupted while waiting for the agent"));
    }
    if (o == null) {
      return null;
    }
    if (o instanceof Frame f) {
      framesReceived++;
      return f;
    }
    if (o == EOF) {
      throw fail(new ConnectionFault(ConnectionFault.Kind.EXITED, "the agent closed its stdout" + exitStatus()));
    }
    throw fail((ConnectionFault) o);
  }

  /** Kills the process tree at once. */
  public void kill() {
    ChildProcesses.killTree(process);
    reap(2_000);
  }

  /**
   * Ends the session politely: BYE, stdin closed, up to {@code graceMs} for the process to exit,
   * then the process tree is killed. Returns true when it exited by itself.
   */
  public boolean close(long graceMs) {
    boolean byItself = false;
    if (terminal == null && process.isAlive()) {
      try {
        FrameBuffer bye = new FrameBuffer().begin(AgentProtocol.BYE);
        send(bye.array(), bye.finish(), graceMs);
      } catch (ConnectionFault ignored) {
        // it is gone or not listening: killed below
      }
    }
    try {
      stdin.close();
    } catch (IOException ignored) {
      // the pipe is already broken
    }
    try {
      byItself = process.waitFor(graceMs, TimeUnit.MILLISECONDS) && !timedOut;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChildProcesses.killTree(process);
    reap(2_000);
    return byItself;
  }

  /** The exit status once the process has ended, as text for messages. */
  public String exitStatus() {
    try {
      if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
        int code = process.exitValue();
        return code > 128 && code < 160 ? " (killed by signal " + (code - 128) + ")" : " (exit status " + code + ")";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return " (still running)";
  }

  private ConnectionFault fail(ConnectionFault f) {
    terminal = f;
    return f;
  }

  private void reap(long waitMs) {
    try {
      process.waitFor(waitMs, TimeUnit.MILLISECONDS);
      // a reader blocked on a full inbox gives up when interrupted; one in read() sees the pipe close
      reader.interrupt();
      reader.join(waitMs);
      // what the agent wrote to stderr before it ended must be in the log before anyone reads it;
      // the pipe closes once the process tree is gone, so this wait is short unless a descendant
      // escaped the kill with the pipe open
      stderrPump.join(waitMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    ChildProcesses.unregister(process);
  }

  private void readFrames() {
    try {
      readFramesUntilEnd();
    } catch (InterruptedException e) {
      // closed while the inbox was full: nobody reads any more
    }
  }

  private void readFramesUntilEnd() throws InterruptedException {
    try (InputStream in = new BufferedInputStream(process.getInputStream(), 1 << 16)) {
      while (true) {
        Object next = readFrame(in, maxFrameBytes);
        post(next == null ? EOF : next);
        if (!(next instanceof Frame)) {
          return;
        }
      }
    } catch (IOException e) {
      post(EOF);
    }
  }

  /**
   * Reads one frame: a {@link Frame}, null at a clean end of the stream (between frames), or a
   * {@link ConnectionFault} of kind BROKEN_FRAME when the bytes are not a frame. A length field
   * outside 1..{@code maxFrameBytes} is refused before anything else is read or allocated.
   */
  static Object readFrame(InputStream in, int maxFrameBytes) throws IOException {
    byte[] lengthField = new byte[4];
    int got = readUpTo(in, lengthField, 4);
    if (got == 0) {
      return null;
    }
    if (got < 4) {
      return broken("the agent's stdout closed inside a frame's length field (" + got + " of 4 bytes)");
    }
    long length = (lengthField[0] & 0xFFL) | (lengthField[1] & 0xFFL) << 8 | (lengthField[2] & 0xFFL) << 16
        | (lengthField[3] & 0xFFL) << 24;
    if (length < 1 || length > maxFrameBytes) {
      return broken("frame length " + length + " outside 1.." + maxFrameBytes + " (length field "
          + hex(lengthField) + "; is the agent printing to stdout?)");
    }
    byte[] raw = new byte[(int) length];
    int n = readUpTo(in, raw, raw.length);
    if (n < raw.length) {
      return broken("the agent's stdout closed inside a " + AgentProtocol.typeName(n > 0 ? raw[0] & 0xFF : -1)
          + " frame after " + n + " of " + length + " bytes");
    }
    return new Frame(raw);
  }

  private void post(Object o) throws InterruptedException {
    inbox.put(o);
  }

  private static ConnectionFault broken(String message) {
    return new ConnectionFault(ConnectionFault.Kind.BROKEN_FRAME, message);
  }

  private static int readUpTo(InputStream in, byte[] b, int len) throws IOException {
    int n = 0;
    while (n < len) {
      int r = in.read(b, n, len - n);
      if (r < 0) {
        break;
      }
      n += r;
    }
    return n;
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x & 0xFF));
    }
    return sb.toString();
  }

  private static void pump(InputStream err, BoundedLog log) {
    byte[] buf = new byte[8192];
    try (err) {
      for (int n; (n = err.read(buf)) > 0; ) {
        log.append(buf, 0, n);
      }
    } catch (IOException e) {
      // the process is gone
    }
  }
}
