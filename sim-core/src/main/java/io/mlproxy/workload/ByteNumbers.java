package io.mlproxy.workload;

/** Number parsing straight from bytes, so readers create no String per line. */
final class ByteNumbers {
    private ByteNumbers() {
    }

    /** Unsigned hexadecimal (1..16 digits, no prefix) in b[from, to) as a 64-bit pattern. */
    static long parseHexUnsigned(byte[] b, int from, int to, String what) {
        if (from >= to) {
            throw new MalformedRecord("empty " + what);
        }
        if (to - from > 16) {
            throw new MalformedRecord(what + " has more than 16 hex digits");
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = hexDigit(b[i]);
            if (d < 0) {
                throw new MalformedRecord(what + ": '" + printable(b[i]) + "' is not a hex digit");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** Non-negative decimal in b[from, to), at most Long.MAX_VALUE. */
    static long parseDecimal(byte[] b, int from, int to, String what) {
        if (from >= to) {
            throw new MalformedRecord("empty " + what);
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                throw new MalformedRecord(what + ": '" + printable(b[i]) + "' is not a decimal digit");
            }
            if (v > (Long.MAX_VALUE - d) / 10) {
                throw new MalformedRecord(what + " exceeds " + Long.MAX_VALUE);
            }
            v = v * 10 + d;
        }
        return v;
    }

    /**
     * Decimal, or hexadecimal with a 0x/0X prefix, as an unsigned 64-bit pattern (decimal is limited to
     * Long.MAX_VALUE, hex to 16 digits).
     */
    static long parseNumber(byte[] b, int from, int to, String what) {
        if (to - from > 2 && b[from] == '0' && (b[from + 1] == 'x' || b[from + 1] == 'X')) {
            return parseHexUnsigned(b, from + 2, to, what);
        }
        return parseDecimal(b, from, to, what);
    }

    static int hexDigit(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    static String printable(byte c) {
        return c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c & 0xff);
    }
}
