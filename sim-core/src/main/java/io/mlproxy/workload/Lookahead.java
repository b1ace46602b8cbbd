package io.mlproxy.workload;

/**
 * Wraps any {@link AccessStream} and exposes its near future: for a horizon H it tells whether a
 * page is touched in the window of touches not yet delivered whose time is at most now+H, which is
 * what an oracle (Belady-like) policy needs. The consumer reads touches through this object, so
 * the oracle and the replay see the very same touches.
 *
 * <p>"now" is the later of the last delivered touch's time and the last {@link #advanceTo} time;
 * undelivered touches at time now are still the future of the consumer. Read-ahead touches sit in
 * a ring buffer (page and time) under sequence numbers: the head (next to deliver), the window's end
 * (first touch later than now+H) and the tail (first not yet read). Per page it keeps only the
 * sequence number of its latest touch before the window's end: the page is touched within the
 * window exactly when that touch is not yet delivered. So a touch costs one store when the window
 * passes it and nothing when it is delivered (no per-page counts, no links between a page's
 * touches: those cost the oracle two thirds of its run time), queries are O(1), and nothing is
 * allocated per touch. The ring is made of blocks of 2^{@value #BLOCK_SHIFT} touches, taken as the
 * window grows and reused as it moves on: it needs 12 bytes per touch within the horizon (plus 8
 * bytes per page), never copies itself to grow, and none of its arrays is large enough to be a
 * humongous object for the collector.
 */
public final class Lookahead implements AccessStream, AccessFuture {
    /** {@link #peekTimeUs} at the end of the stream. */
    public static final long NO_TOUCH = Long.MAX_VALUE;

    private static final int BATCH = 4096;
    private static final int MAX_CAPACITY = 1 << 30;
    /** log2 of the touches per block of the ring: 32,768 touches, 384 KiB of arrays. */
    static final int BLOCK_SHIFT = 15;
    private final int blockShift;
    private final int block;
    private final int inBlock;

    private final AccessStream source;
    private final long horizonUs;
    private final int pages;

    /** Per page, the sequence number of its latest touch before {@link #windowEnd}, -1 if none. */
    private final long[] latestInWindow;

    /** Block b of the ring holds the touches with sequence numbers s where (s >>> blockShift) & blockMask == b. */
    private int[][] ringPage;
    private long[][] ringTime;
    private int blockMask;
    /** Blocks the head has left, kept for the tail: [0] pages, [1] times. */
    private final java.util.ArrayDeque<Object[]> freeBlocks = new java.util.ArrayDeque<>();

    private long head;
    private long windowEnd;
    private long tail;

    private long nowUs;
    private long lastSourceTimeUs;
    private boolean sourceDone;
    private final int[] batchPages = new int[BATCH];
    private final long[] batchTimes = new long[BATCH];

    /**
     * @param source the stream to look into; this object owns it from now on (closing closes it)
     * @param horizonUs the horizon H, microseconds, &ge; 0
     */
    public Lookahead(AccessStream source, long horizonUs) {
        this(source, horizonUs, BLOCK_SHIFT);
    }

    /** As above with blocks of 2^{@code blockShift} touches (small blocks let tests cross many). */
    Lookahead(AccessStream source, long horizonUs, int blockShift) {
        if (blockShift < 1 || blockShift > 20) {
            throw new IllegalArgumentException("blockShift must be in [1, 20], was " + blockShift);
        }
        this.blockShift = blockShift;
        this.block = 1 << blockShift;
        this.inBlock = block - 1;
        if (horizonUs < 0) {
            throw new IllegalArgumentException("horizonUs must be >= 0, was " + horizonUs);
        }
        this.source = source;
        this.horizonUs = horizonUs;
        this.pages = source.pages();
        this.latestInWindow = new long[pages];
        java.util.Arrays.fill(latestInWindow, -1L);
        int blocks = 4;
        ringPage = new int[blocks][];
        ringTime = new long[blocks][];
        blockMask = blocks - 1;
        extendWindow();
    }

    @Override
    public int pages() {
        return pages;
    }

    public long horizonUs() {
        return horizonUs;
    }

    /** The consumer's current time (see the class comment). */
    public long nowUs() {
        return nowUs;
    }

    /** Moves now forward to {@code timeUs} (no effect if it is not later), extending the window. */
    public void advanceTo(long timeUs) {
        if (timeUs > nowUs) {
            nowUs = timeUs;
            extendWindow();
        }
    }

    /** Whether {@code page} is touched in the window (see the class comment). */
    @Override
    public boolean touchedWithin(int page) {
        return latestInWindow[page] >= head;
    }

    /** Time of the next touch to be delivered, or {@link #NO_TOUCH} at the end of the stream. */
    public long peekTimeUs() {
        return head < tail ? time(head) : NO_TOUCH;
    }

    /** Touches delivered so far. */
    public long delivered() {
        return head;
    }

    @Override
    public int read(int[] pageOut, long[] timeOut, int max) {
        return readUntil(pageOut, timeOut, max, Long.MAX_VALUE);
    }

