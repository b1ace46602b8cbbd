package io.mlproxy.engine;

import io.mlproxy.workload.AccessStream;

/**
 * Cuts an access stream into workload ticks: hands out the touches with time before a tick's end,
 * keeping the first touch of the next tick for later.
 *
 * <p>Batches go into one reusable pair of primitive buffers, so a tick allocates nothing.
 */
final class TickReader {

  private final AccessStream stream;
  private final int[] pages;
  private final long[] times;
  private int pos;
  private int len;
  private boolean ended;

  TickReader(AccessStream stream, int batch) {
    this.stream = stream;
    this.pages = new int[batch];
    this.times = new long[batch];
  }

  /** Receives a run of touches that belong to the current tick. */
  interface TouchBatch {
    void touches(int[] pages, int from, int to);
  }

  /** Delivers every touch with time &lt; {@code endUs}; returns how many. */
  long until(long endUs, TouchBatch sink) {
    long delivered = 0;
    while (true) {
      if (pos == len) {
        if (ended) {
          return delivered;
        }
        len = stream.read(pages, times, pages.length);
        pos = 0;
        if (len == 0) {
          ended = true;
          return delivered;
        }
      }
      int from = pos;
      int to = from;
      while (to < len && times[to] < endUs) {
        to++;
      }
      if (to > from) {
        sink.touches(pages, from, to);
        delivered += to - from;
        pos = to;
      }
      if (to < len) {
        return delivered;
      }
    }
  }

  /** Whether the stream has no more touches. */
  boolean ended() {
    return ended && pos == len;
  }
}
