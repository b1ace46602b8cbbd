package io.mlproxy.proxy;

/**
 * The decisions under judgement that the controller's evidence comes from, kept kernel-side in a
 * ring of primitive arrays (integers only; the arrays grow with the ring up to its capacity and are
 * then reused).
 *
 * <p>Each decision covers some pages on which ML and the default either agree or disagree about
 * acting (paging out). A page's value as an action is min(g, W) − B, g the delay until its outcome
 * showed (the page was needed again), B the break-even time, W the judgement window. A page whose
 * outcome has not shown after a time a is worth at least min(a, W) − B and at most W − B, so every
 * decision carries an interval that narrows as outcomes arrive and time passes. Two readings:
 * <ul>
 * <li>Lower bounds, counted from the moment they are known (promotion, and the return from an
 *     unreliable model): the pages of a decision needed again before B form one sample, counted
 *     from their first outcome with their exact (negative) value; the others form a second sample,
 *     counted from when the decision is B old (a page left alone then is worth at least 0) and
 *     gaining while it is in the window: "a page not needed again after t is already worth t − B".
 *     Bad outcomes thus pass through the window when they happen, not a break-even time later.</li>
 * <li>Upper bounds over the decisions of the span, each counted from when it was taken (demotion):
 *     a refault shows within milliseconds, so a model paging out what is in use is caught at once,
 *     while the pages still out count as the best they could turn out to be, so a few early
 *     refaults among many pending page-outs are not mistaken for a bad model.</li>
 * </ul>
 * The sample behind each reading is summarised by {@link PairedEvidence}. Decisions are reported
 * in time order; when the ring is full the oldest is dropped and counted.
 */
final class EvidenceWindow {
    /** The decision's ML opinion acts and the default's does not: its difference is +value. */
    static final byte ML_ACTS = 1;
    /** The default acts and ML does not: −value. */
    static final byte DEFAULT_ACTS = -1;
    /** Both act, or neither: 0. */
    static final byte SAME = 0;
    /** ML had no opinion: only the default's efficiency counts. */
    static final byte ML_ABSTAINED = 2;

    private final long breakEvenMs;
    private final long windowMs;
    private final int capacity;
    /** Physical slots of the arrays: they grow with the ring up to {@code capacity} ({@link RingArrays}). */
    private int slots;
    private long[] id;
    private long[] decidedAtMs;
    private int[] pages;
    private byte[] kind;
    private boolean[] defaultActs;
    /** Pages needed again before B: their sample, and when its first outcome was reported (−1: none). */
    private int[] early;
    private long[] earlyValue;
    private long[] earlyAbs;
    private long[] earlyAtMs;
    /** Pages needed again between B and W (they stay in the decision's second sample). */
    private int[] late;
    private long[] lateValue;
    private long[] lateAbs;
    private int head;
    private int size;
    private long dropped;
    private long lastId = Long.MIN_VALUE;

    /** Sums of one reading, reused (the controller runs under the proxy's lock). */
    private final long[] sums = new long[Sum.COUNT];

    /** Indices into the sums of a reading. */
    private static final class Sum {
        static final int DECISIONS = 0;
        static final int PAGES = 1;
        static final int DIFF = 2;
        static final int DIFF_SQ_OVER_PAGES = 3;
        static final int PAGES_SQ = 4;
        static final int ABS = 5;
        static final int COUNT = 6;
    }

    EvidenceWindow(int capacity, long breakEvenMs, long windowMs) {
        this(capacity, breakEvenMs, windowMs, RingArrays.initialLength(capacity));
    }

    /** A window whose arrays start with {@code initialSlots} (at most {@code capacity}) slots. */
    EvidenceWindow(int capacity, long breakEvenMs, long windowMs, int initialSlots) {
        if (capacity < 1 || breakEvenMs < 0 || windowMs <= breakEvenMs) {
            throw new IllegalArgumentException("evidence window needs capacity >= 1 and W > B >= 0, got " + capacity
                    + ", B=" + breakEvenMs + ", W=" + windowMs);
        }
        this.breakEvenMs = breakEvenMs;
        this.windowMs = windowMs;
        this.capacity = capacity;
        slots = Math.max(1, Math.min(capacity, initialSlots));
        id = new long[slots];
        decidedAtMs = new long[slots];
        pages = new int[slots];
        kind = new byte[slots];
        defaultActs = new boolean[slots];
        early = new int[slots];
        earlyValue = new long[slots];
        earlyAbs = new long[slots];
        earlyAtMs = new long[slots];
        late = new int[slots];
        lateValue = new long[slots];
        lateAbs = new long[slots];
    }