    /**
     * Delivers up to {@code max} touches with time &lt; {@code endUs}; returns how many (0 when the next
     * touch is at or after endUs, or at the end of the stream: see {@link #peekTimeUs}).
     */
    public int readUntil(int[] pageOut, long[] timeOut, int max, long endUs) {
        int n = 0;
        // invariant: the window holds every read-ahead touch with time <= now+H and the ring extends
        // past now+H unless the source has ended, so head == tail means the stream is over. Touches
        // go out a run at a time (up to the end of the head's block): the window depends only on
        // now, so extending it once per run to the run's last time ends in the same state as
        // extending it per touch.
        while (n < max && head < tail) {
            int b = (int) (head >>> blockShift) & blockMask;
            int slot = (int) head & inBlock;
            int[] pagesOfBlock = ringPage[b];
            long[] timesOfBlock = ringTime[b];
            int end = (int) Math.min(Math.min(block, slot + (long) (max - n)), slot + (tail - head));
            int to = slot;
            while (to < end && timesOfBlock[to] < endUs) {
                to++;
            }
            if (to == slot) {
                break;
            }
            long last = timesOfBlock[to - 1];
            if (last > nowUs) {
                // before the head moves on: the block it leaves stays taken while the ring grows
                nowUs = last;
                extendWindow();
            }
            int count = to - slot;
            System.arraycopy(pagesOfBlock, slot, pageOut, n, count);
            System.arraycopy(timesOfBlock, slot, timeOut, n, count);
            n += count;
            head += count;
            if ((head & inBlock) == 0) {
                // the block's index, not b: the extension may have doubled the block table
                releaseBlock((int) ((head - 1) >>> blockShift) & blockMask);
            }
        }
        return n;
    }

    private void extendWindow() {
        long limit = nowUs > Long.MAX_VALUE - horizonUs ? Long.MAX_VALUE : nowUs + horizonUs;
        while (true) {
            if (windowEnd == tail) {
                if (sourceDone || !fill()) {
                    return;
                }
            }
            int b = (int) (windowEnd >>> blockShift) & blockMask;
            int slot = (int) windowEnd & inBlock;
            int[] pagesOfBlock = ringPage[b];
            long[] timesOfBlock = ringTime[b];
            int end = (int) Math.min(block, slot + (tail - windowEnd));
            long first = windowEnd - slot;
            int s = slot;
            while (s < end && timesOfBlock[s] <= limit) {
                latestInWindow[pagesOfBlock[s]] = first + s;
                s++;
            }
            windowEnd = first + s;
            if (s < end) {
                return;
            }
        }
    }

    /** Reads one batch from the source into the ring; false if the source has ended. */
    private boolean fill() {
        int k = source.read(batchPages, batchTimes, BATCH);
        if (k == 0) {
            sourceDone = true;
            return false;
        }
        long previous = lastSourceTimeUs;
        for (int i = 0; i < k; i++) {
            int page = batchPages[i];
            long t = batchTimes[i];
            if (page < 0 || page >= pages) {
                throw new IllegalStateException("source yielded page " + page + " outside [0, " + pages + ")");
            }
            if (t < previous) {
                throw new IllegalStateException("source time went backwards: " + t + " after " + previous);
            }
            previous = t;
        }
        lastSourceTimeUs = previous;
        for (int from = 0; from < k; ) {
            int slot = (int) tail & inBlock;
            int b = slot == 0 ? takeBlock() : (int) (tail >>> blockShift) & blockMask;
            int count = Math.min(k - from, block - slot);
            System.arraycopy(batchPages, from, ringPage[b], slot, count);
            System.arraycopy(batchTimes, from, ringTime[b], slot, count);
            tail += count;
            from += count;
        }
        return true;
    }

    /** Time of the read-ahead touch with sequence number {@code s}. */
    private long time(long s) {
        return ringTime[(int) (s >>> blockShift) & blockMask][(int) s & inBlock];
    }

    /**
     * Makes room for the block the tail enters and returns its index: a block the head left if
     * there is one, else a new one; the block table doubles when the ring spans all its blocks.
     */
    private int takeBlock() {
        long firstBlock = head >>> blockShift;
        long tailBlock = tail >>> blockShift;
        if (tailBlock - firstBlock >= ringPage.length) {
            growTable();
        }
        int b = (int) tailBlock & blockMask;
        Object[] free = freeBlocks.poll();
        if (free != null) {
            ringPage[b] = (int[]) free[0];
            ringTime[b] = (long[]) free[1];
        } else {
            ringPage[b] = new int[block];
            ringTime[b] = new long[block];
        }
        return b;
    }

    /** The head has left block {@code b}: keep its arrays for the tail. */
    private void releaseBlock(int b) {
        if (ringPage[b] == null) {
            return;
        }
        freeBlocks.push(new Object[] {ringPage[b], ringTime[b]});
        ringPage[b] = null;
        ringTime[b] = null;
    }

    /** Doubles the block table, moving each block to its index under the new mask. */
    private void growTable() {
        int blocks = ringPage.length;
        if ((long) blocks * block >= MAX_CAPACITY) {
            throw new IllegalStateException("look-ahead horizon of " + horizonUs + " µs holds more than 2^30 touches");
        }
        int[][] p = new int[blocks * 2][];
        long[][] t = new long[blocks * 2][];
        int newMask = blocks * 2 - 1;
        for (long blk = head >>> blockShift; blk < tail >>> blockShift || blk == head >>> blockShift; blk++) {
            int from = (int) blk & blockMask;
            int to = (int) blk & newMask;
            p[to] = ringPage[from];
            t[to] = ringTime[from];
        }
        ringPage = p;
        ringTime = t;
        blockMask = newMask;
    }

    @Override
    public void close() {
        source.close();
        // the ring is the biggest thing a run holds (12 bytes per touch of the horizon): let it go
        freeBlocks.clear();
        java.util.Arrays.fill(ringPage, null);
        java.util.Arrays.fill(ringTime, null);
        head = tail;
        windowEnd = tail;
        sourceDone = true;
    }
}
