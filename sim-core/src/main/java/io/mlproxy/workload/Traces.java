package io.mlproxy.workload;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Opens trace files as {@link TraceStream}s and scans them for their footprint. */
public final class Traces {
    private Traces() {
    }

    /** Opens the trace for streamed replay; a {@code .gz} or {@code .zst} file is decompressed on the fly. */
    public static TraceStream open(TraceSpec spec) {
        return open(spec, openDecompressed(spec.path()), spec.path().toString());
    }

    /** Replays trace bytes from {@code in} (already decompressed); {@code source} names it in errors. */
    public static TraceStream open(TraceSpec spec, InputStream in, String source) {
        return new TraceStream(reader(spec, in, source), spec);
    }

    /**
     * Reads the whole trace once and reports its touches, distinct raw pages, page range and duration.
     * Memory grows with the number of distinct pages, not with the trace length.
     */
    public static TraceFootprint scan(TraceSpec spec) {
        return scan(spec, openDecompressed(spec.path()), spec.path().toString());
    }

    /**
     * Reads the trace until its end or until it has delivered {@code maxTouches} touches or reached
     * a touch at {@code endUs} or later (the part a run of that length replays), whichever comes
     * first; {@link TraceFootprint#complete()} tells whether the end was reached.
     */
    public static TraceFootprint scan(TraceSpec spec, long maxTouches, long endUs) {
        return scan(spec, openDecompressed(spec.path()), spec.path().toString(), maxTouches, endUs);
    }

    /** {@link #scan(TraceSpec)} over bytes from {@code in}. */
    public static TraceFootprint scan(TraceSpec spec, InputStream in, String source) {
        return scan(spec, in, source, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    /** {@link #scan(TraceSpec, long, long)} over bytes from {@code in}. */
    public static TraceFootprint scan(TraceSpec spec, InputStream in, String source, long maxTouches, long endUs) {
        boolean ownTime = spec.time() == TimeSource.OWN_COLUMN;
        try (TraceReader r = reader(spec, in, source)) {
            LongIntHashMap distinct = new LongIntHashMap(1 << 12);
            long touches = 0;
            long min = -1;
            long max = -1;
            long lastTimeUs = 0;
            boolean complete = true;
            while (r.next()) {
                long take = r.pageCount;
                if (ownTime && r.timeUs >= endUs) {
                    complete = false;
                    break;
                }
                if (!ownTime) {
                    // touches at or after endUs are not replayed
                    long first = touches;
                    long beforeEnd = Math.min(take, countBefore(endUs, spec.rateTouchesPerSec()) - first);
                    take = Math.max(0, beforeEnd);
                }
                take = Math.min(take, maxTouches - touches);
                for (long k = 0; k < take; k++) {
                    long page = r.firstPage + k;
                    distinct.getOrPut(page, 0);
                    min = min < 0 ? page : Math.min(min, page);
                    max = Math.max(max, page);
                }
                touches += take;
                lastTimeUs = r.timeUs;
                if (take < r.pageCount) {
                    complete = false;
                    break;
                }
            }
            long duration = ownTime ? lastTimeUs
                    : touches == 0 ? 0 : rateTime(touches - 1, spec.rateTouchesPerSec());
            return new TraceFootprint(touches, distinct.size(), min, max, duration, r.skipped(), complete);
        }
    }

    /** How many touches at a fixed rate come before {@code endUs}: the smallest i with rateTime(i) ≥ endUs. */
    static long countBefore(long endUs, long rate) {
        if (endUs == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        // rateTime(i) = floor(i * 1e6 / rate) < endUs  <=>  i * 1e6 < endUs * rate  <=>  i < ceil(endUs * rate / 1e6)
        java.math.BigInteger n = java.math.BigInteger.valueOf(endUs).multiply(java.math.BigInteger.valueOf(rate))
                .add(java.math.BigInteger.valueOf(999_999)).divide(java.math.BigInteger.valueOf(1_000_000));
        return n.bitLength() < 63 ? n.longValueExact() : Long.MAX_VALUE;
    }

    /** Time of touch {@code index} at a fixed rate, the same grid {@link TraceStream} uses. */
    static long rateTime(long index, long rate) {
        return (index / rate) * 1_000_000L + (index % rate) * 1_000_000L / rate;
    }

    /**
     * The file's bytes, gunzipped for {@code .gz} and zstd-decompressed for {@code .zst}; see {@link
     * TraceInput} for what is an error. The file must be a regular file (a FIFO would block, a device
     * never end).
     */
    public static InputStream openDecompressed(Path path) {
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new TraceFormatException(path.toString(), 0, -1, java.nio.file.Files.exists(path)
                    ? "not a regular file (a FIFO, device or folder could block or never end)" : "no such file");
        }
        try {
            return TraceInput.open(path);
        } catch (IOException e) {
            throw new UncheckedIOException("opening trace " + path + ": " + e.getMessage(), e);
        }
    }

    private static TraceReader reader(TraceSpec spec, InputStream in, String source) {
        switch (spec.format()) {
            case LACKEY:
                return new LackeyReader(in, source, spec);
            case PLAIN:
                return new PlainTraceReader(in, source, spec);
            case CSV:
                return new CsvTraceReader(in, source, spec);
            case ORACLE_GENERAL:
                return new OracleGeneralReader(in, source, spec);
            default:
                throw new IllegalArgumentException("unknown trace format " + spec.format());
        }
    }
}
