package io.mlproxy.workload;

/**
 * What a first pass over a trace found, to size the simulated memory before replay.
 *
 * @param touches page touches (an access spanning k pages counts k)
 * @param distinctPages distinct raw pages touched: the N that DENSE mapping needs for no aliasing
 * @param minPage smallest raw page, -1 for an empty trace
 * @param maxPage largest raw page (IDENTITY mapping needs N &gt; maxPage), -1 for an empty trace
 * @param durationUs time of the last touch, µs (first touch at 0)
 * @param skippedRecords malformed lines or records skipped (lenient mode)
 * @param complete whether the scan reached the end of the trace (false: it stopped at a bound)
 */
public record TraceFootprint(long touches, long distinctPages, long minPage, long maxPage, long durationUs,
        long skippedRecords, boolean complete) {

    /** A footprint of the whole trace. */
    public TraceFootprint(long touches, long distinctPages, long minPage, long maxPage, long durationUs,
            long skippedRecords) {
        this(touches, distinctPages, minPage, maxPage, durationUs, skippedRecords, true);
    }
}
