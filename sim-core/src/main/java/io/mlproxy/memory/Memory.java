package io.mlproxy.memory;

import io.mlproxy.damon.AccessBitSource;
import io.mlproxy.damon.DamosActionTarget;

/**
 * The simulated memory: N pages, C frames of DRAM, per-page residency and accessed bits,
 * direct reclaim (LRU or CLOCK) when a fault finds DRAM full, proactive pageout with decision
 * tags and refault attribution, and a "watch" facility for judging decisions not taken.
 *
 * <p>Per-touch cost: a range check, two bitset updates, two stores into one per-page
 * {@code int[]} slot (last touch, watch), and the policy's hit bookkeeping (LRU: relink in an
 * intrusive list; CLOCK: set a bit). The policy is chosen once per batch, no allocation, no
 * boxing. Faults go out of line.
 *
 * <p>Times kept per page are {@code int} milliseconds of simulated time (valid up to ~24 days),
 * half the memory of {@code long} microseconds and the unit the kernel-side proxy counts in.
 * Not thread-safe: one memory per simulation thread.
 *
 * <p>A rate-based workload replays only faults, outcomes and scans as touches: its
 * {@link LazyAccesses} marks the other accesses when a bit or last touch is read, hits are counted
 * with {@link #countHits}, and direct reclaim uses {@link Eviction#SAMPLED_LRU}.
 */
public final class Memory implements AccessBitSource, DamosActionTarget {

    /** {@link #lastTouchMs} of a page never touched. */
    public static final int NEVER_TOUCHED = -1;
    /** {@link #firstTouchAfterWatch} of a watched page not touched since. */
    public static final int UNTOUCHED_SINCE_WATCH = -1;
    /** {@link #firstTouchAfterWatch} of a page that was never watched. */
    public static final int NOT_WATCHED = -2;

    /** Resident pages drawn per eviction by {@link Eviction#SAMPLED_LRU}. */
    public static final int EVICTION_SAMPLES = 16;

    /**
     * From this many pages (1 GiB of 4 KiB pages) on, {@link #prefetch} loads the pages' state: the
     * lazy accesses' cursors (an int per page) are then a megabyte and more, the bitmaps follow
     * them past the caches as the space grows, and each page a DAMON sample tests is a miss worth
     * overlapping with the others. Below it a sample's pages stay cached and another pass over
     * them would only cost time.
     */
    static final int PREFETCH_FROM_PAGES = 1 << 18;

    private static final byte ABSENT = 0;
    private static final byte RESIDENT = 1;
    private static final byte PAGED_OUT = 2;
    private static final byte EVICTED = 3;

    private final MemoryConfig config;
    private final int pageCount;
    private final int capacity;
    /** Frames usable now: the capacity, or less while a memory-pressure fault holds the rest. */
    private int usable;

    private final long[] resident;
    private final long[] accessed;
    private final long[] recentRefault;
    /** Per-block counts of the resident and recent-refault bits, for DAMON's range counts over large spaces. */
    private final BlockCounts residentBlocks;
    private final BlockCounts refaultBlocks;
    private final byte[] state;
    /** touchInfo[2p] = last touch (ms), touchInfo[2p+1] = first touch after watch (ms) or a watch sentinel. */
    private final int[] touchInfo;
    private final int[] pagedOutTag;

    private final LruList lru;
    private final ClockRing clock;
    /** Draws eviction candidates under {@link Eviction#SAMPLED_LRU}; null otherwise. */
    private final java.util.SplittableRandom evictionSamples;
    private WatchListener watchListener = WatchListener.NONE;
    private LazyAccesses lazy = LazyAccesses.NONE;

    /** What {@link #prefetch} loaded, summed: kept so the loads are not dropped as dead code. */
    private long prefetched;

    private int residentCount;
    private long footprint;
    private long hits;
    private long faults;
    private long firstTouches;
    private long majorFaults;
    private long refaults;
    private long refaultsAfterDirectReclaim;
    private long pagesPagedOut;
    private long directReclaimEvictions;
    /** Proactive reclaim CPU in ns: the time quota is charged from it, as mainline charges the walk's wall time. */
    private long reclaimCpuNs;

