/**
 * The simulated reclaimable memory of one node: page residency, DRAM capacity with direct
 * reclaim (LRU or CLOCK), per-page accessed bits, the cost model, and fault/refault accounting.
 *
 * <p>Mirrors what DAMON's paddr operations see of the kernel: the "young" bit of each page,
 * pageout of a physical range (reclaim_pages), and the workingset refault detection that tells
 * whether an evicted page came back. The touch path is primitive-array code without allocation.
 */
package io.mlproxy.memory;
