package io.mlproxy.workload;

/**
 * A keyed bijection of [0, n): invertible mixing steps (odd multiply, add, xor-shift) on the smallest
 * power-of-two domain covering n, with cycle walking until the value falls below n. Constant memory,
 * so scrambling millions of pages needs no table.
 */
final class PagePermutation {
    private final int n;
    private final long mask;
    private final int shift;
    private final long key1;
    private final long key2;

    PagePermutation(int n, long key) {
        this.n = n;
        int bits = Math.max(1, 64 - Long.numberOfLeadingZeros(n - 1L));
        this.mask = (1L << bits) - 1;
        this.shift = bits / 2 + 1;
        this.key1 = key & mask;
        this.key2 = (key >>> 32) & mask;
    }

    /** Multiplicative inverses of the two odd constants modulo 2^64 (Newton's iteration doubles the correct bits). */
    private static final long INV1 = inverseOdd(0x9E3779B97F4A7C15L);
    private static final long INV2 = inverseOdd(0xBF58476D1CE4E5B9L);

    private static long inverseOdd(long a) {
        long x = a;
        for (int i = 0; i < 6; i++) {
            x *= 2 - a * x;
        }
        return x;
    }

    /**
     * The x with {@code apply(x) == y}: the mixing steps undone in reverse order, cycle-walking
     * backwards (the first preimage below n is the one cycle walking came from).
     */
    int inverse(int y) {
        long v = y;
        do {
            v = unmix(v);
        } while (v >= n);
        return (int) v;
    }

    private long unmix(long v) {
        // x ^= x >>> shift is its own inverse here: shift > bits / 2, so the high bits it reads are unchanged
        v ^= v >>> shift;
        v = ((v - key2) * INV2) & mask;
        v ^= v >>> shift;
        v = ((v - key1) * INV1) & mask;
        return v;
    }

    int apply(int x) {
        long v = x;
        do {
            v = mix(v);
        } while (v >= n);
        return (int) v;
    }

    private long mix(long v) {
        v = (v * 0x9E3779B97F4A7C15L + key1) & mask;
        v ^= v >>> shift;
        v = (v * 0xBF58476D1CE4E5B9L + key2) & mask;
        v ^= v >>> shift;
        return v;
    }
}