    public Memory(MemoryConfig config) {
        this.config = config;
        this.pageCount = config.pages();
        this.capacity = config.capacityPages();
        this.usable = capacity;
        resident = Bits.forBits(pageCount);
        accessed = Bits.forBits(pageCount);
        recentRefault = Bits.forBits(pageCount);
        residentBlocks = new BlockCounts(pageCount);
        refaultBlocks = new BlockCounts(pageCount);
        state = new byte[pageCount];
        touchInfo = new int[2 * pageCount];
        for (int p = 0; p < pageCount; p++) {
            touchInfo[2 * p] = NEVER_TOUCHED;
            touchInfo[2 * p + 1] = NOT_WATCHED;
        }
        pagedOutTag = new int[pageCount];
        lru = config.eviction() == Eviction.LRU ? new LruList(pageCount) : null;
        clock = config.eviction() == Eviction.CLOCK ? new ClockRing(pageCount, Math.min(capacity, pageCount)) : null;
        // a fixed seed: victims differ between variants only through the memory's own state
        evictionSamples = config.eviction() == Eviction.SAMPLED_LRU ? new java.util.SplittableRandom(pageCount) : null;
    }

    public MemoryConfig config() {
        return config;
    }

    /**
     * Limits the usable frames to {@code pages} (a memory-pressure event: another tenant takes the
     * rest), evicting by direct reclaim at once when more are resident; {@code capacityPages()}
     * restores the full capacity.
     */
    public void setUsableCapacity(int pages) {
        if (pages < 1 || pages > capacity) {
            throw new IllegalArgumentException("usable capacity must be in [1, " + capacity + "] pages, got " + pages);
        }
        usable = pages;
        while (residentCount > usable) {
            directReclaimOne();
        }
    }

    /** Frames usable now. */
    public int usableCapacity() {
        return usable;
    }

