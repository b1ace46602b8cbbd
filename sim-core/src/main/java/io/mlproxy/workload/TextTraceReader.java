package io.mlproxy.workload;

import java.io.InputStream;

/**
 * Line splitting over a reusable byte buffer (no String per line) for the text formats. Lines end in
 * LF or CRLF; a line longer than {@link #MAX_LINE} bytes is malformed.
 */
abstract class TextTraceReader extends TraceReader {
    static final int MAX_LINE = 1 << 16;

    private final byte[] buf = new byte[MAX_LINE];
    private int pos;
    private int lim;
    private boolean eof;
    private long lineNumber;

    TextTraceReader(InputStream in, String source, TraceSpec spec) {
        super(in, source, spec);
    }

    /**
     * Parses one line b[from, to) (without the line end) into the current record.
     *
     * @return true if it is a record, false if it carries none (blank, comment, header)
     * @throws MalformedRecord if the line is bad
     */
    abstract boolean parseLine(byte[] b, int from, int to, long line);

    @Override
    final boolean next() {
        while (true) {
            int end = nextLine();
            if (end == -1) {
                return false;
            }
            if (end == -2) {
                malformed(new MalformedRecord("line longer than " + MAX_LINE + " bytes"));
                continue;
            }
            int start = pos;
            pos = end < lim ? end + 1 : end; // end < lim: buf[end] is the '\n'
            int to = end;
            if (to > start && buf[to - 1] == '\r') {
                to--;
            }
            try {
                if (parseLine(buf, start, to, lineNumber)) {
                    return true;
                }
            } catch (MalformedRecord m) {
                malformed(m);
            }
        }
    }

    @Override
    final long position() {
        return lineNumber;
    }

    /**
     * Finds the next line starting at pos: returns the index of its terminating '\n' (or lim at the end
     * of the data), -1 when there are no more lines, -2 for an over-long line (then skipped).
     */
    private int nextLine() {
        int scanFrom = pos;
        while (true) {
            for (int i = scanFrom; i < lim; i++) {
                if (buf[i] == '\n') {
                    lineNumber++;
                    return i;
                }
            }
            if (eof) {
                if (pos < lim) {
                    lineNumber++;
                    return lim;
                }
                return -1;
            }
            if (lim - pos >= MAX_LINE) {
                lineNumber++;
                skipRestOfLine();
                return -2;
            }
            int carried = lim - pos;
            System.arraycopy(buf, pos, buf, 0, carried);
            pos = 0;
            lim = carried;
            scanFrom = carried; // carried < MAX_LINE == buf.length, so there is room to read
            int n = readFully(buf, lim, buf.length - lim);
            if (n == 0) {
                eof = true;
            }
            lim += n;
        }
    }

    /** Discards bytes up to and including the next '\n' (or to the end of the data). */
    private void skipRestOfLine() {
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    pos = i + 1;
                    return;
                }
            }
            pos = 0;
            lim = readFully(buf, 0, buf.length);
            if (lim == 0) {
                eof = true;
                return;
            }
        }
    }
}
