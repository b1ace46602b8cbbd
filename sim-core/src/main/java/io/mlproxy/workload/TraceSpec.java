package io.mlproxy.workload;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * How to read one trace file. Files ending in {@code .gz} or {@code .zst} are decompressed on the fly.
 *
 * @param path the trace file
 * @param format its format
 * @param addressesAreBytes whether the numbers are byte addresses (divided by the page size) or page
 *        numbers; must be true for {@link TraceFormat#LACKEY}
 * @param pageSizeBytes page size, a power of two in [64, 2^30]
 * @param time where touch times come from; {@link TimeSource#RATE} for LACKEY and PLAIN (no time column)
 * @param timeUnit unit of the time column (OWN_COLUMN), e.g. SECONDS for oracleGeneral traces
 * @param rateTouchesPerSec touches per second when time is RATE, in [1, 10^12] (ignored otherwise)
 * @param lenient skip and count malformed lines instead of failing
 * @param mapping how pages are folded into [0, pages)
 * @param pages size N of the address space, pages, &gt; 0
 * @param includeInstructionFetches LACKEY only: whether {@code I} lines (code fetches) are touches too
 */
public record TraceSpec(Path path, TraceFormat format, boolean addressesAreBytes, int pageSizeBytes,
        TimeSource time, TimeUnit timeUnit, long rateTouchesPerSec, boolean lenient, PageMapping mapping,
        int pages, boolean includeInstructionFetches) {

    public TraceSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(timeUnit, "timeUnit");
        Objects.requireNonNull(mapping, "mapping");
        if (pageSizeBytes < 64 || pageSizeBytes > (1 << 30) || Integer.bitCount(pageSizeBytes) != 1) {
            throw new IllegalArgumentException("pageSizeBytes must be a power of two in [64, 1073741824], was "
                    + pageSizeBytes);
        }
        if (pages <= 0) {
            throw new IllegalArgumentException("pages must be > 0, was " + pages);
        }
        if (time == TimeSource.RATE && (rateTouchesPerSec < 1 || rateTouchesPerSec > 1_000_000_000_000L)) {
            throw new IllegalArgumentException("rateTouchesPerSec must be in [1, 10^12] when time is RATE, was "
                    + rateTouchesPerSec);
        }
        if ((format == TraceFormat.LACKEY || format == TraceFormat.PLAIN) && time != TimeSource.RATE) {
            throw new IllegalArgumentException("time must be RATE for " + format + " traces (they have no time column)");
        }
        if (format == TraceFormat.LACKEY && !addressesAreBytes) {
            throw new IllegalArgumentException("addressesAreBytes must be true for LACKEY traces");
        }
        if (includeInstructionFetches && format != TraceFormat.LACKEY) {
            throw new IllegalArgumentException("includeInstructionFetches applies to LACKEY traces only");
        }
    }

    /** A lackey trace of data accesses (L, S, M), 4 KiB pages, dense mapping, strict. */
    public static TraceSpec lackey(Path path, int pages, long rateTouchesPerSec) {
        return new TraceSpec(path, TraceFormat.LACKEY, true, 4096, TimeSource.RATE, TimeUnit.MICROSECONDS,
                rateTouchesPerSec, false, PageMapping.DENSE, pages, false);
    }

    /** A plain list of page numbers or byte addresses at a fixed rate, dense mapping, strict. */
    public static TraceSpec plain(Path path, boolean addressesAreBytes, int pages, long rateTouchesPerSec) {
        return new TraceSpec(path, TraceFormat.PLAIN, addressesAreBytes, 4096, TimeSource.RATE,
                TimeUnit.MICROSECONDS, rateTouchesPerSec, false, PageMapping.DENSE, pages, false);
    }

    /** A CSV trace with its own time column in {@code unit}, dense mapping, strict. */
    public static TraceSpec csv(Path path, boolean addressesAreBytes, TimeUnit unit, int pages) {
        return new TraceSpec(path, TraceFormat.CSV, addressesAreBytes, 4096, TimeSource.OWN_COLUMN, unit, 1,
                false, PageMapping.DENSE, pages, false);
    }

    /** An oracleGeneral trace of object ids taken as page numbers, times in seconds, dense, strict. */
    public static TraceSpec oracleGeneral(Path path, int pages) {
        return new TraceSpec(path, TraceFormat.ORACLE_GENERAL, false, 4096, TimeSource.OWN_COLUMN,
                TimeUnit.SECONDS, 1, false, PageMapping.DENSE, pages, false);
    }

    public TraceSpec withLenient(boolean value) {
        return new TraceSpec(path, format, addressesAreBytes, pageSizeBytes, time, timeUnit, rateTouchesPerSec,
                value, mapping, pages, includeInstructionFetches);
    }

    public TraceSpec withMapping(PageMapping value) {
        return new TraceSpec(path, format, addressesAreBytes, pageSizeBytes, time, timeUnit, rateTouchesPerSec,
                lenient, value, pages, includeInstructionFetches);
    }

    public TraceSpec withPages(int value) {
        return new TraceSpec(path, format, addressesAreBytes, pageSizeBytes, time, timeUnit, rateTouchesPerSec,
                lenient, mapping, value, includeInstructionFetches);
    }

    public TraceSpec withRate(long touchesPerSec) {
        return new TraceSpec(path, format, addressesAreBytes, pageSizeBytes, TimeSource.RATE, timeUnit,
                touchesPerSec, lenient, mapping, pages, includeInstructionFetches);
    }

    public TraceSpec withInstructionFetches(boolean value) {
        return new TraceSpec(path, format, addressesAreBytes, pageSizeBytes, time, timeUnit, rateTouchesPerSec,
                lenient, mapping, pages, value);
    }
}
