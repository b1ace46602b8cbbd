package io.mlproxy.agent.external;

import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.MlLibException;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ModelState;
import io.mlproxy.proxy.ProxyConfig;
import io.mlproxy.proxy.Recommendation;
import io.mlproxy.proxy.RecommendationCodec;
import io.mlproxy.proxy.RecommendationLimits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A scripted conformance session against an agent process ({@code workbench agent-check}): the
 * handshake, an attach wake-up, datasets of 1, 1,000 and 10,000 regions, a feedback backlog, a
 * dataset that goes stale while the agent reads it, an operator's STOP and START, a re-attach as
 * after a crash, and BYE. Every frame is numbered; each violation of docs/agent-protocol.md names
 * the rule, the frame and the wake-up it happened in.
 */
public final class AgentCheck {

  /** Address space of the checker's proxy: room for 10,000 regions of varied sizes. */
  static final long PAGES = 1L << 20;

  /**
   * What to check.
   *
   * @param command the agent's program and arguments
   * @param workingDirectory where it runs
   * @param replyTimeoutMs wall-clock limit for each frame in a wake-up
   * @param startTimeoutMs wall-clock limit for the handshake
   */
  public record Options(List<String> command, Path workingDirectory, long replyTimeoutMs, long startTimeoutMs) {}

  /** One violation: the rule (docs/agent-protocol.md), where, and what happened. */
  public record Violation(String rule, long frame, String wakeUp, String message) {
    @Override
    public String toString() {
      return (frame > 0 ? "frame #" + frame : "after the session") + (wakeUp.isEmpty() ? "" : " in " + wakeUp)
          + ": [" + rule + "] " + message;
    }
  }

  /** The session's outcome: a line per step, the violations, and the agent's stderr. */
  public record Report(List<String> steps, List<Violation> violations, String agentLog) {
    public boolean conforming() {
      return violations.isEmpty();
    }
  }

  private final Options options;
  private final Consumer<String> progress;
  private final List<String> steps = new ArrayList<>();
  private final List<Violation> violations = new ArrayList<>();
  private final BoundedLog log = new BoundedLog(256 * 1024);
  private final FrameBuffer out = new FrameBuffer();
  private long nowMs = 1_000;
  private long frameNo;
  private String wakeUp = "the handshake";
  private MlModelProxy proxy;
  private ControlInterface control;
  private RequestServer server;
  private RecommendationLimits limits;
  private AgentConnection conn;
  private int regionCount;
  private long seed = 11;

  private AgentCheck(Options options, Consumer<String> progress) {
    this.options = options;
    this.progress = progress;
  }

  /** Runs the session; {@code progress} is told each step as it completes. */
  public static Report run(Options options, Consumer<String> progress) {
    return new AgentCheck(options, progress).session();
  }

