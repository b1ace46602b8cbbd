package io.mlproxy.proxy;

import java.util.Arrays;

/**
 * Growable column store of dataset regions (primitive arrays, one per field); the
 * {@link DatasetWriter} the subsystem fills, and what {@link DatasetCodec#decode} returns.
 */
public final class RegionRecords implements DatasetWriter {
    private int size;
    private long[] start = new long[16];
    private long[] end = new long[16];
    private int[] nrAccesses = new int[16];
    private int[] lastNrAccesses = new int[16];
    private int[] age = new int[16];
    private int[] residentPermille = new int[16];
    private int[] recentRefaults = new int[16];

    @Override
    public void region(long startPage, long endPage, int nrAccesses, int lastNrAccesses, int age,
                       int residentPermille, int recentRefaults) {
        if (size == start.length) {
            int n = size * 2;
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

    /** Sorts the regions by start page (stable for equal starts). */
    void sortByStart() {
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(start[a], start[b]));
        RegionRecords sorted = new RegionRecords();
        for (Integer i : order) {
            sorted.region(start[i], end[i], nrAccesses[i], lastNrAccesses[i], age[i], residentPermille[i],
                    recentRefaults[i]);
        }
        start = sorted.start;
        end = sorted.end;
        nrAccesses = sorted.nrAccesses;
        lastNrAccesses = sorted.lastNrAccesses;
        age = sorted.age;
        residentPermille = sorted.residentPermille;
        recentRefaults = sorted.recentRefaults;
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
