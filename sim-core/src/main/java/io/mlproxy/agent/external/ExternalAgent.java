package io.mlproxy.agent.external;

import io.mlproxy.agent.AgentFailure;
import io.mlproxy.agent.UserAgent;
import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.ProxyConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * An outside process as the user-space agent, in lockstep with simulated time
 * (docs/agent-protocol.md). It sits where the built-in {@link io.mlproxy.agent.AgentProcess} sits:
 * the engine's driver calls the same steps, so injected faults act on it alike, and it reaches the
 * proxy only through the {@link ControlInterface} and the {@link DataChannel}.
 *
 * <p>A wake-up: {@link #readDataset} sends WAKE and serves the agent's requests at the wake-up
 * time until its dataset transfer ends (the first request after dataset bytes were read that is not
 * another dataset read); the transfer costs {@code read_cost_per_kib}. {@link #train} serves the
 * rest at the later time, up to DONE, whose declared compute time (or measured wall time × factor)
 * it returns. What the agent wrote is {@link #recommendation()}, written to the channel when due.
 *
 * <p>A process that exits, misses the reply timeout or breaks the framing is killed (its whole
 * tree) and reported as an {@link AgentFailure}; a later {@link #attach()} starts a new one.
 */
public final class ExternalAgent implements UserAgent {

  /** Wall-clock time a process gets to exit after BYE before it is killed. */
  static final long CLOSE_GRACE_MS = 2_000;
  /** A wake-up may last this many reply timeouts of wall-clock time in all, however busy the agent is. */
  static final int WAKE_BUDGET_TIMEOUTS = 10;

  /**
   * How to run the process and what to tell it.
   *
   * @param helloInfo extra "key value" lines for the handshake (simulation settings, model hints)
   */
  public record Settings(
      List<String> command,
      Path workingDirectory,
      Map<String, String> environment,
      double wallTimeFactor,
      long replyTimeoutMs,
      long startTimeoutMs,
      long restartDelayUs,
      int maxRestarts,
      int logLimitBytes,
      long readCostPerKibNs,
      Map<String, String> helloInfo) {

    public Settings {
      command = List.copyOf(command);
      environment = Map.copyOf(environment);
      helloInfo = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(helloInfo));
      if (command.isEmpty()) {
        throw new IllegalArgumentException("an external agent needs a command");
      }
    }
  }

  private final Settings settings;
  private final ControlInterface control;
  private final DataChannel channel;
  private final ProxyConfig config;
  private final LongSupplier nowUs;
  private final int maxFrameBytes;
  private final BoundedLog log;
  private final ExternalAgentStats stats = new ExternalAgentStats();
  private final RequestServer server;
  private final FrameBuffer out = new FrameBuffer();

  private AgentConnection conn;
  private int incarnation = -1;
  private int restartsUsed;
  private boolean closed;

  // the wake-up in progress
  private boolean inWake;
  private Frame held;
  private boolean doneEarly;
  private long declaredNs;
  private long wallNs;
  private long sentAtNanos;
  private long wakeStartNanos;
  private long extraDatasetBytes;
  private byte[] message;

  public ExternalAgent(
      Settings settings, ControlInterface control, DataChannel channel, ProxyConfig config, LongSupplier nowUs) {
    this.settings = settings;
    this.control = control;
    this.channel = channel;
    this.config = config;
    this.nowUs = nowUs;
    this.maxFrameBytes = AgentProtocol.maxFrameBytes(config.recommendationBufferBytes());
    this.log = new BoundedLog(settings.logLimitBytes());
    this.server = new RequestServer(control, channel, maxFrameBytes, config.recommendationBufferBytes());
  }

  @Override
  public void attach() {
    if (closed) {
      throw new IllegalStateException("the agent was closed");
    }
    if (conn == null) {
      spawn();
    }
    beginWake(AgentProtocol.WAKE_ATTACH);
    server.allowWrites(false);
    try {
      Frame f;
      while ((f = receive()).type() != AgentProtocol.DONE) {
        serve(f);
      }
      finishWake(f);
    } finally {
      server.allowWrites(true);
    }
  }

  @Override
  public long readDataset() {
    if (conn == null) {
      throw new AgentFailure("no agent process is running", -1);
    }
    beginWake(AgentProtocol.WAKE_CYCLE);
    long transferred = 0;
    while (true) {
      Frame f = receive();
      if (f.type() == AgentProtocol.DONE) {
        finishWake(f);
        doneEarly = true;
        break;
      }
      if (transferred > 0 && f.type() != AgentProtocol.READ_DATASET) {
        held = f; // served when the transfer is over, at the time train() runs
        break;
      }
      serve(f);
      if (f.type() == AgentProtocol.READ_DATASET) {
        transferred += server.lastDatasetBytes();
      }
    }
    stats.datasetBytesRead += transferred;
    return ceilKib(transferred) * settings.readCostPerKibNs();
  }

  @Override
  public long train() {
    if (!doneEarly) {
      if (conn == null) {
        throw new AgentFailure("no agent process is running", -1);
      }
      Frame f = held;
      held = null;
      while (true) {
        if (f == null) {
          f = receive();
        }
        if (f.type() == AgentProtocol.DONE) {
          finishWake(f);
          break;
        }
        serve(f);
        if (f.type() == AgentProtocol.READ_DATASET) {
          extraDatasetBytes += server.lastDatasetBytes();
        }
        f = null;
      }
    }
    doneEarly = false;
    stats.datasetBytesRead += extraDatasetBytes;
    long compute = settings.wallTimeFactor() > 0 ? Math.round(wallNs * settings.wallTimeFactor()) : declaredNs;
    return compute + ceilKib(extraDatasetBytes) * settings.readCostPerKibNs();
  }

  @Override
  public byte[] recommendation() {
    byte[] m = message;
    message = null;
    if (m != null) {
      stats.messagesWritten++;
    }
    return m;
  }

  @Override
  public void write(byte[] bytes) {
    channel.writeRecommendation(bytes, 0, bytes.length);
  }

  @Override
  public void kill() {
    if (conn != null) {
      log.note(nowUs.getAsLong(), "injected crash: killing incarnation " + incarnation);
      endProcess(() -> stats.processesKilledByFault++);
      conn.kill();
      conn = null;
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (conn != null) {
      endProcess(() -> { });
      boolean byItself = conn.close(CLOSE_GRACE_MS);
      stats.processesEndedAtClose++;
      if (!byItself) {
        stats.processesKilledAtClose++;
        log.note(nowUs.getAsLong(), "the run is over; incarnation " + incarnation + " did not exit within "
            + CLOSE_GRACE_MS + " ms of BYE and was killed");
      }
      conn = null;
    }
    StringBuilder sb = new StringBuilder("end of run; counters:");
    stats.asMap().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    log.note(nowUs.getAsLong(), sb.toString());
  }

  /** The counters (final once {@link #close()} ran). */
  public Map<String, Long> counters() {
    return stats.asMap();
  }

  /** agent.log: the processes' stderr and the workbench's notes, bounded. */
  public BoundedLog log() {
    return log;
  }

  // ------------------------------------------------------------------ process

  private void spawn() {
    incarnation++;
    Map<String, String> env = new LinkedHashMap<>(settings.environment());
    env.put("MLPROXY_AGENT_INCARNATION", Integer.toString(incarnation));
    try {
      conn = AgentConnection.start(settings.command(), settings.workingDirectory(), env, maxFrameBytes, log);
    } catch (ConnectionFault f) {
      stats.processesFailedToStart++;
      throw failure(f, "incarnation " + incarnation);
    }
    stats.processesStarted++;
    log.note(nowUs.getAsLong(), "started incarnation " + incarnation + " (pid " + conn.pid() + "): "
        + String.join(" ", settings.command()));
    out.begin(AgentProtocol.HELLO).u16(AgentProtocol.VERSION)
        .text(Handshake.text(config, maxFrameBytes, settings.replyTimeoutMs(), incarnation, settings.helloInfo()));
    send(settings.startTimeoutMs());
    Frame reply = receive(settings.startTimeoutMs());
    if (reply.type() != AgentProtocol.AGENT_HELLO || reply.bodyLength() < 2) {
      throw broke("handshake: expected AGENT_HELLO with a u16 version, got " + reply);
    }
    if (reply.u16(0) != AgentProtocol.VERSION) {
      throw broke("handshake: the agent speaks protocol version " + reply.u16(0) + ", this workbench "
          + AgentProtocol.VERSION);
    }
    String name = reply.text(2);
    log.note(nowUs.getAsLong(), "handshake done: agent '" + (name == null ? "?" : name.strip()) + "', protocol "
        + AgentProtocol.VERSION);
  }

  // ------------------------------------------------------------------ wake-ups

  private void beginWake(int reason) {
    inWake = true;
    held = null;
    doneEarly = false;
    declaredNs = 0;
    wallNs = 0;
    extraDatasetBytes = 0;
    message = null;
    server.takePending();
    stats.wakeups++;
    wakeStartNanos = System.nanoTime();
    out.begin(AgentProtocol.WAKE).i64(nowUs.getAsLong()).u8(reason);
    send(settings.replyTimeoutMs());
  }

  private void finishWake(Frame done) {
    if (done.bodyLength() != 8 || done.i64(0) < 0) {
      throw broke("DONE must carry one non-negative i64 (compute time in ns), got " + done.bodyLength()
          + " body bytes" + (done.bodyLength() == 8 ? " = " + done.i64(0) : ""));
    }
    declaredNs = done.i64(0);
    message = server.takePending();
    inWake = false;
    stats.wakeupsCompleted++;
  }

  private void serve(Frame f) {
    server.serve(f, out);
    if (server.lastProblem() != null) {
      stats.framesRejected++;
      log.note(nowUs.getAsLong(), "rejected frame " + f + ": " + server.lastProblem());
    }
    send(settings.replyTimeoutMs());
  }

  // ------------------------------------------------------------------ frames and failures

  private void send(long timeoutMs) {
    try {
      conn.send(out.array(), out.finish(), timeoutMs);
      stats.framesSent++;
      sentAtNanos = System.nanoTime();
    } catch (ConnectionFault f) {
      throw failure(f, "incarnation " + incarnation);
    }
  }

  private Frame receive() {
    return receive(settings.replyTimeoutMs());
  }

  private Frame receive(long timeoutMs) {
    try {
      long budgetMs = WAKE_BUDGET_TIMEOUTS * settings.replyTimeoutMs();
      if (inWake && System.nanoTime() - wakeStartNanos > budgetMs * 1_000_000) {
        throw new ConnectionFault(ConnectionFault.Kind.TIMEOUT, "the wake-up did not end (DONE) within "
            + budgetMs + " ms of wall-clock time (" + WAKE_BUDGET_TIMEOUTS + " reply timeouts)");
      }
      Frame f = conn.receive(timeoutMs);
      stats.framesReceived++;
      wallNs += System.nanoTime() - sentAtNanos;
      return f;
    } catch (ConnectionFault f) {
      throw failure(f, "incarnation " + incarnation);
    }
  }

  private AgentFailure broke(String problem) {
    stats.framesRejected++;
    return failure(new ConnectionFault(ConnectionFault.Kind.PROTOCOL, problem), "incarnation " + incarnation);
  }

  /** Stops the process after a fault, counts it and says when a new one may start. */
  private AgentFailure failure(ConnectionFault f, String which) {
    if (conn != null) {
      endProcess(switch (f.kind()) {
        case EXITED -> () -> stats.processesExited++;
        case TIMEOUT -> () -> stats.processesTimedOut++;
        case BROKEN_FRAME, PROTOCOL -> () -> stats.processesBrokeProtocol++;
        case START_FAILED -> () -> { };
      });
      conn.kill();
      conn = null;
    }
    String what = switch (f.kind()) {
      case EXITED -> "exited";
      case TIMEOUT -> "hung";
      case BROKEN_FRAME, PROTOCOL -> "broke the protocol";
      case START_FAILED -> "could not start";
    };
    String text = "agent process " + what + " (" + which + "): " + f.getMessage();
    long restartAfter = -1;
    if (restartsUsed < settings.maxRestarts()) {
      restartsUsed++;
      restartAfter = settings.restartDelayUs();
      text += "; restarting in " + restartAfter / 1e6 + " s";
    } else {
      stats.restartsRefused++;
      text += "; no restart left (max_restarts " + settings.maxRestarts() + "), the agent stays down";
    }
    log.note(nowUs.getAsLong(), text);
    return new AgentFailure(text, restartAfter);
  }

  /** Counts the end of the current process and of the wake-up it was in, if any. */
  private void endProcess(Runnable count) {
    count.run();
    if (inWake) {
      inWake = false;
      if (closed) {
        stats.wakeupsAbandoned++;
      } else {
        stats.wakeupsFailed++;
      }
    }
    held = null;
    doneEarly = false;
    message = null;
    server.takePending();
  }

  private static long ceilKib(long bytes) {
    return (bytes + 1023) / 1024;
  }
}
