package io.mlproxy.memory;

/** Replacement policy used by direct reclaim when residency would exceed the DRAM capacity. */
public enum Eviction {
    /** Evict the least recently touched page (exact LRU, an intrusive doubly linked list). */
    LRU,
    /** Second-chance CLOCK: a hand sweeps the frames, clearing reference bits until it finds a clear one. */
    CLOCK
}