  /** The agent lost the session (exited, hung, broke the framing): the script cannot go on. */
  private static final class SessionOver extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SessionOver() {
      super(null, null, false, false);
    }
  }

  private Report session() {
    proxy = MlModelProxy.create("agent-check", ModelOperations.GENERIC, this::regions, () -> nowMs);
    ProxyConfig config = ProxyConfig.forAddressSpace(PAGES);
    proxy.init(config, ModeThresholds.defaults());
    control = new ControlInterface(proxy);
    int maxFrame = AgentProtocol.maxFrameBytes(config.recommendationBufferBytes());
    server = new RequestServer(control, new DataChannel(proxy), maxFrame, config.recommendationBufferBytes());
    limits = new RecommendationLimits(PAGES, config.maxRegionHints(), config.maxParamHints(), Map.of());
    try {
      conn = AgentConnection.start(options.command(), options.workingDirectory(), Map.of(
          "MLPROXY_AGENT_INCARNATION", "0"), maxFrame, log);
    } catch (ConnectionFault f) {
      violation("H1", 0, f.getMessage());
      return report();
    }
    try {
      handshake(config, maxFrame);
      attach("wake-up 1 (attach)");
      cycle("wake-up 2 (1 region)", 1, 0, false);
      cycle("wake-up 3 (1,000 regions)", 1_000, 0, false);
      cycle("wake-up 4 (10,000 regions)", 10_000, 0, false);
      cycle("wake-up 5 (1,000 regions, 5,000 feedback records queued)", 1_000, 5_000, false);
      cycle("wake-up 6 (the dataset goes stale while the agent reads it)", 1_000, 0, true);
      cycle("wake-up 7 (1,000 regions, after the stale one)", 1_000, 0, false);
      control.write(ControlInterface.CONTROL, "STOP");
      steps.add("operator: STOP (the proxy is STOPPED)");
      stopped("wake-up 8 (the proxy is stopped by the operator)");
      control.write(ControlInterface.CONTROL, "START");
      steps.add("operator: START");
      cycle("wake-up 9 (1,000 regions, after START)", 1_000, 0, false);
      attach("wake-up 10 (attach again, as after a crash: START answers EBUSY)");
      cycle("wake-up 11 (1,000 regions, after the re-attach)", 1_000, 0, false);
      bye();
    } catch (SessionOver over) {
      conn.kill();
    }
    return report();
  }

  private Report report() {
    if (conn != null) {
      conn.kill();
    }
    return new Report(List.copyOf(steps), List.copyOf(violations), new String(log.toBytes(),
        java.nio.charset.StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ steps

  private void handshake(ProxyConfig config, int maxFrame) {
    Map<String, String> info = new java.util.LinkedHashMap<>();
    for (String kv : List.of("page_size_bytes 4096", "sampling_us 5000", "aggregation_us 100000",
        "max_nr_accesses 20", "period_us 1000000", "staleness_timeout_ms 10000", "scenario agent-check",
        "variant proxy", "rep 1", "seed 1", "agent.horizon_ms 30000", "agent.learning_rate 0.05", "agent.l2 1.0E-4",
        "agent.min_confidence_permille 600", "agent.train_cost_per_sample_ns 2000", "agent.read_cost_per_kib_ns 10000",
        "agent.write_latency_us 1000", "agent.portion_bytes 4096")) {
      info.put(kv.substring(0, kv.indexOf(' ')), kv.substring(kv.indexOf(' ') + 1));
    }
    String text = Handshake.text(config, maxFrame, options.replyTimeoutMs(), 0, info);
    out.begin(AgentProtocol.HELLO).u16(AgentProtocol.VERSION).text(text);
    send();
    Frame reply = receive(options.startTimeoutMs());
    if (reply.type() != AgentProtocol.AGENT_HELLO || reply.bodyLength() < 2) {
      violation("H1", frameNo, "expected AGENT_HELLO (u16 version, then a name), got " + reply);
      throw new SessionOver();
    }
    if (reply.u16(0) != AgentProtocol.VERSION) {
      violation("H1", frameNo, "the agent answers with protocol version " + reply.u16(0) + ", expected "
          + AgentProtocol.VERSION);
      throw new SessionOver();
    }
    String name = reply.text(2);
    if (name == null) {
      violation("H1", frameNo, "the agent's name is not UTF-8");
    }
    step("handshake: agent '" + (name == null ? "?" : name.strip()) + "', protocol " + reply.u16(0));
  }

  private void attach(String label) {
    wakeUp = label;
    server.allowWrites(false);
    Wake w = wake(AgentProtocol.WAKE_ATTACH);
    server.allowWrites(true);
    if (proxy.state() != ModelState.STARTED && proxy.state() != ModelState.RUNNING) {
      violation("A1", w.doneFrame, "the proxy is " + proxy.state() + " after the attach wake-up: the agent did not"
          + " write START");
    }
    step(label + ": " + w.frames + " frames, proxy " + proxy.state());
  }

  private void cycle(String label, int regions, int feedbackRecords, boolean goStale) {
    wakeUp = label;
    regionCount = regions;
    seed++;
    nowMs += 1_000;
    for (int i = 0; i < feedbackRecords; i++) {
      long start = (long) i * 16 % PAGES;
      proxy.errorBackpropagation(proxy.datasetGeneration(), start, start + 8, 1, HintAction.CODE_PAGEOUT,
          i % 3 == 0 ? -5_000 : 12_000, i % 3 == 0 ? 1 : 0);
    }
    long feedbackBefore = proxy.counters().get("feedback_delivered");
    Wake w = wake(AgentProtocol.WAKE_CYCLE, goStale);
    long current = proxy.datasetGeneration();
    if (w.messages.isEmpty() && !goStale) {
      violation("W1", w.doneFrame, "no recommendation in a wake-up with a fresh dataset (" + regions
          + " regions): a conforming agent answers every dataset it reads");
    }
    for (Message m : w.messages) {
      if (m.decoded != null && goStale && m.decoded.generation() == w.staleGeneration) {
        violation("R2", m.frame, "the recommendation answers generation " + w.staleGeneration
            + ", which the proxy reported obsolete (ESTALE); current is " + current);
      } else if (m.decoded != null && m.decoded.generation() != current) {
        violation("R2", m.frame, "the recommendation answers generation " + m.decoded.generation()
            + ", the current dataset is generation " + current);
      }
    }
    long feedbackRead = proxy.counters().get("feedback_delivered") - feedbackBefore;
    String fb = feedbackRecords == 0 ? "" : String.format(Locale.ROOT, ", read %,d of %,d feedback records%s",
        feedbackRead, feedbackRecords, feedbackRead < feedbackRecords ? " (note: feedback is optional)" : "");
    step(String.format(Locale.ROOT, "%s: %d frames, %,d dataset bytes read%s, %s", label, w.frames, w.datasetBytes,
        fb, describe(w.messages)));
  }

  private void stopped(String label) {
    wakeUp = label;
    nowMs += 1_000;
    Wake w = wake(AgentProtocol.WAKE_CYCLE);
    if (proxy.state() != ModelState.STOPPED) {
      // already reported as S1 where START was written
      control.write(ControlInterface.CONTROL, "STOP");
    }
    step(label + ": " + w.frames + " frames, " + describe(w.messages) + " (the proxy refuses while stopped)");
  }

  private void bye() {
    wakeUp = "the goodbye";
    boolean exited = conn.close(5_000);
    frameNo++;
    if (!exited) {
      violation("B1", frameNo, "the agent did not exit within 5 s of BYE");
    } else {
      String status = conn.exitStatus();
      if (!status.contains("exit status 0")) {
        violation("B1", frameNo, "the agent ended with" + status + " after BYE, expected exit status 0");
      }
    }
    step("BYE: the agent " + (exited ? "exited" + conn.exitStatus() : "was killed"));
  }

  // ------------------------------------------------------------------ one wake-up

  private record Message(long frame, Recommendation decoded) {}

  private static final class Wake {
    int frames;
    long datasetBytes;
    long doneFrame;
    long staleGeneration = -1;
    final List<Message> messages = new ArrayList<>();
    final List<Long> writeFrames = new ArrayList<>();
  }

  private Wake wake(int reason) {
    return wake(reason, false);
  }

  private Wake wake(int reason, boolean goStale) {
    Wake w = new Wake();
    server.takePending();
    out.begin(AgentProtocol.WAKE).i64(nowMs * 1000).u8(reason);
    send();
    long deadline = System.nanoTime() + ExternalAgent.WAKE_BUDGET_TIMEOUTS * options.replyTimeoutMs() * 1_000_000;
    while (true) {
      if (System.nanoTime() > deadline) {
        violation("T1", frameNo, "the wake-up did not end (DONE) within " + ExternalAgent.WAKE_BUDGET_TIMEOUTS
            + " reply timeouts of wall-clock time");
        throw new SessionOver();
      }
      Frame f = receive(options.replyTimeoutMs());
      w.frames++;
      if (f.type() == AgentProtocol.DONE) {
        w.doneFrame = frameNo;
        if (f.bodyLength() != 8 || f.i64(0) < 0) {
          violation("P3", frameNo, "DONE must carry one non-negative i64 (compute time in ns), got "
              + f.bodyLength() + " body bytes" + (f.bodyLength() == 8 ? " = " + f.i64(0) : ""));
        }
        break;
      }
      if (f.type() == AgentProtocol.CONTROL && "START".equals(stripped(f)) && reason == AgentProtocol.WAKE_CYCLE) {
        violation("S1", frameNo, "START written in a cycle wake-up: the agent attaches only when told to (an"
            + " operator's STOP stands)");
      }
      if (goStale && f.type() == AgentProtocol.READ_DATASET && w.staleGeneration < 0 && f.bodyLength() == 20) {
        w.staleGeneration = f.i64(0);
        control.write(ControlInterface.CONTROL, "PREPARE_DATASET"); // a newer generation: the agent's is obsolete
      }
      if (f.type() == AgentProtocol.WRITE_REC) {
        w.writeFrames.add(frameNo);
      }
      server.serve(f, out);
      if (server.lastProblem() != null) {
        violation("P2", frameNo, server.lastProblem());
      }
      w.datasetBytes += server.lastDatasetBytes();
      send();
    }
    byte[] written = server.takePending();
    if (written != null) {
      split(written, w);
      try {
        new DataChannel(proxy).writeRecommendation(written, 0, written.length);
      } catch (MlLibException e) {
        violation("R1", w.writeFrames.get(0), "the data channel refused the write: " + e.getMessage());
      }
    }
    // nothing may come before the next WAKE
    Frame stray;
    try {
      stray = conn.poll(100);
    } catch (ConnectionFault f) {
      violation("X1", frameNo + 1, "after DONE: " + f.getMessage());
      throw new SessionOver();
    }
    if (stray != null) {
      frameNo++;
      violation("L1", frameNo, "a " + stray + " frame after DONE, before the next WAKE");
      throw new SessionOver();
    }
    return w;
  }

  /** Splits what one wake-up wrote into messages, as the data channel frames them, and checks each. */
  private void split(byte[] b, Wake w) {
    int off = 0;
    int k = 0;
    while (off < b.length) {
      long frame = w.writeFrames.get(Math.min(k, w.writeFrames.size() - 1));
      int len = b.length - off;
      if (len >= RecommendationCodec.HEADER_SIZE) {
        long announced = RecommendationCodec.HEADER_SIZE
            + (long) (b[off + 24] & 0xFF | (b[off + 25] & 0xFF) << 8 | (b[off + 26] & 0xFF) << 16 | b[off + 27] << 24);
        if (announced >= RecommendationCodec.HEADER_SIZE && announced <= len) {
          len = (int) announced;
        }
      }
      try {
        w.messages.add(new Message(frame, RecommendationCodec.decode(b, off, len, limits)));
      } catch (MlLibException e) {
        violation("R1", frame, "the recommendation bytes do not decode: " + e.getMessage());
        w.messages.add(new Message(frame, null));
      }
      off += len;
      k++;
    }
  }

  // ------------------------------------------------------------------ frames

  private void send() {
    try {
      conn.send(out.array(), out.finish(), options.replyTimeoutMs());
      frameNo++;
    } catch (ConnectionFault f) {
      violation(f.kind() == ConnectionFault.Kind.TIMEOUT ? "T1" : "X1", frameNo + 1, f.getMessage());
      throw new SessionOver();
    }
  }

  private Frame receive(long timeoutMs) {
    try {
      Frame f = conn.receive(timeoutMs);
      frameNo++;
      return f;
    } catch (ConnectionFault f) {
      String rule = switch (f.kind()) {
        case TIMEOUT -> "T1";
        case EXITED -> "X1";
        default -> "P1";
      };
      violation(rule, frameNo + 1, f.getMessage());
      throw new SessionOver();
    }
  }

  private void violation(String rule, long frame, String message) {
    Violation v = new Violation(rule, frame, wakeUp, message);
    violations.add(v);
    progress.accept("  VIOLATION " + v);
  }

  private void step(String line) {
    steps.add(line);
    progress.accept(line);
  }

  private static String stripped(Frame f) {
    String t = f.text(0);
    return t == null ? null : t.strip();
  }

  private static String describe(List<Message> messages) {
    if (messages.isEmpty()) {
      return "no recommendation";
    }
    int hints = 0;
    for (Message m : messages) {
      hints += m.decoded == null ? 0 : m.decoded.regionCount();
    }
    return messages.size() + " recommendation" + (messages.size() == 1 ? "" : "s") + " (" + hints + " region hints)";
  }

  // ------------------------------------------------------------------ the subsystem

  /** Synthetic DAMON regions: a busy quarter at the start, idle regions of growing age after it. */
  private void regions(io.mlproxy.proxy.DatasetWriter sink) {
    SplittableRandom rnd = new SplittableRandom(seed);
    long step = PAGES / regionCount;
    for (int i = 0; i < regionCount; i++) {
      boolean busy = i < Math.max(1, regionCount / 4);
      long start = i * step;
      long end = i == regionCount - 1 ? PAGES : start + 1 + rnd.nextLong(step);
      int nr = busy ? 5 + rnd.nextInt(16) : 0;
      sink.region(start, end, nr, busy ? nr : 0, busy ? rnd.nextInt(10) : 50 + rnd.nextInt(2000),
          busy ? 1000 : rnd.nextInt(1001), busy ? 0 : rnd.nextInt(2));
    }
  }
}
