package io.mlproxy.engine;

import io.mlproxy.memory.LazyAccesses;
import io.mlproxy.memory.Memory;
import io.mlproxy.workload.AccessCursors;
import io.mlproxy.workload.AccessFuture;
import io.mlproxy.workload.AccessPaths;
import io.mlproxy.workload.RateModel;

/**
 * Drives one run's memory from a {@link RateModel} instead of a touch stream: the memory's
 * {@link LazyAccesses}, asked for a page's accesses whenever the memory reads its accessed bit, and
 * the per-tick work that cannot be lazy.
 *
 * <p>Each workload tick delivers, as real touches at the tick's start (what the touch model does
 * with a tick's batch): the accesses of pages whose next access matters (out of DRAM, so it faults
 * and brings the page back; or watched, so it is a decision's outcome), kept in an
 * {@link EventCalendar} at the tick they were drawn for; and the scans' touches of the tick, which
 * follow their exact schedule. Every other access is a hit, counted in expectation (the Poisson
 * patterns' expected touches of the tick minus the accesses delivered as touches) and recorded
 * lazily in the page's accessed bit and last touch. Direct reclaim evicts by
 * {@link io.mlproxy.memory.Eviction#SAMPLED_LRU}, whose candidates' last accesses are asked for here.
 */
final class RateDriver implements LazyAccesses {

  private static final int SCAN_BATCH = 8192;

  private final RateModel model;
  private final AccessCursors cursors;
  private final Memory memory;
  private final long tickUs;
  private final int ticks;
  private final EventCalendar calendar;
  private final int[] scanPages = new int[SCAN_BATCH];
  /** Accesses before this tick are the past: lazily recorded ones are hits. */
  private int nowTick;
  private double expectedPoisson;
  private long deliveredPoisson;
  private long hitsCounted;
  private long calendarEvents;

  /** Drives {@code memory} with the accesses of {@code model} drawn with the replication's workload {@code seed}. */
  RateDriver(RateModel model, long seed, Memory memory) {
    if (model.pages() != memory.pages()) {
      throw new IllegalArgumentException(
          "rate model covers " + model.pages() + " pages but memory has " + memory.pages());
    }
    this.model = model;
    this.cursors = new AccessCursors(new AccessPaths(model, seed));
    this.memory = memory;
    this.tickUs = model.tickUs();
    this.ticks = model.ticks();
    int pages = model.pages();
    // every page is absent at first: its first access is a first touch
    calendar = new EventCalendar(1 << 16);
    boolean scans = model.scanCount() > 0;
    for (int p = 0; p < pages; p++) {
      // a page a scan brings in first needs no first-touch event: its later accesses are hits
      int limit = scans ? (int) Math.min(ticks, model.firstScanTouchUs(p) / tickUs) : ticks;
      int c = cursors.next(p, limit);
      if (c < limit) {
        calendar.append(EventCalendar.entry(c, p));
      }
    }
    calendar.heapify();
    memory.setLazyAccesses(this);
  }

  /**
   * The tick ending at {@code nowUs}: its due accesses and scan touches at the tick's start, then
   * its expected hits. Call once per tick, in order.
   */
  void tick(long nowUs) {
    int j = (int) (nowUs / tickUs) - 1;
    if (j < 0 || j >= ticks) {
      nowTick = Math.min(Math.max(0, j + 1), ticks);
      return;
    }
    nowTick = j;
    long startUs = j * tickUs;
    while (calendar.size() > 0 && EventCalendar.tickOf(calendar.peek()) <= j) {
      long e = calendar.poll();
      int page = EventCalendar.pageOf(e);
      int due = EventCalendar.tickOf(e);
      if (cursors.state(page) != due || !mattersNow(page)) {
        continue; // stale: the page came back (a scan touched it) or is no longer watched
      }
      memory.touch(page, due * tickUs);
      cursors.consume(page, due);
      deliveredPoisson++;
      calendarEvents++;
    }
    deliverScans(startUs, startUs + tickUs);
    expectedPoisson += model.poissonTouchesPerTick(model.epochOf(j));
    long hits = (long) expectedPoisson - deliveredPoisson - hitsCounted;
    if (hits > 0) {
      memory.countHits(hits);
      hitsCounted += hits;
    }
    nowTick = j + 1;
  }

  private boolean mattersNow(int page) {
    return !memory.isResident(page) || memory.firstTouchAfterWatch(page) == Memory.UNTOUCHED_SINCE_WATCH;
  }

  private void deliverScans(long fromUs, long toUs) {
    for (int s = 0; s < model.scanCount(); s++) {
      long first = model.scanTouchesBefore(s, fromUs);
      long end = model.scanTouchesBefore(s, toUs);
      for (long k = first; k < end; ) {
        int n = (int) Math.min(SCAN_BATCH, end - k);
        for (int i = 0; i < n; i++) {
          scanPages[i] = model.scanPage(s, k + i);
        }
        memory.touchAll(scanPages, 0, n, fromUs);
        k += n;
      }
    }
  }

  // ------------------------------------------------------------------ LazyAccesses

  @Override
  public void beforeRead(int page) {
    int last = cursors.sync(page, nowTick);
    if (last != AccessCursors.NONE) {
      if (cursors.lastWasDense()) {
        // accessed every few ticks: its time is worked out again when asked (lastAccessMs), which
        // spares a write to a cold cache line on every one of DAMON's samples
        memory.markAccessed(page);
      } else {
        memory.markAccessed(page, (int) (last * tickUs / 1000));
      }
    }
  }

  @Override
  public void prefetch(int[] pages, int count) {
    cursors.prefetch(pages, count);
  }

  @Override
  public int lastAccessMs(int page) {
    int last = cursors.lastAccessBefore(page, nowTick);
    return last == AccessCursors.NONE ? Memory.NEVER_TOUCHED : (int) (last * tickUs / 1000);
  }

  @Override
  public void leftMemory(int page) {
    // the accesses until now were hits of a resident page; its next one is a fault
    cursors.sync(page, nowTick);
    schedule(page);
  }

  @Override
  public void watched(int page) {
    beforeRead(page);
    schedule(page);
  }

  private void schedule(int page) {
    int c = cursors.next(page);
    if (c < ticks) {
      calendar.add(EventCalendar.entry(c, page));
    }
  }

  // ------------------------------------------------------------------ the oracle's view

  /**
   * What the oracle sees: whether a page is accessed within {@code horizonUs} of now, by its
   * realised accesses or by a scan's schedule.
   */
  AccessFuture future(long horizonUs) {
    long horizonTicks = horizonUs / tickUs;
    boolean scans = model.scanCount() > 0;
    return new AccessFuture() {
      @Override
      public int pages() {
        return model.pages();
      }

      @Override
      public boolean touchedWithin(int page) {
        beforeRead(page);
        long limit = nowTick + horizonTicks;
        return cursors.next(page) <= limit
            || scans && model.nextScanTouchUs(page, nowTick * tickUs) / tickUs <= limit;
      }
    };
  }

  /** Accesses delivered as touches from the calendar (faults and watched pages' outcomes). */
  long calendarEvents() {
    return calendarEvents;
  }
}
