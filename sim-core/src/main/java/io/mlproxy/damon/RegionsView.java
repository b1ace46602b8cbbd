package io.mlproxy.damon;

/**
 * Read-only view of the monitor's regions (parallel primitive arrays, no copy). Indices are
 * 0..count()-1 in address order; regions tile the address space. Between aggregations
 * {@code nrAccesses} is the count so far in the running interval; right after
 * {@link DamonMonitor#aggregate} it is reset and {@code lastNrAccesses} holds the finished interval's.
 */
public interface RegionsView {

    int count();

    /** First page of region {@code i}. */
    int start(int i);

    /** One past the last page of region {@code i}. */
    int end(int i);

    default int sizePages(int i) {
        return end(i) - start(i);
    }

    /** Samples of the current aggregation interval that found the region accessed. */
    int nrAccesses(int i);

    /** nr_accesses of the previous aggregation interval. */
    int lastNrAccesses(int i);

    /** Aggregation intervals the region's access frequency has stayed similar. */
    int age(int i);

    /** Resident pages of the region in per-mille, as of the last aggregation. */
    int residentPermille(int i);

    /** Pages of the region that refaulted after a proactive pageout in the last aggregation interval. */
    int recentRefaults(int i);
}
