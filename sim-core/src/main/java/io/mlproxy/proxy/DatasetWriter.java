package io.mlproxy.proxy;

/**
 * Sink the subsystem writes its regions into during extraction (the proxy never sees the
 * subsystem's own types). One call per DAMON-like region.
 */
@FunctionalInterface
public interface DatasetWriter {
    /**
     * Adds one region.
     *
     * @param startPage        first page of the region
     * @param endPage          one past the last page (exclusive)
     * @param nrAccesses       accesses seen in the last aggregation interval
     * @param lastNrAccesses   nr_accesses of the interval before
     * @param age              aggregation intervals since the access pattern last changed
     * @param residentPermille share of the region's pages resident in memory, per mille
     * @param recentRefaults   refaults observed in the region recently
     */
    void region(long startPage, long endPage, int nrAccesses, int lastNrAccesses, int age,
                int residentPermille, int recentRefaults);
}
