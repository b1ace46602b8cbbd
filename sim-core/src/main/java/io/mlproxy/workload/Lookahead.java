package io.mlproxy.workload;

/**
 * Wraps any {@link AccessStream} and exposes its near future: for a horizon H it keeps, per page, the
 * number of touches in the window (now, now+H] and the time of the page's next touch, which is what
 * an oracle (Belady-like) policy and the break-even horizon need. The consumer reads touches through
 * this object, so the oracle and the replay see the very same touches.
 *
 * <p>"now" is the later of the last delivered touch's time and the last {@link #advanceTo} time; the
 * window is every touch not yet delivered whose time is at most now+H (undelivered touches at time
 * now are still the future of the consumer). Read-ahead touches sit in a ring buffer (page, time, and
 * the distance to the same page's next touch in the ring), so queries are O(1) and nothing is
 * allocated per touch. The ring is made of blocks of 2^{@value #BLOCK_SHIFT} touches, taken as the window
 * grows and reused as it moves on: it needs about 16 bytes per touch within the horizon (plus 24
 * bytes per page), never copies itself to grow, and none of its arrays is large enough to be a
 * humongous object for the collector.
 */
public final class Lookahead implements AccessStream {
    /** {@link #nextTouchUs} of a page not touched within the window. */
    public static final long NO_TOUCH = Long.MAX_VALUE;

    private static final int BATCH = 4096;
    private static final int MAX_CAPACITY = 1 << 30;
    /** log2 of the touches per block of the ring: 32,768 touches, 512 KiB of arrays. */
    static final int BLOCK_SHIFT = 15;
    private final int blockShift;
    private final int block;
    private final int inBlock;

    private final AccessStream source;
    private final long horizonUs;
    private final int pages;

    /**
     * Per page, interleaved so one touch costs one cache miss, not three: [3p] touches in the window,
     * [3p+1] / [3p+2] ring sequence number of the page's first / last undelivered read-ahead touch (-1 if none).
     */
    private final long[] pageState;

    /** Block b of the ring holds the touches with sequence numbers s where (s >>> blockShift) & blockMask == b. */
    private int[][] ringPage;
    private long[][] ringTime;
    /** Sequence distance to the next touch of the same page in the ring, 0 if none yet. */
    private int[][] ringNext;
    private int blockMask;
    /** Blocks the head has left, kept for the tail: [0] pages, [1] times, [2] next. */
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
        if (pages > (Integer.MAX_VALUE - 8) / 3) {
            throw new IllegalArgumentException("source.pages() must be <= " + (Integer.MAX_VALUE - 8) / 3
                    + " for a look-ahead, was " + pages);
        }
        this.pageState = new long[3 * pages];
        for (int p = 0; p < pages; p++) {
            pageState[3 * p + 1] = -1L;
            pageState[3 * p + 2] = -1L;
        }
        int blocks = 4;
        ringPage = new int[blocks][];
        ringTime = new long[blocks][];
        ringNext = new int[blocks][];
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

    /** Whether {@code page} is touched in the window (now, now+H]. */
    public boolean touchedWithin(int page) {
        return pageState[3 * page] > 0;
    }

    /** How many times {@code page} is touched in the window. */
    public int touchesWithin(int page) {
        return (int) pageState[3 * page];
    }

