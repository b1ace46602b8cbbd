package io.mlproxy.damon;

/**
 * What DAMOS schemes act on: the operations DAMON's paddr ops apply to a region, plus the
 * free-memory metric its watermarks read and a CPU-time clock that the time quota is charged from.
 */
public interface DamosActionTarget {

    /**
     * Pages out the resident pages of {@code [startPage, endPage)} that are not young (young ones
     * are marked old and kept, mainline's default young filter) and remembers
     * {@code decisionTag} per page so a later refault can be attributed to this decision.
     *
     * @return the number of pages actually paged out
     */
    int pageOut(int startPage, int endPage, int decisionTag, long nowUs);

    /** Marks the resident pages of the range as recently used (DAMOS_LRU_PRIO); returns pages affected. */
    int lruPrio(int startPage, int endPage, long nowUs);

    /** Marks the resident pages of the range as least recently used (DAMOS_LRU_DEPRIO); returns pages affected. */
    int lruDeprio(int startPage, int endPage, long nowUs);

    /** Free memory rate in per-mille: (capacity - resident) * 1000 / capacity. */
    int freeMemoryPermille();

    /** Cumulative simulated CPU time spent applying actions, in nanoseconds (a monotonic clock). */
    long actionCpuNs();

    /** Size of one page in bytes, for byte-denominated quotas. */
    int pageSizeBytes();
}
