package io.mlproxy.workload;

import java.io.InputStream;

/**
 * One page number or byte address per line (libCacheSim's txt form): decimal, or hexadecimal with a
 * 0x prefix; surrounding blanks are ignored, blank lines and lines starting with '#' are skipped.
 */
final class PlainTraceReader extends TextTraceReader {

    PlainTraceReader(InputStream in, String source, TraceSpec spec) {
        super(in, source, spec);
    }

    @Override
    boolean parseLine(byte[] b, int from, int to, long line) {
        while (from < to && ByteNumbers.isBlank(b[from])) {
            from++;
        }
        while (to > from && ByteNumbers.isBlank(b[to - 1])) {
            to--;
        }
        if (from == to || b[from] == '#') {
            return false;
        }
        setSinglePage(ByteNumbers.parseNumber(b, from, to, spec.addressesAreBytes() ? "address" : "page number"));
        return true;
    }
}
