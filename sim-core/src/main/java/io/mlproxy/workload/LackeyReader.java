package io.mlproxy.workload;

import java.io.InputStream;

/**
 * valgrind lackey {@code --trace-mem=yes} output: {@code I  addr,size} (instruction fetch),
 * {@code  L addr,size} (load), {@code  S addr,size} (store), {@code  M addr,size} (modify: one touch,
 * as it sets the accessed bit once); hex addresses, decimal sizes. Lines starting with {@code ==}
 * are valgrind's own messages and are skipped. An access straddling a page boundary touches every
 * page it spans.
 */
final class LackeyReader extends TextTraceReader {
    /** Largest access size accepted (x86 xsave areas are a few KiB). */
    static final long MAX_SIZE = 1 << 16;

    private final boolean instructions;

    LackeyReader(InputStream in, String source, TraceSpec spec) {
        super(in, source, spec);
        this.instructions = spec.includeInstructionFetches();
    }

    @Override
    boolean parseLine(byte[] b, int from, int to, long line) {
        if (from == to) {
            return false;
        }
        if (to - from >= 2 && b[from] == '=' && b[from + 1] == '=') {
            return false;
        }
        boolean fetch;
        int i;
        if (b[from] == 'I') {
            fetch = true;
            i = from + 1;
        } else if (b[from] == ' ' && to - from >= 2 && (b[from + 1] == 'L' || b[from + 1] == 'S' || b[from + 1] == 'M')) {
            fetch = false;
            i = from + 2;
        } else {
            throw new MalformedRecord("expected 'I', ' L', ' S', ' M' or '==' at the start of the line");
        }
        if (i >= to || !ByteNumbers.isBlank(b[i])) {
            throw new MalformedRecord("expected a space after the access kind");
        }
        while (i < to && ByteNumbers.isBlank(b[i])) {
            i++;
        }
        int comma = i;
        while (comma < to && b[comma] != ',') {
            comma++;
        }
        if (comma == to) {
            throw new MalformedRecord("missing ',' between address and size");
        }
        long address = ByteNumbers.parseHexUnsigned(b, i, comma, "address");
        int end = to;
        while (end > comma + 1 && ByteNumbers.isBlank(b[end - 1])) {
            end--;
        }
        long size = ByteNumbers.parseDecimal(b, comma + 1, end, "size");
        if (size < 1 || size > MAX_SIZE) {
            throw new MalformedRecord("size must be in [1, " + MAX_SIZE + "], was " + size);
        }
        if (fetch && !instructions) {
            return false;
        }
        setByteRange(address, size);
        return true;
    }
}