    /** Time of the next undelivered touch of {@code page} if it lies in the window, else {@link #NO_TOUCH}. */
    public long nextTouchUs(int page) {
        long s = pageState[3 * page + 1];
        if (s < 0 || s >= windowEnd) {
            return NO_TOUCH;
        }
        return time(s);
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
        // past now+H unless the source has ended, so head == tail means the stream is over
        while (n < max && head < tail) {
            int b = (int) (head >>> blockShift) & blockMask;
            int slot = (int) head & inBlock;
            long t = ringTime[b][slot];
            if (t >= endUs) {
                break;
            }
            if (t > nowUs) {
                nowUs = t;
                extendWindow();
            }
            int page = ringPage[b][slot];
            pageOut[n] = page;
            timeOut[n] = t;
            n++;
            int at = 3 * page;
            pageState[at]--;
            int next = ringNext[b][slot];
            pageState[at + 1] = next == 0 ? -1L : head + next;
            if (pageState[at + 2] == head) {
                pageState[at + 2] = -1L;
            }
            head++;
            if ((head & inBlock) == 0) {
                releaseBlock(b);
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
            if (ringTime[b][slot] > limit) {
                return;
            }
            pageState[3 * ringPage[b][slot]]++;
            windowEnd++;
        }
    }

    /** Reads one batch from the source into the ring; false if the source has ended. */
    private boolean fill() {
        int k = source.read(batchPages, batchTimes, BATCH);
        if (k == 0) {
            sourceDone = true;
            return false;
        }
        for (int i = 0; i < k; i++) {
            int page = batchPages[i];
            long t = batchTimes[i];
            if (page < 0 || page >= pages) {
                throw new IllegalStateException("source yielded page " + page + " outside [0, " + pages + ")");
            }
            if (t < lastSourceTimeUs) {
                throw new IllegalStateException("source time went backwards: " + t + " after " + lastSourceTimeUs);
            }
            lastSourceTimeUs = t;
            append(page, t);
        }
        return true;
    }

    private void append(int page, long t) {
        int b = (int) (tail >>> blockShift) & blockMask;
        int slot = (int) tail & inBlock;
        if (slot == 0) {
            b = takeBlock();
        }
        ringPage[b][slot] = page;
        ringTime[b][slot] = t;
        ringNext[b][slot] = 0;
        int at = 3 * page;
        long last = pageState[at + 2];
        if (last >= 0) {
            ringNext[(int) (last >>> blockShift) & blockMask][(int) last & inBlock] = (int) (tail - last);
        } else {
            pageState[at + 1] = tail;
        }
        pageState[at + 2] = tail;
        tail++;
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
            ringNext[b] = (int[]) free[2];
        } else {
            ringPage[b] = new int[block];
            ringTime[b] = new long[block];
            ringNext[b] = new int[block];
        }
        return b;
    }

    /** The head has left block {@code b}: keep its arrays for the tail. */
    private void releaseBlock(int b) {
        if (ringPage[b] == null) {
            return;
        }
        freeBlocks.push(new Object[] {ringPage[b], ringTime[b], ringNext[b]});
        ringPage[b] = null;
        ringTime[b] = null;
        ringNext[b] = null;
    }

    /** Doubles the block table, moving each block to its index under the new mask. */
    private void growTable() {
        int blocks = ringPage.length;
        if ((long) blocks * block >= MAX_CAPACITY) {
            throw new IllegalStateException("look-ahead horizon of " + horizonUs + " µs holds more than 2^30 touches");
        }
        int[][] p = new int[blocks * 2][];
        long[][] t = new long[blocks * 2][];
        int[][] nx = new int[blocks * 2][];
        int newMask = blocks * 2 - 1;
        for (long blk = head >>> blockShift; blk < tail >>> blockShift || blk == head >>> blockShift; blk++) {
            int from = (int) blk & blockMask;
            int to = (int) blk & newMask;
            p[to] = ringPage[from];
            t[to] = ringTime[from];
            nx[to] = ringNext[from];
        }
        ringPage = p;
        ringTime = t;
        ringNext = nx;
        blockMask = newMask;
    }

    @Override
    public void close() {
        source.close();
        // the ring is the biggest thing a run holds (16 bytes per touch of the horizon): let it go
        freeBlocks.clear();
        java.util.Arrays.fill(ringPage, null);
        java.util.Arrays.fill(ringTime, null);
        java.util.Arrays.fill(ringNext, null);
        head = tail;
        windowEnd = tail;
        sourceDone = true;
    }
}
