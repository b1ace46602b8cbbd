package io.mlproxy.memory;

/** Replacement policy used by direct reclaim when residency would exceed the DRAM capacity. */
public enum Eviction {
    /** Evict the least recently touched page (exact LRU, an intrusive doubly linked list). */
    LRU,
    /** Second-chance CLOCK: a hand sweeps the frames, clearing reference bits until it finds a clear one. */
    CLOCK,
    /**
     * Approximated LRU: evict the least recently touched of {@value Memory#EVICTION_SAMPLES} resident
     * pages drawn at random. What a rate-based workload uses: its hits are not replayed one by one,
     * so no list order exists, but every page's last access can be asked for.
     */
    SAMPLED_LRU
}
