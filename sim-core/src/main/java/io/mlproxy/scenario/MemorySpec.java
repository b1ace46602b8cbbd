package io.mlproxy.scenario;

/**
 * The simulated reclaimable memory: address-space size in pages, resident capacity, eviction
 * under direct reclaim and the cost model. Costs are in nanoseconds.
 *
 * @param pages size of the address space in pages (page frame numbers 0..pages-1)
 * @param pageSizeBytes page size, a power of two
 * @param capacityPages how many pages can be resident before direct reclaim evicts
 * @param eviction which page direct reclaim evicts
 * @param hitCostNs cost of an access to a resident page
 * @param faultCostNs cost of a major fault (an access to a paged-out page)
 * @param pageoutCostPerPageNs CPU cost of paging one page out
 * @param directReclaimStallPerPageNs stall charged per page evicted by direct reclaim
 */
public record MemorySpec(
    int pages,
    long pageSizeBytes,
    int capacityPages,
    Eviction eviction,
    long hitCostNs,
    long faultCostNs,
    long pageoutCostPerPageNs,
    long directReclaimStallPerPageNs) {

  /** Default page size: 4 KiB. */
  public static final long DEFAULT_PAGE_SIZE = 4096;

  /** Page replacement used by direct reclaim. */
  public enum Eviction {
    /** Least recently used. */
    LRU("lru"),
    /** Second-chance clock. */
    CLOCK("clock");

    private final String yamlName;

    Eviction(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** The defaults for an address space of {@code pages} 4 KiB pages, all of them allowed resident. */
  public static MemorySpec defaults(int pages) {
    return new MemorySpec(pages, DEFAULT_PAGE_SIZE, pages, Eviction.LRU, 100, 50_000, 2_000, 10_000);
  }

  /** Size of the address space in bytes. */
  public long addressSpaceBytes() {
    return (long) pages * pageSizeBytes;
  }
}