    /** Sets the listener told about the first touch of each watched page (once, by the engine). */
    public void setWatchListener(WatchListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("watch listener must not be null (use WatchListener.NONE)");
        }
        this.watchListener = listener;
    }

    /**
     * Sets the access-bit oracle of a rate-based workload (once, by the engine, before the first
     * touch); touch-based runs keep {@link LazyAccesses#NONE}.
     */
    public void setLazyAccesses(LazyAccesses accesses) {
        if (accesses == null) {
            throw new IllegalArgumentException("lazy accesses must not be null (use LazyAccesses.NONE)");
        }
        this.lazy = accesses;
    }

    // ------------------------------------------------------------------ touch path

    /** One touch of {@code page} at {@code nowUs}. */
    public void touch(int page, long nowUs) {
        int nowMs = toMs(nowUs);
        if (lru != null) {
            touchLru(page, nowMs, nowUs);
        } else if (clock != null) {
            touchClock(page, nowMs, nowUs);
        } else {
            touchSampled(page, nowMs, nowUs);
        }
    }

    /** Touches {@code pages[from..to)} in order, all at {@code nowUs} (a batch of one workload tick). */
    public void touchAll(int[] pages, int from, int to, long nowUs) {
        if (from < 0 || to > pages.length || from > to) {
            throw new IllegalArgumentException("bad batch range [" + from + ", " + to + ") of " + pages.length);
        }
        int nowMs = toMs(nowUs);
        if (lru != null) {
            int i = from;
            long[] stamps;
            while (i < to && (stamps = lru.stampsOrNull()) != null) {
                i = lruHitsStamped(pages, i, to, nowMs, stamps);
                if (i < to) {
                    // a fault, a watched page's first touch or a bad page number: the general path
                    touchLru(pages[i], nowMs, nowUs);
                    i++;
                }
            }
            for (; i < to; i++) {
                touchLru(pages[i], nowMs, nowUs);
            }
        } else if (clock != null) {
            for (int i = from; i < to; i++) {
                touchClock(pages[i], nowMs, nowUs);
            }
        } else {
            for (int i = from; i < to; i++) {
                touchSampled(pages[i], nowMs, nowUs);
            }
        }
    }

    /**
     * The hits of {@code pages[i..to)} under a stamped LRU list, as {@link #touchLru} does them, up to
     * the first touch that is not a plain hit (a fault, a watched page's first touch, a page out of
     * range); returns the index of that touch, or {@code to}. No call
     * in the loop, so the hit count, the stamp counter and the arrays stay in registers; they are
     * written back before the caller takes the general path for the touch it stopped at.
     */
    private int lruHitsStamped(int[] pages, int i, int to, int nowMs, long[] stamps) {
        long[] acc = accessed;
        long[] res = resident;
        int[] info = touchInfo;
        int n = pageCount;
        long front = lru.front();
        long h = hits;
        for (; i < to; i++) {
            int page = pages[i];
            if (page < 0 || page >= n) {
                break;
            }
            int w = page >>> 6;
            long bit = 1L << page;
            int t = page << 1;
            // One exit, computed without a branch, for a fault (not resident) and for a watched
            // page's first touch: the JIT compiles a branch never taken so far as a trap, and a
            // watched page appears only after the first pageout, so a second branch deoptimised the
            // whole compiled tick (recompiled at 0.2 s of C2 time, run slowly meanwhile) in every run
            // that pages out. (x | -x) >>> 31 is 1 for any x but 0.
            int watch = info[t + 1] - UNTOUCHED_SINCE_WATCH;
            long watchedFirstTouch = ((watch | -watch) >>> 31) ^ 1;
            if (((~res[w] & bit) | watchedFirstTouch) != 0) {
                break;
            }
            acc[w] |= bit;
            info[t] = nowMs;
            h++;
            stamps[page] = ++front;
        }
        hits = h;
        lru.front(front);
        return i;
    }

    private void touchLru(int page, int nowMs, long nowUs) {
        if (recordTouch(page, nowMs)) {
            hits++;
            lru.moveToFront(page);
        } else {
            fault(page, nowUs);
        }
    }

    private void touchClock(int page, int nowMs, long nowUs) {
        if (recordTouch(page, nowMs)) {
            hits++;
            clock.reference(page);
        } else {
            fault(page, nowUs);
        }
    }

    private void touchSampled(int page, int nowMs, long nowUs) {
        if (recordTouch(page, nowMs)) {
            hits++;
        } else {
            fault(page, nowUs);
        }
    }

    /** Sets the accessed bit, last touch and a pending watch; returns whether the page is resident. */
    private boolean recordTouch(int page, int nowMs) {
        if (page < 0 || page >= pageCount) {
            throw new IllegalArgumentException("page " + page + " outside the address space [0, " + pageCount + ")");
        }
        int w = page >>> 6;
        long bit = 1L << page;
        accessed[w] |= bit;
        int t = page << 1;
        touchInfo[t] = nowMs;
        boolean wasResident = (resident[w] & bit) != 0;
        if (touchInfo[t + 1] == UNTOUCHED_SINCE_WATCH) {
            touchInfo[t + 1] = nowMs;
            watchListener.onFirstTouch(page, nowMs, wasResident);
        }
        return wasResident;
    }

    private void fault(int page, long nowUs) {
        faults++;
        byte previous = state[page];
        if (previous == ABSENT) {
            firstTouches++;
            footprint++;
        } else if (previous == PAGED_OUT) {
            majorFaults++;
            refaults++;
            if (!Bits.get(recentRefault, page)) {
                Bits.set(recentRefault, page);
                refaultBlocks.added(page);
            }
        } else {
            majorFaults++;
            refaultsAfterDirectReclaim++;
        }
        while (residentCount >= usable) {
            directReclaimOne();
        }
        state[page] = RESIDENT;
        Bits.set(resident, page);
        residentBlocks.added(page);
        residentCount++;
        if (lru != null) {
            lru.pushFront(page);
        } else if (clock != null) {
            clock.insert(page);
        }
    }

    private void directReclaimOne() {
        int victim = lru != null ? lru.removeTail() : clock != null ? clock.evict() : sampledVictim();
        makeNonResident(victim);
        state[victim] = EVICTED;
        directReclaimEvictions++;
    }

    /**
     * {@link Eviction#SAMPLED_LRU}'s victim: the least recently touched of a few resident pages drawn
     * at random (a random page, or the next resident one after a few misses), ties to the first drawn.
     */
    private int sampledVictim() {
        int victim = -1;
        int oldest = Integer.MAX_VALUE;
        for (int k = 0; k < EVICTION_SAMPLES; k++) {
            int p = evictionSamples.nextInt(pageCount);
            for (int probe = 0; probe < 3 && !Bits.get(resident, p); probe++) {
                p = evictionSamples.nextInt(pageCount);
            }
            if (!Bits.get(resident, p)) {
                int q = nextResident(p, pageCount);
                p = q < pageCount ? q : nextResident(0, p);
            }
            lazy.beforeRead(p);
            int last = Math.max(touchInfo[2 * p], lazy.lastAccessMs(p));
            if (last < oldest || victim < 0) {
                oldest = last;
                victim = p;
            }
        }
        return victim;
    }

    private void makeNonResident(int page) {
        Bits.clear(resident, page);
        residentBlocks.removed(page);
        // the PTE is gone with the page: a stale young bit must not count as a later access
        Bits.clear(accessed, page);
        residentCount--;
        lazy.leftMemory(page);
    }

    // ------------------------------------------------------------------ proactive actions

    /**
     * damon_pa_pageout: walks every page of the range; a resident page that is young (accessed
     * since its bit was last cleared) is only marked old and kept, as mainline's default young
     * filter does, the others are paged out. CPU: the walk costs {@code pageoutScanNsPerPage} per
     * page of the range, each page paged out {@code pageoutUsPerPage} more.
     */
    @Override
    public int pageOut(int startPage, int endPage, int decisionTag, long nowUs) {
        return pageOut(startPage, endPage, decisionTag, nowUs, true);
    }

    /**
     * Pages out every resident page of the range, young or not: the oracle's pageout, which knows
     * the future and needs no second look at the accessed bit. Costs as {@link #pageOut}.
     */
    public int pageOutIgnoringYoung(int startPage, int endPage, int decisionTag, long nowUs) {
        return pageOut(startPage, endPage, decisionTag, nowUs, false);
    }

    private int pageOut(int startPage, int endPage, int decisionTag, long nowUs, boolean youngFilter) {
        checkRange(startPage, endPage);
        int done = 0;
        for (int p = nextResident(startPage, endPage); p < endPage; p = nextResident(p + 1, endPage)) {
            int w = p >>> 6;
            long bit = 1L << p;
            if (youngFilter) {
                lazy.beforeRead(p);
            }
            if (youngFilter && (accessed[w] & bit) != 0) {
                accessed[w] &= ~bit;
                continue;
            }
            removeFromPolicy(p);
            makeNonResident(p);
            state[p] = PAGED_OUT;
            pagedOutTag[p] = decisionTag;
            done++;
        }
        pagesPagedOut += done;
        reclaimCpuNs += (long) (endPage - startPage) * config.pageoutScanNsPerPage()
                + done * config.pageoutUsPerPage() * 1000;
        return done;
    }

    @Override
    public int lruPrio(int startPage, int endPage, long nowUs) {
        checkRange(startPage, endPage);
        int done = 0;
        for (int p = nextResident(startPage, endPage); p < endPage; p = nextResident(p + 1, endPage)) {
            if (lru != null) {
                lru.moveToFront(p);
            } else if (clock != null) {
                clock.reference(p);
            } else {
                touchInfo[2 * p] = Math.max(touchInfo[2 * p], toMs(nowUs));
            }
            done++;
        }
        return done;
    }

    @Override
    public int lruDeprio(int startPage, int endPage, long nowUs) {
        checkRange(startPage, endPage);
        int done = 0;
        for (int p = nextResident(startPage, endPage); p < endPage; p = nextResident(p + 1, endPage)) {
            if (lru != null) {
                lru.moveToBack(p);
            } else if (clock != null) {
                clock.unreference(p);
            } else {
                lazy.beforeRead(p);
                touchInfo[2 * p] = NEVER_TOUCHED;
            }
            done++;
        }
        return done;
    }

    /**
     * Frees the pages of the range (munmap): they leave DRAM and the footprint, and their next
     * touch is a first touch, not a refault.
     */
    public void discard(int startPage, int endPage) {
        checkRange(startPage, endPage);
        for (int p = startPage; p < endPage; p++) {
            byte s = state[p];
            if (s == RESIDENT) {
                removeFromPolicy(p);
                makeNonResident(p);
            }
            if (s != ABSENT) {
                footprint--;
                state[p] = ABSENT;
                if (Bits.get(recentRefault, p)) {
                    Bits.clear(recentRefault, p);
                    refaultBlocks.removed(p);
                }
            }
        }
    }

    private void removeFromPolicy(int page) {
        if (lru != null) {
            lru.remove(page);
        } else if (clock != null) {
            clock.remove(page);
        }
    }

    /** The first resident page in {@code [from, end)}, or {@code end}. */
    private int nextResident(int from, int end) {
        if (from >= end) {
            return end;
        }
        int w = from >>> 6;
        long word = resident[w] & (-1L << from);
        while (word == 0) {
            w++;
            if ((w << 6) >= end) {
                return end;
            }
            word = resident[w];
        }
        int p = (w << 6) + Long.numberOfTrailingZeros(word);
        return Math.min(p, end);
    }

    // ------------------------------------------------------------------ watch and per-page times

    /**
     * Arms a watch on the range: the first touch of each page after now will be recorded and
     * reported to the {@link WatchListener}.
     */
    public void watch(int startPage, int endPage, long nowUs) {
        checkRange(startPage, endPage);
        toMs(nowUs);
        for (int p = startPage; p < endPage; p++) {
            touchInfo[2 * p + 1] = UNTOUCHED_SINCE_WATCH;
            lazy.watched(p);
        }
    }

    /** Disarms the watch of {@code page}: its next touch is neither recorded nor reported. */
    public void unwatch(int page) {
        checkPage(page);
        touchInfo[2 * page + 1] = NOT_WATCHED;
    }

    /** Whether {@code page} was touched since its accessed bit was last cleared (a peek: the bit stays). */
    public boolean isYoung(int page) {
        checkPage(page);
        lazy.beforeRead(page);
        return (accessed[page >>> 6] & (1L << page)) != 0;
    }

    /**
     * Time (ms) of the first touch of {@code page} since its last {@link #watch}, or
     * {@link #UNTOUCHED_SINCE_WATCH} if not touched since, or {@link #NOT_WATCHED}.
     */
    public int firstTouchAfterWatch(int page) {
        checkPage(page);
        return touchInfo[2 * page + 1];
    }

    /** Time (ms) of the last touch of {@code page}, or {@link #NEVER_TOUCHED}. */
    public int lastTouchMs(int page) {
        checkPage(page);
        lazy.beforeRead(page);
        return Math.max(touchInfo[2 * page], lazy.lastAccessMs(page));
    }

    public boolean isResident(int page) {
        checkPage(page);
        return Bits.get(resident, page);
    }

    /** Whether the page is out because proactive reclaim paged it out (its next touch is a refault). */
    public boolean isPagedOut(int page) {
        checkPage(page);
        return state[page] == PAGED_OUT;
    }

    /** Decision tag of the pageout that took this page out, valid while {@link #isPagedOut}. */
    public int pagedOutTag(int page) {
        checkPage(page);
        return pagedOutTag[page];
    }

    public int residentPages() {
        return residentCount;
    }

    /**
     * Records accesses of a resident page that were not replayed as touches (a rate-based
     * workload, through {@link LazyAccesses#beforeRead}): sets its accessed bit and moves its last
     * touch to {@code atMs} if that is later. Counts nothing: such hits are counted with {@link #countHits}.
     */
    public void markAccessed(int page, int atMs) {
        checkPage(page);
        if (!Bits.get(resident, page)) {
            throw new IllegalStateException("page " + page + " is not resident: its accesses are faults, not marks");
        }
        Bits.set(accessed, page);
        int t = page << 1;
        if (touchInfo[t] < atMs) {
            touchInfo[t] = atMs;
        }
    }

    /**
     * Sets the accessed bit of a resident page for accesses not replayed as touches, leaving its
     * last touch to {@link LazyAccesses#lastAccessMs} (the frequent case: a few ticks ago anyway).
     */
    public void markAccessed(int page) {
        checkPage(page);
        if (!Bits.get(resident, page)) {
            throw new IllegalStateException("page " + page + " is not resident: its accesses are faults, not marks");
        }
        Bits.set(accessed, page);
    }

    /** Adds hits of a rate-based workload, counted in expectation rather than touch by touch. */
    public void countHits(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("hits must be >= 0, got " + n);
        }
        hits += n;
    }

    public long footprintPages() {
        return footprint;
    }

    /** Cumulative counters now; subtract an earlier snapshot with {@link MemoryCounters#since}. */
    public MemoryCounters counters() {
        long stallUs = majorFaults * config.faultUs() + directReclaimEvictions * config.directReclaimStallUsPerPage();
        long accessNs = (hits + firstTouches) * config.hitNs();
        return new MemoryCounters(hits + faults, hits, faults, majorFaults, refaults, refaultsAfterDirectReclaim,
                pagesPagedOut, directReclaimEvictions, residentCount, footprint, reclaimCpuNs / 1000, stallUs, accessNs);
    }

    // ------------------------------------------------------------------ AccessBitSource / DamosActionTarget

    @Override
    public int pages() {
        return pageCount;
    }

    @Override
    public void prefetch(int[] pages, int count) {
        if (pageCount < PREFETCH_FROM_PAGES) {
            return;
        }
        long sum = 0;
        for (int i = 0; i < count; i++) {
            int page = pages[i];
            checkPage(page);
            int w = page >>> 6;
            sum += accessed[w] ^ resident[w];
        }
        prefetched = sum;
        lazy.prefetch(pages, count);
    }

    @Override
    public boolean testAndClearAccessed(int page) {
        checkPage(page);
        lazy.beforeRead(page);
        int w = page >>> 6;
        long bit = 1L << page;
        boolean was = (accessed[w] & bit) != 0;
        accessed[w] &= ~bit;
        return was;
    }

    @Override
    public int residentPages(int start, int end) {
        checkRange(start, end);
        return residentBlocks.count(resident, start, end);
    }

    @Override
    public int recentRefaults(int start, int end) {
        checkRange(start, end);
        return refaultBlocks.count(recentRefault, start, end);
    }

    @Override
    public void clearRecentRefaults() {
        refaultBlocks.clearAll(recentRefault);
    }

    @Override
    public int freeMemoryPermille() {
        return (int) Math.max(0, (usable - (long) residentCount) * 1000L / usable);
    }

    @Override
    public long actionCpuNs() {
        return reclaimCpuNs;
    }

    @Override
    public int pageSizeBytes() {
        return config.pageSizeBytes();
    }

    // ------------------------------------------------------------------ checks

    private static int toMs(long nowUs) {
        long ms = nowUs / 1000;
        if (nowUs < 0 || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("nowUs " + nowUs + " outside [0, " + Integer.MAX_VALUE + " ms]");
        }
        return (int) ms;
    }

    private void checkPage(int page) {
        if (page < 0 || page >= pageCount) {
            throw new IllegalArgumentException("page " + page + " outside the address space [0, " + pageCount + ")");
        }
    }

    private void checkRange(int start, int end) {
        if (start < 0 || end > pageCount || start > end) {
            throw new IllegalArgumentException("page range [" + start + ", " + end + ") not within [0, " + pageCount + ")");
        }
    }

    @Override
    public String toString() {
        return "Memory[pages=" + pageCount + ", capacity=" + capacity + ", resident=" + residentCount
                + ", eviction=" + config.eviction() + "]";
    }

    /** For tests: the frames in use never exceed capacity. */
    boolean invariantHolds() {
        return residentCount <= capacity && Bits.count(resident, 0, pageCount) == residentCount;
    }
}
