package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.TimeSource;
import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.TraceStream;
import io.mlproxy.workload.Traces;
import nl.tudelft.simulation.jstats.streams.StreamInterface;

/**
 * Replays a trace file as the workload: times rebased so the first touch is at 0, cut at the
 * scenario's end, and optionally looped. A trace has no randomness, so every variant sees it
 * identically.
 *
 * <p>The trace is read while it is replayed. Only a trace with its own time column is read ahead
 * (its {@link TraceFootprint}: the run needs its mean rate for B and, looped, its period); any
 * other trace is checked as it is replayed: more distinct pages than the address space is a
 * {@link RunCheckException} of {@code memory.pages}, a bad record a {@link
 * io.mlproxy.workload.TraceFormatException}, both stopping the run before anything is written.
 *
 * <p>A loop keeps the trace's rate: with {@code time: rate} the touches of every pass continue
 * the same rate grid (touch i of the run at i / rate); with {@code time: column} pass k is
 * shifted by k·(span + one mean inter-touch gap), span being the time from the first to the last
 * touch (the run checks refuse a trace that spans no time). A trace of at most {@link
 * #CACHED_TOUCHES} touches is read once and looped from memory; a longer one is re-opened per
 * pass, so the file is never re-opened more often than once per {@link #CACHED_TOUCHES} touches.
 */
final class TraceSource implements WorkloadSource {

  /** Traces up to this many touches loop from memory (12 bytes per touch). */
  static final int CACHED_TOUCHES = 1 << 20;

  private final TraceSpec spec;
  private final TraceFootprint footprint;
  private final long cachedTouches;
  private final boolean loop;
  private final long durationUs;
  private final boolean ownTime;
  private final long periodUs;
  private volatile Recorded recorded;
  private volatile boolean recordedTried;
  private volatile long touchesPerPass = -1;
  private volatile long skippedRecords;

  /** One pass of a short trace, held in memory: folded pages and rebased times. */
  private record Recorded(int[] pages, long[] timesUs) {}

  /**
   * @param footprint what reading the trace ahead found (required with {@code time: column}), or
   *     null when it is read only as it is replayed
   */
  TraceSource(TraceSpec spec, TraceFootprint footprint, boolean loop, long durationUs) {
    this(spec, footprint, loop, durationUs, CACHED_TOUCHES);
  }

  /** As above, looping from memory only traces of at most {@code cachedTouches} touches. */
  TraceSource(TraceSpec spec, TraceFootprint footprint, boolean loop, long durationUs, long cachedTouches) {
    this.spec = spec;
    this.cachedTouches = cachedTouches;
    this.footprint = footprint;
    this.ownTime = spec.time() == TimeSource.OWN_COLUMN;
    if (ownTime && footprint == null) {
      throw new IllegalArgumentException("a trace with its own times needs its footprint to loop and for B");
    }
    this.loop = loop && (footprint == null || footprint.complete() && footprint.touches() > 0);
    this.durationUs = durationUs;
    if (footprint != null) {
      long span = footprint.durationUs();
      long gap = footprint.touches() > 1 ? Math.max(1, span / (footprint.touches() - 1)) : 1;
      this.periodUs = Math.addExact(span, gap);
      this.touchesPerPass = footprint.touches();
      this.skippedRecords = footprint.skippedRecords();
    } else {
      this.periodUs = 0;
    }
  }

  /** What reading ahead found, or null when the trace was not read ahead. */
  TraceFootprint footprint() {
    return footprint;
  }

  /** Touches of one pass (up to the run's end without a loop), -1 while no pass has ended. */
  long touchesPerPass() {
    return touchesPerPass;
  }

  /** Malformed records skipped (lenient) in what was read of one pass. */
  long skippedRecords() {
    return skippedRecords;
  }

  @Override
  public AccessStream open(StreamInterface stream) {
    if (!loop) {
      return new Cut(Traces.open(spec));
    }
    Recorded r = recorded();
    return new Looped(r);
  }

  /** Opens the trace for a pass, checking that it stays within the address space as it is read. */
  private TraceStream openPass() {
    return Traces.open(spec);
  }

  /** Fails when the stream has met more distinct pages than the address space holds. */
  private void checkPages(TraceStream s) {
    long distinct = s.distinctPages();
    if (distinct > spec.pages()) {
      throw new RunCheckException("memory.pages", spec.path() + " touches more than " + spec.pages()
          + " distinct pages within its first " + s.touchesRead() + " touches, but the address space has "
          + spec.pages() + " (expected memory.pages or memory.size to hold every page the trace touches before"
          + " the run's end; workbench validate counts them)");
    }
  }

