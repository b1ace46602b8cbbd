package io.mlproxy.cli;

import io.mlproxy.engine.ExperimentRunner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar on stderr, drawn only on a terminal: the share of simulated time done
 * over all runs of a scenario, runs finished, elapsed time and an estimate of the time left. It
 * appears as soon as the runs start and is redrawn twice a second, so it moves within a run too.
 */
final class ProgressBar implements AutoCloseable {

  private static final int WIDTH = 16;
  private static final int LABEL = 18;
  /** Below this share of the work done the estimate of the time left is too noisy to show. */
  private static final double MIN_SHARE_FOR_ETA = 0.02;

  private final PrintWriter err;
  private final boolean enabled;
  private final LongSupplier nanoClock;
  private ScheduledExecutorService ticker;
  private ScheduledFuture<?> tick;

  private String label = "";
  private long startNanos;
  private LongSupplier simulatedUs = () -> 0;
  private long totalUs;
  private int done;
  private int tasks;
  private int lastWidth;
  private String unit = "runs";
  private boolean byCount;

  ProgressBar(PrintWriter err, boolean enabled) {
    this(err, enabled, System::nanoTime);
  }

  ProgressBar(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
    this.err = err;
    this.enabled = enabled;
    this.nanoClock = nanoClock;
  }

  /** The engine's progress callbacks for the runs of scenario {@code name}. */
  ExperimentRunner.Progress forScenario(String name) {
    return new ExperimentRunner.Progress() {
      @Override
      public void started(LongSupplier simulated, long total, int count) {
        start(name, simulated, total, count);
      }

      @Override
      public void update(int finished, int total) {
        finished(finished, total);
      }
    };
  }

  synchronized void start(String name, LongSupplier simulated, long total, int count) {
    label = name;
    simulatedUs = simulated;
    totalUs = total;
    tasks = count;
    done = 0;
    startNanos = nanoClock.getAsLong();
    if (!enabled) {
      return;
    }
    draw();
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "progress-bar");
        t.setDaemon(true);
        return t;
      });
    }
    if (tick == null) {
      tick = ticker.scheduleAtFixedRate(this::draw, 500, 500, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Progress counted in whole items (tune's evaluations): {@code done} of {@code total}
   * {@code unitName}, the share of the work being the share of items; the first call starts the clock.
   */
  synchronized void count(String name, int finished, int total, String unitName) {
    if (!byCount) {
      byCount = true;
      unit = unitName;
      start(name, () -> 0, 0, total);
    }
    label = name;
    finished(finished, total);
  }

  synchronized void finished(int finished, int total) {
    done = finished;
    tasks = total;
    if (enabled) {
      draw();
    }
  }

  private synchronized void draw() {
    String line = line();
    err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
    err.flush();
    lastWidth = line.length();
  }

  /** The bar as it would be drawn now, e.g. {@code name [#####     ]  21%  3/15 runs  0:12 elapsed  ETA 0:45}. */
  synchronized String line() {
    double share = byCount ? (tasks <= 0 ? 0 : (double) done / tasks)
        : totalUs <= 0 ? 0 : Math.min(1, (double) simulatedUs.getAsLong() / totalUs);
    if (tasks > 0 && done == tasks) {
      share = 1;
    }
    int filled = (int) Math.round(WIDTH * share);
    long elapsedS = (nanoClock.getAsLong() - startNanos) / 1_000_000_000L;
    String eta = share >= 1 ? (byCount ? "done" : "writing results")
        : share < MIN_SHARE_FOR_ETA ? "ETA …"
        : "ETA " + clock(Math.round(elapsedS * (1 - share) / share));
    String name = label.length() > LABEL ? label.substring(0, LABEL - 1) + "…" : label;
    return String.format(Locale.ROOT, "%-" + LABEL + "s [%s%s] %3d%% %d/%d %s %s elapsed, %s", name,
        "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(share * 100), done, tasks, unit,
        clock(elapsedS), eta);
  }

  /** Seconds as m:ss (or h:mm:ss). */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Removes the bar (the summary is printed in its place) and stops redrawing. */
  synchronized void clear() {
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    if (enabled && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }

  @Override
  public synchronized void close() {
    clear();
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
  }
}
