package io.mlproxy.memory;

/**
 * Size and cost model of the simulated memory.
 *
 * <p>Defaults ({@link #withDefaults}) and why:
 * <ul>
 *   <li>page size 4 KiB: the base page of x86-64 and arm64;</li>
 *   <li>{@code hitNs} 100 ns: one DRAM access that misses the CPU caches, TLB walk included;</li>
 *   <li>{@code faultUs} 50 µs: a major fault served from NVMe-backed swap (device read of
 *       10-20 µs plus fault handling and swap-cache work; zram would be ~5-10 µs, a SATA SSD ~100 µs);</li>
 *   <li>{@code pageoutUsPerPage} 5 µs: CPU cost of reclaiming one anonymous page (unmap, TLB
 *       flush, swap-slot allocation, writeback submission) as measured for shrink_folio_list;</li>
 *   <li>{@code directReclaimStallUsPerPage} 10 µs: a task in direct reclaim pays the pageout
 *       work plus LRU scanning synchronously, about twice the background cost;</li>
 *   <li>{@code pageoutScanNsPerPage} 100 ns: damon_pa_pageout visits every page of the region
 *       (folio lookup, young check) whether or not it pages it out; mainline charges the time quota
 *       with that walk's wall time.</li>
 * </ul>
 *
 * @param pages                        address space size in pages (page frame numbers 0..pages-1)
 * @param pageSizeBytes                bytes per page, a power of two
 * @param capacityPages                DRAM capacity in pages; residency never exceeds it
 * @param hitNs                        cost of a touch of a resident page, ns
 * @param faultUs                      cost of a major fault (touch of a paged-out or evicted page), µs
 * @param pageoutUsPerPage             CPU cost of proactively paging out one resident page, µs
 * @param directReclaimStallUsPerPage  stall charged per page evicted by direct reclaim, µs
 * @param pageoutScanNsPerPage         CPU cost of visiting one page of a region being paged out, ns
 * @param eviction                     replacement policy of direct reclaim
 */
public record MemoryConfig(int pages, int pageSizeBytes, int capacityPages, long hitNs, long faultUs,
                           long pageoutUsPerPage, long directReclaimStallUsPerPage, long pageoutScanNsPerPage,
                           Eviction eviction) {

    public static final int DEFAULT_PAGE_SIZE_BYTES = 4096;
    public static final long DEFAULT_HIT_NS = 100;
    public static final long DEFAULT_FAULT_US = 50;
    public static final long DEFAULT_PAGEOUT_US_PER_PAGE = 5;
    public static final long DEFAULT_DIRECT_RECLAIM_STALL_US_PER_PAGE = 10;
    public static final long DEFAULT_PAGEOUT_SCAN_NS_PER_PAGE = 100;

    public MemoryConfig {
        if (pages <= 0) {
            throw new IllegalArgumentException("pages must be > 0, got " + pages);
        }
        if (pageSizeBytes <= 0 || Integer.bitCount(pageSizeBytes) != 1) {
            throw new IllegalArgumentException("pageSizeBytes must be a positive power of two, got " + pageSizeBytes);
        }
        if (capacityPages <= 0) {
            throw new IllegalArgumentException("capacityPages must be > 0, got " + capacityPages);
        }
        requireNonNegative("hitNs", hitNs);
        requireNonNegative("faultUs", faultUs);
        requireNonNegative("pageoutUsPerPage", pageoutUsPerPage);
        requireNonNegative("directReclaimStallUsPerPage", directReclaimStallUsPerPage);
        requireNonNegative("pageoutScanNsPerPage", pageoutScanNsPerPage);
        if (eviction == null) {
            throw new IllegalArgumentException("eviction must not be null");
        }
    }

    /** A memory of {@code pages} pages and {@code capacityPages} of DRAM with the documented default costs and LRU. */
    public static MemoryConfig withDefaults(int pages, int capacityPages) {
        return new MemoryConfig(pages, DEFAULT_PAGE_SIZE_BYTES, capacityPages, DEFAULT_HIT_NS, DEFAULT_FAULT_US,
                DEFAULT_PAGEOUT_US_PER_PAGE, DEFAULT_DIRECT_RECLAIM_STALL_US_PER_PAGE, DEFAULT_PAGEOUT_SCAN_NS_PER_PAGE,
                Eviction.LRU);
    }

    /** This configuration with another replacement policy. */
    public MemoryConfig withEviction(Eviction newEviction) {
        return new MemoryConfig(pages, pageSizeBytes, capacityPages, hitNs, faultUs, pageoutUsPerPage,
                directReclaimStallUsPerPage, pageoutScanNsPerPage, newEviction);
    }

    private static void requireNonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        }
    }
}
