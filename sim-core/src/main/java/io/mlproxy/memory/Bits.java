package io.mlproxy.memory;

/** Range operations on bitsets stored in {@code long[]} (bit {@code i} is word {@code i>>>6}, bit {@code i&63}). */
final class Bits {

    private Bits() {
    }

    static long[] forBits(int n) {
        return new long[(n + 63) >>> 6];
    }

    static boolean get(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << i)) != 0;
    }

    static void set(long[] bits, int i) {
        bits[i >>> 6] |= 1L << i;
    }

    static void clear(long[] bits, int i) {
        bits[i >>> 6] &= ~(1L << i);
    }

    /** Number of set bits in {@code [start, end)}. */
    static int count(long[] bits, int start, int end) {
        if (start >= end) {
            return 0;
        }
        int first = start >>> 6;
        int last = (end - 1) >>> 6;
        long firstMask = -1L << start;
        long lastMask = -1L >>> (63 - ((end - 1) & 63));
        if (first == last) {
            return Long.bitCount(bits[first] & firstMask & lastMask);
        }
        int n = Long.bitCount(bits[first] & firstMask);
        for (int w = first + 1; w < last; w++) {
            n += Long.bitCount(bits[w]);
        }
        return n + Long.bitCount(bits[last] & lastMask);
    }

    /** Clears every bit. */
    static void clearAll(long[] bits) {
        java.util.Arrays.fill(bits, 0L);
    }
}