  /** The trace's first pass in memory when it has at most {@link #cachedTouches} touches, else null. */
  private Recorded recorded() {
    if (recordedTried) {
      return recorded;
    }
    synchronized (this) {
      if (recordedTried) {
        return recorded;
      }
      long limit = footprint != null ? footprint.touches() : cachedTouches + 1;
      if (footprint != null && footprint.touches() > cachedTouches) {
        recordedTried = true;
        return null;
      }
      int cap = (int) Math.min(limit, 1 << 16);
      int[] pages = new int[Math.max(1, cap)];
      long[] times = new long[Math.max(1, cap)];
      int got = 0;
      int[] bp = new int[8192];
      long[] bt = new long[8192];
      try (TraceStream s = openPass()) {
        int k;
        while (got < limit && (k = s.read(bp, bt, (int) Math.min(bp.length, limit - got))) > 0) {
          checkPages(s);
          if (got + k > pages.length) {
            int n = (int) Math.min(Math.max((long) pages.length * 2, got + k), limit);
            pages = java.util.Arrays.copyOf(pages, n);
            times = java.util.Arrays.copyOf(times, n);
          }
          System.arraycopy(bp, 0, pages, got, k);
          System.arraycopy(bt, 0, times, got, k);
          got += k;
        }
        skippedRecords = s.skippedRecords();
      }
      if (footprint != null && got < footprint.touches()) {
        throw new IllegalStateException(spec.path() + " holds " + got + " touches, but " + footprint.touches()
            + " were counted before the run: was the file changed?");
      }
      if (got == 0) {
        throw new RunCheckException("workload.trace.path", spec.path() + " holds no record to replay"
            + " (expected at least one valid record)");
      }
      if (got <= cachedTouches) {
        long first = times[0];
        for (int i = 0; i < got; i++) {
          times[i] -= first;
        }
        recorded = new Recorded(java.util.Arrays.copyOf(pages, got), java.util.Arrays.copyOf(times, got));
        touchesPerPass = got;
      }
      recordedTried = true;
      return recorded;
    }
  }

  private long rateTime(long index) {
    long rate = spec.rateTouchesPerSec();
    return (index / rate) * 1_000_000L + (index % rate) * 1_000_000L / rate;
  }

  /** One pass, rebased to start at 0 and cut at the scenario's end. */
  private final class Cut implements AccessStream {
    private final TraceStream pass;
    private long firstUs = -1;
    private long delivered;
    private boolean done;

    Cut(TraceStream pass) {
      this.pass = pass;
    }

    @Override
    public int pages() {
      return spec.pages();
    }

    @Override
    public int read(int[] pages, long[] timesUs, int max) {
      if (done) {
        return 0;
      }
      int n = pass.read(pages, timesUs, max);
      if (n == 0) {
        end();
        return 0;
      }
      checkPages(pass);
      if (firstUs < 0) {
        firstUs = timesUs[0];
      }
      for (int i = 0; i < n; i++) {
        long t = timesUs[i] - firstUs;
        if (t >= durationUs) {
          delivered += i;
          end();
          return i;
        }
        timesUs[i] = t;
      }
      delivered += n;
      return n;
    }

    private void end() {
      done = true;
      if (delivered == 0) {
        throw new RunCheckException("workload.trace.path", spec.path() + " holds no record to replay"
            + (pass.skippedRecords() > 0 ? ": all " + pass.skippedRecords() + " records are malformed (skipped:"
                + " lenient)" : "") + " (expected at least one valid record)");
      }
      touchesPerPass = delivered;
      skippedRecords = pass.skippedRecords();
    }

    @Override
    public void close() {
      done = true;
      pass.close();
    }
  }

  /** Pass after pass until the scenario's end, from memory or by re-opening the file. */
  private final class Looped implements AccessStream {
    private final Recorded memory;
    private TraceStream file;
    private long fileFirstUs = -1;
    private int[] filePages;
    private long[] fileTimes;
    private int fileLen;
    private int filePos;
    private long pass;
    private long inPass;
    private long index;
    private boolean done;

    Looped(Recorded memory) {
      this.memory = memory;
    }

    @Override
    public int pages() {
      return spec.pages();
    }

    @Override
    public int read(int[] pages, long[] timesUs, int max) {
      int k = 0;
      while (k < max && !done) {
        int page;
        long rel;
        if (memory != null) {
          page = memory.pages()[(int) inPass];
          rel = memory.timesUs()[(int) inPass];
        } else {
          if (filePos == fileLen && !fill()) {
            continue; // the pass ended with the file: the next one starts
          }
          page = filePages[filePos];
          rel = fileTimes[filePos++] - fileFirstUs;
        }
        long t = ownTime ? pass * periodUs + rel : rateTime(index);
        if (t >= durationUs) {
          done = true;
          break;
        }
        pages[k] = page;
        timesUs[k++] = t;
        index++;
        inPass++;
        long passLength = memory != null ? memory.pages().length : footprint != null ? footprint.touches() : -1;
        if (inPass == passLength) {
          nextPass();
        }
      }
      return k;
    }

    private void nextPass() {
      inPass = 0;
      pass++;
      if (memory == null) {
        closeFile();
      }
    }

    /**
     * Reads the next batch of the current pass from the file, opening it at the start of a pass;
     * false when the file ended, which ends the pass.
     */
    private boolean fill() {
      if (file == null) {
        file = openPass();
        fileFirstUs = -1;
        if (filePages == null) {
          filePages = new int[8192];
          fileTimes = new long[8192];
        }
      }
      fileLen = file.read(filePages, fileTimes, filePages.length);
      filePos = 0;
      if (fileLen == 0) {
        long expected = footprint != null ? footprint.touches() : touchesPerPass;
        if (inPass == 0 || expected >= 0 && inPass != expected) {
          // the file changed under the run: fewer touches than the first pass (or none)
          throw new IllegalStateException(spec.path() + " ended after " + inPass + " touches of a pass, but "
              + Math.max(expected, 0) + " were read in its first pass: was the file changed?");
        }
        if (touchesPerPass < 0) {
          touchesPerPass = inPass;
          skippedRecords = file.skippedRecords();
        }
        nextPass();
        return false;
      }
      checkPages(file);
      if (fileFirstUs < 0) {
        fileFirstUs = fileTimes[0];
      }
      return true;
    }

    private void closeFile() {
      if (file != null) {
        file.close();
        file = null;
        fileLen = 0;
        filePos = 0;
      }
    }

    @Override
    public void close() {
      done = true;
      closeFile();
    }
  }
}
