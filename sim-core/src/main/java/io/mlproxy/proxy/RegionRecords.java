package io.mlproxy.proxy;

import java.util.Arrays;

/**
 * Growable column store of dataset regions (primitive arrays, one per field); the
 * {@link DatasetWriter} the subsystem fills, and what {@link DatasetCodec#decode} returns.
 */
public final class RegionRecords implements DatasetWriter {
    /** Capacity of an empty store: DAMON's default min_nr_regions is 10, its max 1,000. */
    static final int DEFAULT_CAPACITY = 64;

    private int size;
    private long[] start;
    private long[] end;
    private int[] nrAccesses;
    private int[] lastNrAccesses;
    private int[] age;
    private int[] residentPermille;
    private int[] recentRefaults;

    /** An empty store. */
    public RegionRecords() {
        this(DEFAULT_CAPACITY);
    }

    /** An empty store with room for {@code capacity} regions before it grows. */
    RegionRecords(int capacity) {
        int c = Math.max(1, capacity);
        start = new long[c];
        end = new long[c];
        nrAccesses = new int[c];
        lastNrAccesses = new int[c];
        age = new int[c];
        residentPermille = new int[c];
        recentRefaults = new int[c];
    }

    @Override
    public void region(long startPage, long endPage, int nrAccesses, int lastNrAccesses, int age,
                       int residentPermille, int recentRefaults) {
        if (size == start.length) {
            int n = size + (size >> 1) + 16;
            start = Arrays.copyOf(start, n);
            end = Arrays.copyOf(end, n);
            this.nrAccesses = Arrays.copyOf(this.nrAccesses, n);
            this.lastNrAccesses = Arrays.copyOf(this.lastNrAccesses, n);
            this.age = Arrays.copyOf(this.age, n);
            this.residentPermille = Arrays.copyOf(this.residentPermille, n);
            this.recentRefaults = Arrays.copyOf(this.recentRefaults, n);
        }
        start[size] = startPage;
        end[size] = endPage;
        this.nrAccesses[size] = nrAccesses;
        this.lastNrAccesses[size] = lastNrAccesses;
        this.age[size] = age;
        this.residentPermille[size] = residentPermille;
        this.recentRefaults[size] = recentRefaults;
        size++;
    }

    /** Number of regions. */
    public int size() {
        return size;
    }

    /** First page of region i. */
    public long startPage(int i) {
        return start[check(i)];
    }

    /** Exclusive end page of region i. */
    public long endPage(int i) {
        return end[check(i)];
    }

    /** nr_accesses of region i. */
    public int nrAccesses(int i) {
        return nrAccesses[check(i)];
    }

    /** last_nr_accesses of region i. */
    public int lastNrAccesses(int i) {
        return lastNrAccesses[check(i)];
    }

    /** Age of region i in aggregation intervals. */
    public int age(int i) {
        return age[check(i)];
    }

    /** Resident share of region i, per mille. */
    public int residentPermille(int i) {
        return residentPermille[check(i)];
    }

    /** Recent refaults of region i. */
    public int recentRefaults(int i) {
        return recentRefaults[check(i)];
    }

    /**
     * Sorts the regions by start page (stable for equal starts). DAMON keeps its regions sorted, so
     * the common case is one O(n) check; otherwise a stable primitive merge sort of the indices.
     */
    void sortByStart() {
        int n = size;
        int firstDescent = 1;
        while (firstDescent < n && start[firstDescent - 1] <= start[firstDescent]) {
            firstDescent++;
        }
        if (firstDescent >= n) {
            return;
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSortByStart(order, new int[n], n);
        start = permuted(start, order);
        end = permuted(end, order);
        nrAccesses = permuted(nrAccesses, order);
        lastNrAccesses = permuted(lastNrAccesses, order);
        age = permuted(age, order);
        residentPermille = permuted(residentPermille, order);
        recentRefaults = permuted(recentRefaults, order);
    }

    /** Bottom-up merge sort of order[0..n) by start (stable: ties keep the left run first). */
    private void mergeSortByStart(int[] order, int[] scratch, int n) {
        int[] src = order;
        int[] dst = scratch;
        for (int width = 1; width < n; width <<= 1) {
            for (int lo = 0; lo < n; lo += width << 1) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + (width << 1), n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    dst[k++] = start[src[b]] < start[src[a]] ? src[b++] : src[a++];
                }
                while (a < mid) {
                    dst[k++] = src[a++];
                }
                while (b < hi) {
                    dst[k++] = src[b++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != order) {
            System.arraycopy(src, 0, order, 0, n);
        }
    }

    private static long[] permuted(long[] column, int[] order) {
        long[] out = new long[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    private static int[] permuted(int[] column, int[] order) {
        int[] out = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            out[i] = column[order[i]];
        }
        return out;
    }

    /** Writes region i as one {@link DatasetCodec} record at {@code off} (the reserved bytes stay as they are). */
    void writeRecord(int i, byte[] b, int off) {
        LittleEndian.putI64(b, off, start[i]);
        LittleEndian.putI64(b, off + 8, end[i]);
        LittleEndian.putI32(b, off + 16, nrAccesses[i]);
        LittleEndian.putI32(b, off + 20, lastNrAccesses[i]);
        LittleEndian.putI32(b, off + 24, age[i]);
        LittleEndian.putI32(b, off + 28, residentPermille[i]);
        LittleEndian.putI32(b, off + 32, recentRefaults[i]);
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("region " + i + " of " + size);
        }
        return i;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegionRecords)) {
            return false;
        }
        RegionRecords r = (RegionRecords) o;
        return size == r.size
                && Arrays.equals(start, 0, size, r.start, 0, size)
                && Arrays.equals(end, 0, size, r.end, 0, size)
                && Arrays.equals(nrAccesses, 0, size, r.nrAccesses, 0, size)
                && Arrays.equals(lastNrAccesses, 0, size, r.lastNrAccesses, 0, size)
                && Arrays.equals(age, 0, size, r.age, 0, size)
                && Arrays.equals(residentPermille, 0, size, r.residentPermille, 0, size)
                && Arrays.equals(recentRefaults, 0, size, r.recentRefaults, 0, size);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + Long.hashCode(start[i]) + 7 * Long.hashCode(end[i]) + nrAccesses[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "RegionRecords[" + size + " regions]";
    }
}
