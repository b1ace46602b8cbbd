package io.mlproxy.damon;

/**
 * What the monitor reads from the memory: per-page accessed bits (the PTE "young" bit DAMON's
 * paddr operations test and clear) plus per-range residency and recent-refault counts.
 */
public interface AccessBitSource {

    /** Number of pages in the monitored address space (pages 0..pages()-1). */
    int pages();

    /** Returns whether {@code page} was touched since its bit was last cleared, and clears it. */
    boolean testAndClearAccessed(int page);

    /**
     * The accessed bits of {@code pages[0..count)} are about to be tested: a source whose per-page
     * state outgrows the caches may load it now, so that the pages' cache misses overlap instead of
     * following one another (one sample of a large address space is hundreds of misses). Changes
     * nothing a test returns; the default does nothing.
     */
    default void prefetch(int[] pages, int count) {
    }

    /** Number of resident pages in {@code [start, end)}. */
    int residentPages(int start, int end);

    /**
     * Number of pages in {@code [start, end)} that refaulted after a proactive pageout since the
     * last {@link #clearRecentRefaults()}.
     */
    int recentRefaults(int start, int end);

    /** Forgets the recent refaults, starting a new observation interval. */
    void clearRecentRefaults();
}
