package io.mlproxy.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A scan's touches in a rate-based workload: the same sweep order as {@link ScanSampler} (pages
 * base, base + s, base + 2s, ..., then base + 1, ...), issued on an exact schedule instead of by
 * chance. Within one phase the scan's touch rate is piecewise constant (it changes when another
 * scan of the mix is exhausted); touch k happens when the scan's position reaches k.
 */
final class ScanSweep {

    private final int base;
    private final int span;
    private final int stride;
    private final boolean looping;
    /** Pages per sweep offset: offsets below {@code longOffsets} hold {@code perOffset + 1} pages, the others perOffset. */
    private final int perOffset;
    private final int longOffsets;
    /** Rate segments: from (µs), to (µs), touches per µs, position at from. */
    private final List<double[]> segments = new ArrayList<>();

    ScanSweep(int base, int span, int stride, boolean looping) {
        this.base = base;
        this.span = span;
        this.stride = stride;
        this.looping = looping;
        if (span <= 0 || stride <= 0) {
            throw new IllegalArgumentException("a scan needs at least one page and a stride >= 1, got " + span
                    + " pages and stride " + stride);
        }
        // a stride beyond the span visits one page per offset
        this.perOffset = stride >= span ? 1 : span / stride;
        this.longOffsets = stride >= span ? 0 : span % stride;
    }

    int span() {
        return span;
    }

    boolean looping() {
        return looping;
    }

    /** The scan runs at {@code perUs} touches per µs over [fromUs, toUs), having reached {@code position} at fromUs. */
    void addSegment(long fromUs, long toUs, double perUs, double position) {
        if (toUs > fromUs) {
            segments.add(new double[] {fromUs, toUs, perUs, position});
        }
    }

    /** First and last µs of the scan's schedule. */
    long startUs() {
        return segments.isEmpty() ? Long.MAX_VALUE : (long) segments.get(0)[0];
    }

    long endUs() {
        return segments.isEmpty() ? Long.MIN_VALUE : (long) segments.get(segments.size() - 1)[1];
    }

    /** Touches issued before {@code timeUs}: those whose position is below the position reached then. */
    long touchesBefore(long timeUs) {
        double position = 0;
        for (double[] g : segments) {
            if (timeUs <= g[0]) {
                break;
            }
            position = g[3] + (Math.min(timeUs, g[1]) - g[0]) * g[2];
        }
        long n = (long) Math.ceil(position - 1e-9);
        return looping ? n : Math.min(n, span);
    }

    /** Position of {@code page} in one sweep (the number of its touch in the first sweep), or -1 outside the range. */
    long positionOf(int page) {
        long d = (long) page - base;
        if (d < 0 || d >= span) {
            return -1;
        }
        if (stride >= span) {
            return d;
        }
        long offset = d % stride;
        long index = d / stride;
        long before = offset < longOffsets ? offset * (perOffset + 1)
                : (long) longOffsets * (perOffset + 1) + (offset - longOffsets) * perOffset;
        return before + index;
    }

    /** Time (µs, rounded down) at which touch number {@code k} happens, or {@link Long#MAX_VALUE} if never. */
    long timeOfTouch(long k) {
        if (!looping && k >= span) {
            return Long.MAX_VALUE;
        }
        for (double[] g : segments) {
            double reached = g[3] + (g[1] - g[0]) * g[2];
            if (k < reached - 1e-9) {
                return (long) Math.floor(g[0] + Math.max(0, k - g[3]) / g[2]);
            }
        }
        return Long.MAX_VALUE;
    }

    /** When this scan next touches {@code page} at or after {@code fromUs} (µs), or {@link Long#MAX_VALUE}. */
    long nextTouchUs(int page, long fromUs) {
        long pos = positionOf(page);
        if (pos < 0) {
            return Long.MAX_VALUE;
        }
        long reached = touchesBefore(fromUs);
        if (!looping) {
            return pos >= reached ? timeOfTouch(pos) : Long.MAX_VALUE;
        }
        return timeOfTouch(reached + Math.floorMod(pos - reached, (long) span));
    }

    /** The page of the scan's touch number {@code k} (counted from the phase start). */
    int pageAt(long k) {
        int pos = (int) (looping ? k % span : k);
        int offset;
        int index;
        int longPart = longOffsets * (perOffset + 1);
        if (pos < longPart) {
            offset = pos / (perOffset + 1);
            index = pos % (perOffset + 1);
        } else {
            int rest = pos - longPart;
            offset = longOffsets + rest / perOffset;
            index = rest % perOffset;
        }
        return base + offset + index * stride;
    }
}
