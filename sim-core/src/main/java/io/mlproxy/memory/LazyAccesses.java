package io.mlproxy.memory;

/**
 * The access-bit oracle of a rate-based workload: touches of resident pages are not replayed one
 * by one, so before the memory reads or clears a page's accessed bit (DAMON's sampling, the young
 * filter, the ledger's check) or its last touch (direct reclaim), it asks for the page's accesses
 * until now to be recorded ({@link Memory#markAccessed}) and, for the last touch, for the last of
 * them; and it says when a page's next access
 * starts to matter: once the page is out of DRAM (that access is a fault) or watched (it is an
 * outcome). Touch-based workloads use {@link #NONE}. Called outside the touch path only.
 */
public interface LazyAccesses {

    /** Every access is a touch the memory already saw. */
    LazyAccesses NONE = new LazyAccesses() {
        @Override
        public void beforeRead(int page) {
        }

        @Override
        public void leftMemory(int page) {
        }

        @Override
        public void watched(int page) {
        }

        @Override
        public int lastAccessMs(int page) {
            return Memory.NEVER_TOUCHED;
        }
    };

    /** Records {@code page}'s accesses up to now, before its accessed bit or last touch is read or cleared. */
    void beforeRead(int page);

    /**
     * {@link #beforeRead} is about to be called for {@code pages[0..count)} (valid pages): load
     * what it reads, so that the pages' cache misses overlap (see
     * {@link io.mlproxy.damon.AccessBitSource#prefetch}). The default does nothing.
     */
    default void prefetch(int[] pages, int count) {
    }

    /** {@code page} has just left DRAM (proactive pageout, direct reclaim, discard): its next access faults. */
    void leftMemory(int page);

    /** {@code page}'s first touch from now is watched: it must be delivered when it happens. */
    void watched(int page);

    /**
     * The last access of {@code page} before now (ms) that may be missing from the memory's last
     * touch (marks of frequently accessed pages carry no time: the time is worked out only when
     * direct reclaim or a caller asks), or {@link Memory#NEVER_TOUCHED}.
     */
    int lastAccessMs(int page);
}