    /** Doubles the slots (up to the capacity), the held decisions first. */
    private void grow() {
        int n = RingArrays.grownLength(slots, capacity);
        id = RingArrays.grow(id, head, size, n);
        decidedAtMs = RingArrays.grow(decidedAtMs, head, size, n);
        pages = RingArrays.grow(pages, head, size, n);
        kind = RingArrays.grow(kind, head, size, n);
        defaultActs = RingArrays.grow(defaultActs, head, size, n);
        early = RingArrays.grow(early, head, size, n);
        earlyValue = RingArrays.grow(earlyValue, head, size, n);
        earlyAbs = RingArrays.grow(earlyAbs, head, size, n);
        earlyAtMs = RingArrays.grow(earlyAtMs, head, size, n);
        late = RingArrays.grow(late, head, size, n);
        lateValue = RingArrays.grow(lateValue, head, size, n);
        lateAbs = RingArrays.grow(lateAbs, head, size, n);
        head = 0;
        slots = n;
    }

    long breakEvenMs() {
        return breakEvenMs;
    }

    long windowMs() {
        return windowMs;
    }

    /** Decisions dropped because the ring was full. */
    long dropped() {
        return dropped;
    }

    /** Decisions held. */
    int size() {
        return size;
    }

    /**
     * Starts judging a decision taken at {@code nowMs}; ids must increase.
     *
     * @param mlActs     ML's opinion acts (null-free: ignored when {@code mlAbstained})
     * @param dfltActs   the default's opinion acts
     */
    void open(long decisionId, long nowMs, int decisionPages, boolean mlAbstained, boolean mlActs, boolean dfltActs) {
        if (decisionId <= lastId) {
            throw new MlLibException(Errno.EINVAL, "estimate_efficiency: decision " + decisionId
                    + " does not follow decision " + lastId);
        }
        if (size > 0 && nowMs < decidedAtMs[(head + size - 1) % slots]) {
            throw new MlLibException(Errno.EINVAL, "estimate_efficiency: time ran backwards");
        }
        if (size == capacity) {
            head = (head + 1) % slots;
            size--;
            dropped++;
        } else if (size == slots) {
            grow();
        }
        int s = (head + size) % slots;
        id[s] = decisionId;
        decidedAtMs[s] = nowMs;
        pages[s] = decisionPages;
        kind[s] = mlAbstained ? ML_ABSTAINED : mlActs == dfltActs ? SAME : mlActs ? ML_ACTS : DEFAULT_ACTS;
        defaultActs[s] = dfltActs;
        early[s] = 0;
        earlyValue[s] = 0;
        earlyAbs[s] = 0;
        earlyAtMs[s] = -1;
        late[s] = 0;
        lateValue[s] = 0;
        lateAbs[s] = 0;
        size++;
        lastId = decisionId;
    }

    /**
     * One page of {@code decisionId} showed its outcome after {@code delayMs}, reported at
     * {@code nowMs}. Returns false when the decision is unknown (never opened, or already expired) or
     * all its pages have shown; a delay of W or more counts as no outcome within the window.
     */
    boolean outcome(long decisionId, long delayMs, long nowMs) {
        int s = find(decisionId);
        if (s < 0 || early[s] + late[s] >= pages[s] || delayMs < 0) {
            return false;
        }
        if (delayMs >= windowMs) {
            return true;
        }
        long v = delayMs - breakEvenMs;
        if (delayMs < breakEvenMs) {
            if (earlyAtMs[s] < 0) {
                earlyAtMs[s] = nowMs;
            }
            early[s]++;
            earlyValue[s] += v;
            earlyAbs[s] -= v;
        } else {
            late[s]++;
            lateValue[s] += v;
            lateAbs[s] += v;
        }
        return true;
    }

    /** Forgets decisions too old for any reading: decided B + span or longer before {@code nowMs}. */
    void expire(long nowMs, long spanMs) {
        long limit = nowMs - breakEvenMs - spanMs;
        while (size > 0 && decidedAtMs[head] <= limit) {
            head = (head + 1) % slots;
            size--;
        }
    }

    /** Lower bounds over the samples that became known in (now − span, now]. */
    PairedEvidence known(long nowMs, long spanMs, int zMilli) {
        java.util.Arrays.fill(sums, 0);
        long after = nowMs - spanMs;
        for (int k = 0; k < size; k++) {
            int s = (head + k) % slots;
            if (decidedAtMs[s] + breakEvenMs <= after && earlyAtMs[s] <= after) {
                continue;
            }
            byte kd = kind[s];
            if (kd == ML_ABSTAINED) {
                continue;
            }
            if (early[s] > 0 && earlyAtMs[s] > after && earlyAtMs[s] <= nowMs) {
                long v = earlyValue[s];
                add(early[s], signed(kd, v), kd == SAME ? 0 : earlyAbs[s]);
            }
            long rest = pages[s] - early[s];
            long maturedAt = decidedAtMs[s] + breakEvenMs;
            if (rest > 0 && maturedAt > after && maturedAt <= nowMs) {
                // the value's lower bound where ML acts, its upper bound where the default acts
                boolean upperValue = kd == DEFAULT_ACTS;
                long v = restValue(s, nowMs, upperValue);
                add(rest, signed(kd, v), kd == SAME ? 0 : restAbs(s, nowMs, upperValue));
            }
        }
        return summary(zMilli);
    }

