package io.mlproxy.proxy;

/** Overflow-safe integer helpers for the controller's statistics (the kernel side has no floating point). */
final class Arith {
    private Arith() {
    }

    /** a·b, saturating at the long range. */
    static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        return (a < 0) == (b < 0) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /** a + b, saturating. */
    static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /** a − b, saturating. */
    static long saturatingSub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    /**
     * ⌊a·b/c⌋ for a, b ≥ 0 and c &gt; 0, exact: the product is kept in 128 bits (high word from
     * {@link Math#multiplyHigh}) and divided bit by bit; saturates when the quotient exceeds a long.
     */
    static long mulDiv(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("mulDiv(" + a + ", " + b + ", " + c + ")");
        }
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        if (hi >= c) {
            return Long.MAX_VALUE;
        }
        long q = 0;
        long r = hi;
        for (int i = 63; i >= 0; i--) {
            boolean carry = r < 0;
            r = r << 1 | (lo >>> i & 1);
            q <<= 1;
            if (carry || Long.compareUnsigned(r, c) >= 0) {
                r -= c;
                q |= 1;
            }
        }
        return q < 0 ? Long.MAX_VALUE : q;
    }

    /** ⌊√x⌋ for x ≥ 0 (Newton's method on longs). */
    static long isqrt(long x) {
        if (x < 0) {
            throw new IllegalArgumentException("isqrt of " + x);
        }
        if (x < 2) {
            return x;
        }
        long r = 1L << ((64 - Long.numberOfLeadingZeros(x)) / 2 + 1);
        while (true) {
            long next = (r + x / r) >>> 1;
            if (next >= r) {
                return r;
            }
            r = next;
        }
    }

    /** Σ d² / m for one decision, d its summed difference over m pages, saturating. */
    static long squareOverPages(long d, long m) {
        long q = d / m;
        return saturatingAdd(saturatingMul(q, d), saturatingMul(d % m, d) / m);
    }
}
