package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.Lookahead;

/**
 * Cuts an access stream into workload ticks: hands out the touches with time before a tick's end.
 *
 * <p>A plain stream is read in batches (or, when it lends its own buffers, borrowed: see {@link
 * Lending}) and the first touch of the next tick is kept for later; a
 * {@link Lookahead} is asked for exactly the touches before the tick's end, so its notion of "now"
 * (and therefore the oracle's future) never runs ahead of the memory. Batches go into one
 * reusable pair of primitive buffers, so a tick allocates nothing.
 */
final class TickReader implements AutoCloseable {

  /** Receives a run of touches that belong to the current tick (possibly none: from == to). */
  interface TouchBatch {
    void touches(int[] pages, int from, int to);
  }

  /**
   * A stream that lends runs of touches in arrays it owns instead of copying them into the
   * reader's (a {@link CommonStream} reader: its chunks). Such a stream is read either by
   * {@link #lend} or by {@code read}, never both.
   */
  interface Lending {
    /**
     * Points {@code into} at the next run of at least one touch, valid until the next call;
     * returns false at the end of the stream.
     */
    boolean lend(Run into);

    /** Whether {@link #lend} can be used: false for a view of a stream that only copies. */
    default boolean lends() {
      return true;
    }
  }

  /** Touches {@code [from, to)} of {@code pages} and {@code times}, lent by a {@link Lending} stream. */
  static final class Run {
    int[] pages;
    long[] times;
    int from;
    int to;
  }

  private final AccessStream stream;
  private final Lookahead lookahead;
  /** The stream when it lends its runs (no copy per batch), else null. */
  private final Lending lending;
  private final Run run;
  /** The current batch: this reader's own arrays, or the arrays of the run lent last. */
  private int[] pages;
  private long[] times;
  private int pos;
  private int len;
  private boolean ended;

  private TickReader(AccessStream stream, Lookahead lookahead, int batch) {
    this.stream = stream;
    this.lookahead = lookahead;
    this.lending = lookahead == null && stream instanceof Lending l && l.lends() ? l : null;
    this.run = lending == null ? null : new Run();
    if (lending == null) {
      this.pages = new int[batch];
      this.times = new long[batch];
    }
  }

  static TickReader of(AccessStream stream, int batch) {
    return new TickReader(stream, null, batch);
  }

  static TickReader ofLookahead(Lookahead lookahead, int batch) {
    return new TickReader(lookahead, lookahead, batch);
  }

  /** Delivers every touch with time &lt; {@code endUs}; returns how many. */
  long until(long endUs, TouchBatch sink) {
    return lookahead != null ? untilLookahead(endUs, sink) : untilBuffered(endUs, sink);
  }

  private long untilLookahead(long endUs, TouchBatch sink) {
    long delivered = 0;
    int n;
    while ((n = lookahead.readUntil(pages, times, pages.length, endUs)) > 0) {
      sink.touches(pages, 0, n);
      delivered += n;
    }
    return delivered;
  }

  private long untilBuffered(long endUs, TouchBatch sink) {
    long delivered = 0;
    while (true) {
      if (pos == len) {
        if (ended) {
          return delivered;
        }
        if (!nextBatch()) {
          ended = true;
          return delivered;
        }
      }
      int from = pos;
      int to = from;
      while (to < len && times[to] < endUs) {
        to++;
      }
      // an empty run too (a tick with no touch here is rare: a branch for it was compiled as a
      // trap that deoptimised the whole compiled tick when it came)
      sink.touches(pages, from, to);
      delivered += to - from;
      pos = to;
      if (to < len) {
        return delivered;
      }
    }
  }

  /** Reads or borrows the next batch into pages/times[pos, len); false at the end of the stream. */
  private boolean nextBatch() {
    if (lending != null) {
      if (!lending.lend(run)) {
        pos = len;
        return false;
      }
      pages = run.pages;
      times = run.times;
      pos = run.from;
      len = run.to;
      return true;
    }
    len = stream.read(pages, times, pages.length);
    pos = 0;
    return len > 0;
  }

  @Override
  public void close() {
    stream.close();
  }
}
