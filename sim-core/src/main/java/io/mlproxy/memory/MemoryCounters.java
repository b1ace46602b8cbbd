package io.mlproxy.memory;

/**
 * Cumulative counters of a {@link Memory} at one instant; {@link #since} turns two of them into
 * the figures of one interval (event counts as differences, gauges as current values).
 *
 * @param touches                    page touches
 * @param hits                       touches of resident pages
 * @param faults                     touches of non-resident pages (first touches included: cache misses)
 * @param majorFaults                faults of pages that had been paged out or evicted (served from swap)
 * @param refaults                   major faults of pages that proactive reclaim paged out
 * @param refaultsAfterDirectReclaim major faults of pages that direct reclaim evicted
 * @param pagesPagedOut              pages paged out by proactive reclaim
 * @param directReclaimEvictions     pages evicted by direct reclaim
 * @param residentPages              resident pages (gauge)
 * @param footprintPages             pages ever touched and still live (gauge)
 * @param reclaimCpuUs               CPU time spent on proactive pageout, µs
 * @param stallUs                    time touches stalled: major faults plus direct-reclaim stalls, µs
 * @param accessNs                   time of touches that did not stall on a major fault (hits and first touches), ns
 */
public record MemoryCounters(long touches, long hits, long faults, long majorFaults, long refaults,
                             long refaultsAfterDirectReclaim, long pagesPagedOut, long directReclaimEvictions,
                             long residentPages, long footprintPages, long reclaimCpuUs, long stallUs,
                             long accessNs) {

    /** The counts of the interval from {@code earlier} to this instant; gauges keep this instant's value. */
    public MemoryCounters since(MemoryCounters earlier) {
        return new MemoryCounters(touches - earlier.touches, hits - earlier.hits, faults - earlier.faults,
                majorFaults - earlier.majorFaults, refaults - earlier.refaults,
                refaultsAfterDirectReclaim - earlier.refaultsAfterDirectReclaim,
                pagesPagedOut - earlier.pagesPagedOut, directReclaimEvictions - earlier.directReclaimEvictions,
                residentPages, footprintPages, reclaimCpuUs - earlier.reclaimCpuUs, stallUs - earlier.stallUs,
                accessNs - earlier.accessNs);
    }
}
