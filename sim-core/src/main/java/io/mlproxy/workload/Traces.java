package io.mlproxy.workload;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

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

    /** {@link #scan(TraceSpec)} over bytes from {@code in}. */
    public static TraceFootprint scan(TraceSpec spec, InputStream in, String source) {
        try (TraceReader r = reader(spec, in, source)) {
            LongIntHashMap distinct = new LongIntHashMap(1 << 12);
            long touches = 0;
            long min = -1;
            long max = -1;
            long lastTimeUs = 0;
            while (r.next()) {
                for (long k = 0; k < r.pageCount; k++) {
                    long page = r.firstPage + k;
                    distinct.getOrPut(page, 0);
                    min = min < 0 ? page : Math.min(min, page);
                    max = Math.max(max, page);
                }
                touches += r.pageCount;
                lastTimeUs = r.timeUs;
            }
            long duration = spec.time() == TimeSource.OWN_COLUMN ? lastTimeUs
                    : touches == 0 ? 0 : rateTime(touches - 1, spec.rateTouchesPerSec());
            return new TraceFootprint(touches, distinct.size(), min, max, duration, r.skipped());
        }
    }

    /** Time of touch {@code index} at a fixed rate, the same grid {@link TraceStream} uses. */
    static long rateTime(long index, long rate) {
        return (index / rate) * 1_000_000L + (index % rate) * 1_000_000L / rate;
    }

    /** The file's bytes, gunzipped for {@code .gz} and zstd-decompressed for {@code .zst}. */
    public static InputStream openDecompressed(Path path) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            String name = path.getFileName().toString();
            try {
                if (name.endsWith(".gz")) {
                    return new GZIPInputStream(raw, 1 << 16);
                }
                if (name.endsWith(".zst")) {
                    return new ZstdInputStream(raw);
                }
                return raw;
            } catch (IOException e) {
                raw.close();
                throw new TraceFormatException(path.toString(), 0, 0, "not a valid compressed file: " + e.getMessage());
            }
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
