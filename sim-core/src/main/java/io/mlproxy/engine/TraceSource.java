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

  /** One pass of a short trace, held in memory: folded pages and rebased times. */
  private record Recorded(int[] pages, long[] timesUs) {}

  TraceSource(TraceSpec spec, TraceFootprint footprint, boolean loop, long durationUs) {
    this(spec, footprint, loop, durationUs, CACHED_TOUCHES);
  }

  /** As above, looping from memory only traces of at most {@code cachedTouches} touches. */
  TraceSource(TraceSpec spec, TraceFootprint footprint, boolean loop, long durationUs, long cachedTouches) {
    this.spec = spec;
    this.cachedTouches = cachedTouches;
    this.footprint = footprint;
    this.loop = loop && footprint.complete() && footprint.touches() > 0;
    this.durationUs = durationUs;
    this.ownTime = spec.time() == TimeSource.OWN_COLUMN;
    long span = footprint.durationUs();
    long gap = footprint.touches() > 1 ? Math.max(1, span / (footprint.touches() - 1)) : 1;
    this.periodUs = Math.addExact(span, gap);
  }

  /** What the run checks found in the part of the trace the run replays. */
  TraceFootprint footprint() {
    return footprint;
  }

  @Override
  public AccessStream open(StreamInterface stream) {
    if (!loop) {
      return new Cut(Traces.open(spec));
    }
    if (footprint.touches() <= cachedTouches) {
      return new Looped(recorded());
    }
    return new Looped(null);
  }

  /** The trace's first pass, read once for all runs of the plan. */
  private Recorded recorded() {
    Recorded r = recorded;
    if (r == null) {
      synchronized (this) {
        r = recorded;
        if (r == null) {
          int n = (int) footprint.touches();
          int[] pages = new int[n];
          long[] times = new long[n];
          int got = 0;
          int[] bp = new int[8192];
          long[] bt = new long[8192];
          try (TraceStream s = Traces.open(spec)) {
            int k;
            while (got < n && (k = s.read(bp, bt, Math.min(bp.length, n - got))) > 0) {
              System.arraycopy(bp, 0, pages, got, k);
              System.arraycopy(bt, 0, times, got, k);
              got += k;
            }
          }
          if (got < n) {
            throw new IllegalStateException(spec.path() + " holds " + got + " touches, but " + n
                + " were counted before the run: was the file changed?");
          }
          long first = got > 0 ? times[0] : 0;
          for (int i = 0; i < got; i++) {
            times[i] -= first;
          }
          r = new Recorded(pages, times);
          recorded = r;
        }
      }
    }
    return r;
  }

  private long rateTime(long index) {
    long rate = spec.rateTouchesPerSec();
    return (index / rate) * 1_000_000L + (index % rate) * 1_000_000L / rate;
  }

  /** One pass, rebased to start at 0 and cut at the scenario's end. */
  private final class Cut implements AccessStream {
    private final TraceStream pass;
    private long firstUs = -1;
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
        done = true;
        return 0;
      }
      if (firstUs < 0) {
        firstUs = timesUs[0];
      }
      for (int i = 0; i < n; i++) {
        long t = timesUs[i] - firstUs;
        if (t >= durationUs) {
          done = true;
          return i;
        }
        timesUs[i] = t;
      }
      return n;
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
    private int inPass;
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
          page = memory.pages()[inPass];
          rel = memory.timesUs()[inPass];
        } else {
          if (filePos == fileLen && !fill()) {
            continue;
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
        if (++inPass == footprint.touches()) {
          inPass = 0;
          pass++;
          if (memory == null) {
            closeFile();
          }
        }
      }
      return k;
    }

    /** Reads the next batch of the current pass from the file, opening it at the start of a pass. */
    private boolean fill() {
      if (file == null) {
        file = Traces.open(spec);
        fileFirstUs = -1;
        if (filePages == null) {
          filePages = new int[8192];
          fileTimes = new long[8192];
        }
      }
      fileLen = file.read(filePages, fileTimes, filePages.length);
      filePos = 0;
      if (fileLen == 0) {
        // the file changed under the run: fewer touches than the scan counted
        throw new IllegalStateException(spec.path() + " ended after " + inPass + " touches of a pass, but "
            + footprint.touches() + " were counted before the run: was the file changed?");
      }
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
