package io.mlproxy.proxy;

import java.util.OptionalLong;

/**
 * An installed, validated recommendation: region hints as primitive arrays sorted by start page,
 * parameter hints, and when it was installed. Immutable except for the per-hint "used" marks the hot
 * path sets; published to the hot path through one volatile field, so a reader sees a whole table.
 */
public final class HintTable {
    final long generation;
    final long datasetTimestampMs;
    final long installedAtMs;
    final long[] starts;
    final long[] ends;
    final int[] actions;
    final int[] confidences;
    final String[] knobNames;
    final long[] knobValues;
    private final Recommendation source;
    /**
     * Hot-path copy of the hints, {@value #SLOTS} longs per hint so that a hit reads one or two
     * adjacent cache lines of one page: {@code slots[3i]} = start, {@code slots[3i + 1]} = end and
     * {@code slots[3i + 2]} = an int of action (bits 0-15), confidence per mille (bits 16-30) and the
     * "used" mark (bit 31). The mark is the only mutable part: decisions that used hint i set it, and
     * racing writers only ever write the same value, so the races are benign.
     */
    final long[] slots;
    static final int SLOTS = 3;
    /** Bucket index: {@code index[b]} = first hint whose end lies beyond the start of bucket b. */
    private final int[] index;
    /** Buckets are 2^shift pages wide, counted from {@link #base}. */
    private final int shift;
    /** Start of the first hint (bucket 0 starts here). */
    private final long base;
    /** End of the last hint; no page at or above it is inside a hint. */
    private final long limit;

    static final int USED_BIT = 1 << 31;
    static final int ACTION_MASK = 0xFFFF;
    static final int CONFIDENCE_SHIFT = 16;
    static final int CONFIDENCE_MASK = 0x7FFF;
    /** Most buckets per hint: the index costs at most 8 bytes per hint (small, so it stays cached). */
    private static final int BUCKETS_PER_HINT = 2;
    /** Longest forward scan within a bucket before the lookup switches to a binary search. */
    private static final int SCAN_LIMIT = 8;

    HintTable(Recommendation r, long datasetTimestampMs, long installedAtMs) {
        this.generation = r.generation;
        this.datasetTimestampMs = datasetTimestampMs;
        this.installedAtMs = installedAtMs;
        this.starts = r.starts;
        this.ends = r.ends;
        this.actions = r.actions;
        this.confidences = r.confidences;
        this.knobNames = r.knobNames;
        this.knobValues = r.knobValues;
        this.source = r;
        int n = r.starts.length;
        long[] sl = new long[SLOTS * n];
        for (int i = 0; i < n; i++) {
            sl[SLOTS * i] = r.starts[i];
            sl[SLOTS * i + 1] = r.ends[i];
            // a validated message has actions 0..MAX_CODE and confidences 0..1000: both fit their bits
            sl[SLOTS * i + 2] = r.actions[i] & ACTION_MASK | (r.confidences[i] & CONFIDENCE_MASK) << CONFIDENCE_SHIFT;
        }
        this.slots = sl;
        if (n == 0) {
            this.base = 0;
            this.limit = 0;
            this.shift = 0;
            this.index = new int[] {0, 0};
            return;
        }
        this.base = r.starts[0];
        this.limit = r.ends[n - 1];
        long span = limit - base; // > 0: hints are non-empty, sorted and non-overlapping, starts >= 0
        long maxBuckets = (long) BUCKETS_PER_HINT * n;
        int k = 0;
        while (((span - 1) >>> k) + 1 > maxBuckets) {
            k++;
        }
        this.shift = k;
        int buckets = (int) (((span - 1) >>> k) + 1);
        int[] idx = new int[buckets + 1];
        int j = 0;
        for (int b = 0; b < buckets; b++) {
            long bucketStart = base + ((long) b << k); // < limit, so no overflow
            while (sl[SLOTS * j + 1] <= bucketStart) {
                j++; // terminates: the last hint ends at limit > bucketStart
            }
            idx[b] = j;
        }
        idx[buckets] = n;
        this.index = idx;
    }

    /**
     * Index of the hint containing {@code page}, or -1 when the page lies in no hint. O(1): the
     * bucket of the page gives the first candidate hint, then a short forward scan (a binary search
     * when one bucket holds many small hints). Hints are sorted and disjoint, so their ends ascend
     * too, and the first hint ending beyond the page is the only one that can contain it.
     */
    int lookup(long page) {
        if (page < base || page >= limit) {
            return -1;
        }
        int b = (int) ((page - base) >>> shift);
        long[] sl = slots;
        int j = index[b];
        int hi = index[b + 1]; // the answer lies in [j, hi], and below n because page < limit
        if (hi - j > SCAN_LIMIT) {
            while (j < hi) {
                int mid = (j + hi) >>> 1;
                if (sl[SLOTS * mid + 1] <= page) {
                    j = mid + 1;
                } else {
                    hi = mid;
                }
            }
        } else {
            while (sl[SLOTS * j + 1] <= page) {
                j++;
            }
        }
        return sl[SLOTS * j] <= page ? j : -1;
    }

    /** Dataset generation the table answers. */
    public long generation() {
        return generation;
    }

    /** When the dataset this table answers was prepared (the age of its knowledge starts there). */
    public long datasetTimestampMs() {
        return datasetTimestampMs;
    }

    /** When the table was installed. */
    public long installedAtMs() {
        return installedAtMs;
    }

    /** Number of region hints. */
    public int size() {
        return starts.length;
    }

    /** The validated message this table was installed from: its region and parameter hints. */
    public Recommendation hints() {
        return source;
    }

    /** Number of region hints used by at least one decision so far. */
    public int usedCount() {
        int n = 0;
        for (int i = SLOTS - 1; i < slots.length; i += SLOTS) {
            n += (int) slots[i] >>> 31;
        }
        return n;
    }

    /** The recommended value of a knob (linear scan; not for the hot path). */
    public OptionalLong param(String name) {
        for (int i = 0; i < knobNames.length; i++) {
            if (knobNames[i].equals(name)) {
                return OptionalLong.of(knobValues[i]);
            }
        }
        return OptionalLong.empty();
    }
}
