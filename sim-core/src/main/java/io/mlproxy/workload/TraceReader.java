package io.mlproxy.workload;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Reads a trace record by record into raw (unfolded, unbounded) page ranges. One subclass per format;
 * {@link TraceStream} folds pages into [0, N) and assigns times.
 */
abstract class TraceReader implements Closeable {
    protected final String source;
    protected final TraceSpec spec;
    protected final InputStream in;
    private final long pageSize;
    private final boolean ownTime;

    /** Current record: raw pages {@code firstPage..firstPage+pageCount-1}, touched at {@code timeUs}. */
    long firstPage;
    long pageCount;
    /** Time relative to the first record, µs (OWN_COLUMN only). */
    long timeUs;

    private long skipped;
    private long firstRawTimeUs = -1;
    private long lastTimeUs;

    TraceReader(InputStream in, String source, TraceSpec spec) {
        this.in = in;
        this.source = source;
        this.spec = spec;
        this.pageSize = spec.pageSizeBytes();
        this.ownTime = spec.time() == TimeSource.OWN_COLUMN;
    }

    /** Advances to the next record; false at the end of the trace. */
    abstract boolean next();

    /** The current location: 1-based line or record number. */
    abstract long position();

    /** Byte offset of the current record, -1 for text formats. */
    long byteOffset() {
        return -1;
    }

    /** Malformed records skipped so far (lenient mode). */
    final long skipped() {
        return skipped;
    }

    /** Handles a malformed record: fails in strict mode, counts it in lenient mode. */
    final void malformed(MalformedRecord m) {
        if (!spec.lenient()) {
            throw error(m.getMessage());
        }
        skipped++;
    }

    final TraceFormatException error(String reason) {
        return new TraceFormatException(source, position(), byteOffset(), reason);
    }

    /** Sets the current record from a number that is a byte address or a page number, per the spec. */
    final void setSinglePage(long number) {
        if (spec.addressesAreBytes()) {
            firstPage = Long.divideUnsigned(number, pageSize);
        } else {
            if (number < 0) {
                throw new MalformedRecord("page number " + Long.toUnsignedString(number) + " exceeds " + Long.MAX_VALUE);
            }
            firstPage = number;
        }
        pageCount = 1;
    }

    /** Sets the current record to the pages spanned by {@code size} bytes at byte address {@code address}. */
    final void setByteRange(long address, long size) {
        long last = address + size - 1;
        if (Long.compareUnsigned(last, address) < 0) {
            throw new MalformedRecord("address + size exceeds 2^64");
        }
        firstPage = Long.divideUnsigned(address, pageSize);
        pageCount = Long.divideUnsigned(last, pageSize) - firstPage + 1;
    }

    /**
     * Sets the current time from the time column (value in the spec's unit): rebased to the first
     * record, and never decreasing. Call last, once the record is otherwise valid, so a skipped record
     * leaves no trace in the time base.
     */
    final void setOwnTime(long rawValue) {
        if (!ownTime) {
            return;
        }
        long us = spec.timeUnit().toMicros(rawValue);
        if (us == Long.MAX_VALUE) {
            throw new MalformedRecord("time " + rawValue + " " + spec.timeUnit() + " is out of range");
        }
        long base = firstRawTimeUs < 0 ? us : firstRawTimeUs;
        long rel = us - base;
        if (rel < lastTimeUs) {
            throw new MalformedRecord("time goes backwards: " + rawValue + " after " + (lastTimeUs + base)
                    + " µs equivalent");
        }
        firstRawTimeUs = base;
        lastTimeUs = rel;
        timeUs = rel;
    }

    /**
     * Reads up to len bytes, as many as the stream has. A damaged compressed file is a {@link
     * TraceFormatException} saying where in the file and after which record; lenient reading does not
     * skip it (it is the file, not a record, that is bad).
     */
    final int readFully(byte[] b, int off, int len) {
        try {
            return in.readNBytes(b, off, len);
        } catch (IOException e) {
            if (in instanceof TraceInput t) {
                String after = position() <= 0 ? "before the first " + unit() : "after " + unit() + " " + position();
                throw new TraceFormatException(source, 0, -1, t.describeFailure(e) + ", " + after);
            }
            throw new UncheckedIOException("reading " + source + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #position()} counts: "line" or "record". */
    String unit() {
        return "line";
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + source, e);
        }
    }
}
