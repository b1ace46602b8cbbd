package io.mlproxy.policy;

import io.mlproxy.memory.Memory;
import io.mlproxy.workload.AccessFuture;

/**
 * The upper bound: pages out exactly the resident pages that will not be touched within the
 * horizon (by default the break-even time B), within the same budget as DAMON_RECLAIM.
 *
 * <p>It reads the future from an {@link AccessFuture}: a look-ahead over the very stream the memory
 * replays, or the realised accesses of a rate-based workload. The budget per quota window is
 * DAMON's effective size quota: the size quota, further limited by the time quota at the cost of
 * one pageout. Pages are examined from a rotating cursor so no part of the address space is
 * favoured when the budget runs out, at most {@value #MAX_EXAMINED} per application: on a large
 * node with few idle pages left, a sweep of every page per aggregation would cost more than the
 * rest of the run (the cursor goes on from there at the next application).
 */
public final class OraclePolicy {

  /** Tag carried by pages the oracle paged out (refaults are counted, not attributed). */
  public static final int TAG = -2;
  /** Pages examined per application at most (more than any 8 MiB scenario has, so those examine all). */
  public static final int MAX_EXAMINED = 1 << 16;

  private final Memory memory;
  private final AccessFuture future;
  private final long pagesPerWindow;
  private final long windowUs;
  private long windowStartUs = Long.MIN_VALUE;
  private long usedInWindow;
  private int cursor;

  /**
   * @param quotaBytes size quota per window (DAMON_RECLAIM: 128 MiB)
   * @param quotaMs time quota per window (DAMON_RECLAIM: 10 ms)
   * @param resetIntervalMs the quota window (DAMON_RECLAIM: 1 s)
   */
  public OraclePolicy(Memory memory, AccessFuture future, long quotaBytes, long quotaMs, long resetIntervalMs) {
    if (future.pages() != memory.pages()) {
      throw new IllegalArgumentException(
          "look-ahead covers " + future.pages() + " pages but memory has " + memory.pages());
    }
    if (resetIntervalMs <= 0) {
      throw new IllegalArgumentException("quota reset interval must be > 0 ms, got " + resetIntervalMs);
    }
    this.memory = memory;
    this.future = future;
    long bySize = quotaBytes <= 0 ? Long.MAX_VALUE : quotaBytes / memory.pageSizeBytes();
    long perPageUs = memory.config().pageoutUsPerPage();
    long byTime = quotaMs <= 0 || perPageUs <= 0 ? Long.MAX_VALUE : quotaMs * 1000 / perPageUs;
    this.pagesPerWindow = Math.min(bySize, byTime);
    this.windowUs = resetIntervalMs * 1000;
  }

  /** One application at {@code nowUs}: the future must already be seen from now. */
  public void apply(long nowUs) {
    if (nowUs - windowStartUs >= windowUs || windowStartUs == Long.MIN_VALUE) {
      windowStartUs = nowUs;
      usedInWindow = 0;
    }
    int n = memory.pages();
    int examine = Math.min(n, MAX_EXAMINED);
    for (int k = 0; k < examine && usedInWindow < pagesPerWindow; k++) {
      int p = cursor;
      cursor = cursor + 1 == n ? 0 : cursor + 1;
      if (memory.isResident(p) && !future.touchedWithin(p)) {
        usedInWindow += memory.pageOutIgnoringYoung(p, p + 1, TAG, nowUs);
      }
    }
  }

  /** Pages this policy may page out per quota window. */
  public long pagesPerWindow() {
    return pagesPerWindow;
  }
}
