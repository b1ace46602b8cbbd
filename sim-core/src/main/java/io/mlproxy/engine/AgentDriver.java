package io.mlproxy.engine;

import io.mlproxy.agent.AgentFailure;
import io.mlproxy.agent.UserAgent;
import io.mlproxy.engine.DsolReplicationRunner.Scheduler;
import io.mlproxy.proxy.MlLibException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Runs the user-space agent as a simulated process: each step takes the simulated time the agent
 * reports (read cost, training time, write latency), so dataset age and recommendation staleness
 * come out of the discrete-event schedule, not out of a formula.
 *
 * <p>Injected agent faults act here: a crash stops the process (an in-flight cycle is lost) until
 * it restarts; a slowdown multiplies every step; corruption damages the bytes of the next
 * messages; staleness makes the agent send a message from several cycles ago. A slowed agent is
 * starved of CPU: every step, its sleep between cycles included, takes {@code factor} times longer.
 *
 * <p>A real failure of an outside agent process ({@link AgentFailure}: it exited, hung or broke the
 * protocol) is logged and handled like an injected crash that the agent itself ends: it restarts
 * after the delay the failure names, while the proxy, which was not told, sees its hints go stale.
 */
final class AgentDriver {

  /** How many cycles old a message sent during a stale-recommendation fault is. */
  static final int STALE_CYCLES = 3;

  private final UserAgent agent;
  private final Scheduler scheduler;
  private final long periodUs;
  private final long writeLatencyUs;
  private final EventLog events;
  private final Runnable afterWrite;
  private final Deque<byte[]> history = new ArrayDeque<>();
  private boolean crashed;
  private long epoch;
  private double slowFactor = 1.0;
  private int corruptNext;
  private boolean stale;

  AgentDriver(
      UserAgent agent,
      Scheduler scheduler,
      long periodUs,
      long writeLatencyUs,
      EventLog events,
      Runnable afterWrite) {
    this.agent = agent;
    this.scheduler = scheduler;
    this.periodUs = periodUs;
    this.writeLatencyUs = writeLatencyUs;
    this.events = events;
    this.afterWrite = afterWrite;
  }

  /** Attaches the agent and schedules its first wake-up one period from now. */
  void start() {
    try {
      agent.attach();
    } catch (AgentFailure f) {
      failed(f);
      return;
    }
    schedule(scheduler.nowUs() + periodUs);
  }

  private void schedule(long atUs) {
    long myEpoch = epoch;
    scheduler.at(atUs, () -> wake(myEpoch));
  }

  private void wake(long myEpoch) {
    if (crashed || myEpoch != epoch) {
      return;
    }
    long start = scheduler.nowUs();
    long readUs;
    try {
      readUs = scaled(agent.readDataset() / 1000);
    } catch (MlLibException e) {
      fail(e);
      schedule(start + scaled(periodUs));
      return;
    } catch (AgentFailure f) {
      failed(f);
      return;
    }
    scheduler.after(readUs, () -> train(myEpoch, start));
  }

  private void train(long myEpoch, long cycleStartUs) {
    if (crashed || myEpoch != epoch) {
      return;
    }
    long trainUs;
    byte[] message;
    try {
      trainUs = scaled(agent.train() / 1000);
      message = agent.recommendation();
    } catch (MlLibException e) {
      fail(e);
      schedule(Math.max(scheduler.nowUs(), cycleStartUs + scaled(periodUs)));
      return;
    } catch (AgentFailure f) {
      failed(f);
      return;
    }
    long sendAt = scheduler.nowUs() + trainUs + scaled(writeLatencyUs);
    if (message != null) {
      scheduler.at(sendAt, () -> deliver(myEpoch, message));
    }
    // the next cycle starts a period after this one, or as soon as this one is done
    schedule(Math.max(sendAt, cycleStartUs + scaled(periodUs)));
  }

  private void deliver(long myEpoch, byte[] fresh) {
    if (crashed || myEpoch != epoch) {
      return;
    }
    history.addLast(fresh);
    while (history.size() > STALE_CYCLES + 1) {
      history.removeFirst();
    }
    byte[] message = stale && history.size() > STALE_CYCLES ? history.peekFirst() : fresh;
    if (corruptNext > 0) {
      message = message.clone();
      // one flipped byte in the middle: header or payload, the CRC or a field check must catch it
      message[message.length / 2] ^= 0x5A;
      corruptNext--;
    }
    try {
      agent.write(message);
    } catch (MlLibException e) {
      fail(e);
    }
    afterWrite.run();
  }

  private void fail(MlLibException e) {
    events.add(scheduler.nowUs(), EventLog.AGENT_ERROR, "", "", e.getMessage());
  }

  /** The process is gone: down like a crash, back after the delay the failure names (if any). */
  private void failed(AgentFailure f) {
    events.add(scheduler.nowUs(), EventLog.AGENT_ERROR, "", "", f.getMessage());
    crashed = true;
    long myEpoch = ++epoch;
    if (f.restartAfterUs() >= 0) {
      scheduler.after(f.restartAfterUs(), () -> {
        if (myEpoch == epoch) {
          restart();
        }
      });
    }
  }

  private long scaled(long us) {
    return Math.max(0, Math.round(us * slowFactor));
  }

  /** The process dies: nothing it had in flight arrives. */
  void crash() {
    crashed = true;
    epoch++;
    agent.kill();
  }

  /** The process is started again and re-attaches. */
  void restart() {
    crashed = false;
    epoch++;
    history.clear();
    try {
      agent.attach();
    } catch (MlLibException e) {
      // still attached from before the crash (the kernel did not see it die): carry on
    } catch (AgentFailure f) {
      failed(f);
      return;
    }
    schedule(scheduler.nowUs());
  }

  /** The run is over: the agent releases its process, if it has one. */
  void close() {
    agent.close();
  }

  void slowDown(double factor) {
    slowFactor = factor;
  }

  void corrupt(int messages) {
    corruptNext += messages;
  }

  void stale(boolean on) {
    stale = on;
  }

}
