package io.mlproxy.workload;

import java.io.InputStream;

/**
 * {@code time,address[,op]} per line: time a non-negative integer in the spec's time unit, address a
 * page number or byte address (decimal or 0x hex), op free text (ignored: reads and writes both set
 * the accessed bit). The first non-blank line is a header, and skipped, when its first field does not
 * start with a digit. Blank lines and lines starting with '#' are skipped; blanks around fields are
 * ignored.
 */
final class CsvTraceReader extends TextTraceReader {
    private boolean seenContent;

    CsvTraceReader(InputStream in, String source, TraceSpec spec) {
        super(in, source, spec);
    }

    @Override
    boolean parseLine(byte[] b, int from, int to, long line) {
        while (from < to && ByteNumbers.isBlank(b[from])) {
            from++;
        }
        if (from == to || b[from] == '#') {
            return false;
        }
        boolean first = !seenContent;
        seenContent = true;
        if (first && !(b[from] >= '0' && b[from] <= '9')) {
            return false; // header
        }
        int c1 = indexOf(b, ',', from, to);
        if (c1 < 0) {
            throw new MalformedRecord("expected 'time,address[,op]' but found no ','");
        }
        int c2 = indexOf(b, ',', c1 + 1, to);
        if (c2 >= 0 && indexOf(b, ',', c2 + 1, to) >= 0) {
            throw new MalformedRecord("expected 2 or 3 fields 'time,address[,op]' but found more");
        }
        int addrEnd = c2 < 0 ? to : c2;
        long time = ByteNumbers.parseDecimal(b, from, trimEnd(b, from, c1), "time");
        int a = trimStart(b, c1 + 1, addrEnd);
        long number = ByteNumbers.parseNumber(b, a, trimEnd(b, a, addrEnd),
                spec.addressesAreBytes() ? "address" : "page number");
        setSinglePage(number);
        setOwnTime(time);
        return true;
    }

    private static int indexOf(byte[] b, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int trimStart(byte[] b, int from, int to) {
        while (from < to && ByteNumbers.isBlank(b[from])) {
            from++;
        }
        return from;
    }

    private static int trimEnd(byte[] b, int from, int to) {
        while (to > from && ByteNumbers.isBlank(b[to - 1])) {
            to--;
        }
        return to;
    }
}
