package io.mlproxy.cli;

import io.mlproxy.engine.ExperimentRunner;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A one-line progress bar on stderr, drawn only on a terminal: the share of the work done (simulated
 * time over all runs where the executor reports it, else finished items), items finished, elapsed
 * time, an estimate of the time left and where tasks run (cluster members, and which left). It
 * appears as soon as the runs start and is redrawn twice a second, so it moves within a run too.
 * Notes (a member left) are printed as lines above it, terminal or not.
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
  private boolean begun;
  private long startNanos;
  private LongSupplier simulatedUs = () -> 0;
  private long totalUs;
  private int done;
  private int tasks;
  private int lastWidth;
  private String unit = "runs";
  private boolean byCount;
  private Supplier<String> status = () -> "";
  /** When {@link #preparing} first drew, or -1: elapsed time counts from there, the estimate from the start. */
  private long shownSince = -1;
  private boolean preparing;

  ProgressBar(PrintWriter err, boolean enabled) {
    this(err, enabled, System::nanoTime);
  }

  ProgressBar(PrintWriter err, boolean enabled, LongSupplier nanoClock) {
    this.err = err;
    this.enabled = enabled;
    this.nanoClock = nanoClock;
  }

  /**
   * The engine's progress callbacks for the runs of scenario {@code name}; {@code where} tells where
   * tasks run (e.g. "3 members; left: 10.0.0.7:5701"), shown after the bar.
   */
  ExperimentRunner.Progress forScenario(String name, Supplier<String> where) {
    return new ExperimentRunner.Progress() {
      @Override
      public void started(LongSupplier simulated, long total, int count) {
        synchronized (ProgressBar.this) {
          status = where;
          start(name, simulated, total, count);
        }
      }

      @Override
      public void update(int finished, int total) {
        synchronized (ProgressBar.this) {
          status = where;
          if (!begun) {
            // an executor that cannot tell the simulated time (remote members): count runs
            count(name, finished, total, "runs");
          } else {
            finished(finished, total);
          }
        }
      }
    };
  }

  /**
   * Draws the bar at once, before the runs of scenario {@code name} can start (while the embedded
   * member starts and the scenario compiles), so a terminal is never left blank; elapsed time
   * counts from here.
   */
  synchronized void preparing(String name) {
    label = name;
    preparing = true;
    if (shownSince < 0) {
      shownSince = nanoClock.getAsLong();
    }
    begin();
  }

  /** Starts timing {@code count} runs whose simulated time, {@code total} µs in all, {@code simulated} tells. */
  synchronized void start(String name, LongSupplier simulated, long total, int count) {
    label = name;
    simulatedUs = simulated;
    totalUs = total;
    tasks = count;
    done = 0;
    byCount = false;
    unit = "runs";
    preparing = false;
    begin();
  }

  private void begin() {
    begun = !preparing;
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
   * Progress counted in whole items (tune's evaluations, a sweep's runs): {@code done} of
   * {@code total} {@code unitName}, the share of the work being the share of items; the first call
   * starts the clock.
   */
  synchronized void count(String name, int finished, int total, String unitName) {
    if (!begun || !byCount) {
      byCount = true;
      unit = unitName;
      tasks = total;
      preparing = false;
      begin();
    }
    label = name;
    finished(finished, total);
  }

  /** {@link #count}, with {@code where} (where tasks run) after the bar. */
  synchronized void count(String name, int finished, int total, String unitName, String where) {
    status = () -> where;
    count(name, finished, total, unitName);
  }

  /** {@link #count} in runs, with {@code where} (where tasks run) after the bar. */
  synchronized void update(String name, int finished, int total, String where) {
    count(name, finished, total, "runs", where);
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
    if (preparing) {
      return String.format(Locale.ROOT, "%-" + LABEL + "s [%s] starting… %s elapsed",
          shortLabel(), " ".repeat(WIDTH), clock((nanoClock.getAsLong() - shownSince) / 1_000_000_000L));
    }
    double share = byCount ? (tasks <= 0 ? 0 : (double) done / tasks)
        : totalUs <= 0 ? 0 : Math.min(1, (double) simulatedUs.getAsLong() / totalUs);
    if (tasks > 0 && done == tasks) {
      share = 1;
    }
    int filled = (int) Math.round(WIDTH * share);
    long now = nanoClock.getAsLong();
    long elapsedS = (now - startNanos) / 1_000_000_000L;
    String eta = share >= 1 ? (unit.equals("runs") ? "writing results" : "done")
        : share < MIN_SHARE_FOR_ETA ? "ETA …"
        : "ETA " + clock(Math.round(elapsedS * (1 - share) / share));
    long shownS = shownSince < 0 ? elapsedS : (now - shownSince) / 1_000_000_000L;
    String name = shortLabel();
    String where = status.get();
    String line = String.format(Locale.ROOT, "%-" + LABEL + "s [%s%s] %3d%% %d/%d %s %s elapsed, %s%s", name,
        "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(share * 100), done, tasks, unit,
        clock(shownS), eta, where == null || where.isEmpty() ? "" : "  " + where);
    // the status comes from the cluster (members by address): keep it printable
    return io.mlproxy.scenario.SafeText.escapeLine(line);
  }

  private String shortLabel() {
    return label.length() > LABEL ? label.substring(0, LABEL - 1) + "…" : label;
  }

  /** Seconds as m:ss (or h:mm:ss). */
  static String clock(long seconds) {
    long h = seconds / 3600;
    long m = seconds / 60 % 60;
    long s = seconds % 60;
    return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
  }

  /** Prints {@code line} on its own line (through {@code out}, which escapes), the bar below it. */
  synchronized void note(PrintWriter out, String line) {
    boolean wasDrawn = lastWidth > 0;
    erase();
    out.println(line);
    out.flush();
    if (enabled && wasDrawn) {
      draw();
    }
  }

  private void erase() {
    if (enabled && lastWidth > 0) {
      err.print("\r" + " ".repeat(lastWidth) + "\r");
      err.flush();
      lastWidth = 0;
    }
  }

  /** Removes the bar (the summary is printed in its place) and stops redrawing until the next start. */
  synchronized void clear() {
    if (tick != null) {
      tick.cancel(false);
      tick = null;
    }
    erase();
    begun = false;
    preparing = false;
    shownSince = -1;
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