    /** Upper bounds over the decisions made in (now − span, now], each one sample of all its pages. */
    PairedEvidence recent(long nowMs, long spanMs, int zMilli) {
        java.util.Arrays.fill(sums, 0);
        long after = nowMs - spanMs;
        for (int k = 0; k < size; k++) {
            int s = (head + k) % slots;
            if (decidedAtMs[s] <= after) {
                continue;
            }
            byte kd = kind[s];
            if (kd == ML_ABSTAINED) {
                continue;
            }
            // the value's upper bound where ML acts, its lower bound where the default acts
            boolean upperValue = kd == ML_ACTS;
            long v = Arith.saturatingAdd(earlyValue[s], restValue(s, nowMs, upperValue));
            long abs = Arith.saturatingAdd(earlyAbs[s], restAbs(s, nowMs, upperValue));
            add(pages[s], signed(kd, v), kd == SAME ? 0 : abs);
        }
        return summary(zMilli);
    }

    private static long signed(byte kind, long value) {
        return kind == ML_ACTS ? value : kind == DEFAULT_ACTS ? -value : 0;
    }

    private void add(long m, long diff, long abs) {
        sums[Sum.DECISIONS]++;
        sums[Sum.PAGES] += m;
        sums[Sum.DIFF] = Arith.saturatingAdd(sums[Sum.DIFF], diff);
        sums[Sum.DIFF_SQ_OVER_PAGES] = Arith.saturatingAdd(sums[Sum.DIFF_SQ_OVER_PAGES], Arith.squareOverPages(diff, m));
        sums[Sum.PAGES_SQ] = Arith.saturatingAdd(sums[Sum.PAGES_SQ], m * m);
        sums[Sum.ABS] = Arith.saturatingAdd(sums[Sum.ABS], abs);
    }

    private PairedEvidence summary(int zMilli) {
        return PairedEvidence.of(sums[Sum.DECISIONS], sums[Sum.PAGES], sums[Sum.DIFF], sums[Sum.DIFF_SQ_OVER_PAGES],
                sums[Sum.PAGES_SQ], sums[Sum.ABS], zMilli);
    }

    /**
     * The lower-bound value of each source's opinion over the samples known in the span, for
     * reports: {mlPages, mlValue, defaultPages, defaultValue}.
     */
    long[] efficiency(long nowMs, long spanMs) {
        long[] e = new long[4];
        long after = nowMs - spanMs;
        for (int k = 0; k < size; k++) {
            int s = (head + k) % slots;
            boolean mlActs = kind[s] == ML_ACTS || kind[s] == SAME && defaultActs[s];
            if (early[s] > 0 && earlyAtMs[s] > after && earlyAtMs[s] <= nowMs) {
                account(e, s, early[s], earlyValue[s], mlActs);
            }
            long rest = pages[s] - early[s];
            long maturedAt = decidedAtMs[s] + breakEvenMs;
            if (rest > 0 && maturedAt > after && maturedAt <= nowMs) {
                account(e, s, rest, restValue(s, nowMs, false), mlActs);
            }
        }
        return e;
    }

    private void account(long[] e, int s, long m, long v, boolean mlActs) {
        e[2] += m;
        e[3] = Arith.saturatingAdd(e[3], defaultActs[s] ? v : 0);
        if (kind[s] != ML_ABSTAINED) {
            e[0] += m;
            e[1] = Arith.saturatingAdd(e[1], mlActs ? v : 0);
        }
    }

    /** Σ over the decision's pages not needed again before B of their value's lower (or upper) bound now. */
    private long restValue(int s, long nowMs, boolean upperBound) {
        long open = pages[s] - early[s] - late[s];
        return Arith.saturatingAdd(lateValue[s], Arith.saturatingMul(open, openValue(s, nowMs, upperBound)));
    }

    private long restAbs(int s, long nowMs, boolean upperBound) {
        long open = pages[s] - early[s] - late[s];
        return Arith.saturatingAdd(lateAbs[s], Arith.saturatingMul(open, Math.abs(openValue(s, nowMs, upperBound))));
    }

    /** A page with no outcome yet: at least min(age, W) − B, at most W − B. */
    private long openValue(int s, long nowMs, boolean upperBound) {
        if (upperBound) {
            return windowMs - breakEvenMs;
        }
        return Math.min(Math.max(0, nowMs - decidedAtMs[s]), windowMs) - breakEvenMs;
    }

    /** The slot of a decision, or −1; ids increase along the ring. */
    private int find(long decisionId) {
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = id[(head + mid) % slots];
            if (v < decisionId) {
                lo = mid + 1;
            } else if (v > decisionId) {
                hi = mid - 1;
            } else {
                return (head + mid) % slots;
            }
        }
        return -1;
    }
}
