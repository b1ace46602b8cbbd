package io.mlproxy.proxy;

/**
 * Sums of several integer channels over a sliding time window, kept in a ring of
 * {@value #BUCKETS} time buckets (integers only, no allocation after construction). The window
 * reported covers the current bucket and the {@value #BUCKETS}−1 before it, i.e. between
 * windowMs·(B−1)/B and windowMs of history.
 */
final class SlidingWindowSums {
    static final int BUCKETS = 10;

    private final int channels;
    private final long bucketMs;
    private final long[] epochs = new long[BUCKETS];
    private final long[] sums;
    private long lastEpoch = Long.MIN_VALUE;

    SlidingWindowSums(int channels, long windowMs) {
        this.channels = channels;
        this.bucketMs = Math.max(1, windowMs / BUCKETS);
        this.sums = new long[channels * BUCKETS];
        java.util.Arrays.fill(epochs, Long.MIN_VALUE);
    }

    void add(int channel, long value, long nowMs) {
        int slot = slot(nowMs);
        int at = slot * channels + channel;
        sums[at] = Arith.saturatingAdd(sums[at], value);
    }

    long sum(int channel, long nowMs) {
        return sum(channel, nowMs, BUCKETS);
    }

    /** The sum over the current bucket and the {@code buckets} − 1 before it (a shorter, recent window). */
    long sum(int channel, long nowMs, int buckets) {
        long epoch = epochOf(nowMs);
        long s = 0;
        for (int b = 0; b < BUCKETS; b++) {
            if (epochs[b] > epoch - buckets && epochs[b] <= epoch) {
                s = Arith.saturatingAdd(s, sums[b * channels + channel]);
            }
        }
        return s;
    }

    private long epochOf(long nowMs) {
        long e = Math.floorDiv(nowMs, bucketMs);
        // time must not run backwards; treat an earlier time as the latest one seen
        return Math.max(e, lastEpoch);
    }

    private int slot(long nowMs) {
        long epoch = epochOf(nowMs);
        lastEpoch = epoch;
        int b = (int) Math.floorMod(epoch, (long) BUCKETS);
        if (epochs[b] != epoch) {
            epochs[b] = epoch;
            java.util.Arrays.fill(sums, b * channels, (b + 1) * channels, 0L);
        }
        return b;
    }
}
