package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time quota is charged with the time of the walk, in nanoseconds, as damos_apply_scheme charges
 * the wall time of the action: {@code pageoutScanNsPerPage} (100 ns) for every page of the range
 * walked plus {@code pageoutUsPerPage} (5 µs) for every page paged out. The next window's effective
 * size quota is time quota × bytes charged / time charged (damos_set_effective_quota); the first
 * window assumes PAGE_SIZE × 1024 bytes per ms.
 */
class TimeQuotaChargeTest {

    private static final int PAGE = 4096;
    private static final long WALK_NS = MemoryConfig.DEFAULT_PAGEOUT_SCAN_NS_PER_PAGE;
    private static final long PAGEOUT_NS = MemoryConfig.DEFAULT_PAGEOUT_US_PER_PAGE * 1000;

    /** One region of {@code pages} pages, nr_accesses 0, age 10; the first {@code resident} pages resident and old. */
    private static Memory memory(int pages, int resident) {
        Memory m = new Memory(MemoryConfig.withDefaults(pages, pages));
        for (int p = 0; p < resident; p++) {
            m.touch(p, 0);
            m.testAndClearAccessed(p);
        }
        return m;
    }

    private static Regions oneRegion(int pages) {
        Regions r = new Regions(8);
        r.set(new int[] {0}, new int[] {pages}, new int[] {0}, new int[] {0}, new int[] {10});
        return r;
    }

    /** DAMON_RECLAIM's pattern (min_age 1 aggregation here) with a 1 ms time quota per 1 s and no size quota. */
    private static DamosScheme oneMsPerSecond() {
        return new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 1, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, new DamosQuota(1, 0, 1000, 0, 0, 1), DamosWatermarks.none());
    }

    @Test
    void theQuotaRunsOutMidWalkAndTheNextWindowIsSizedFromTheNanosecondsCharged() {
        Memory memory = memory(4096, 4096);
        Regions regions = oneRegion(4096);
        DamosScheme s = oneMsPerSecond();

        s.apply(regions, memory, 20, 100_000, 0);
        // window 1: 4096 B x 1024 per ms x 1 ms = 4 MiB = 1024 pages, cut out of the 4096-page region
        assertThat(s.effectiveQuotaBytes()).isEqualTo(4L << 20);
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(1024);
        assertThat(s.remainingQuotaBytes()).isZero();
        assertThat(new int[] {regions.count(), regions.end(0), regions.age(0), regions.start(1), regions.age(1)})
                .containsExactly(2, 1024, 0, 1024, 10);
        long chargedNs = 1024 * WALK_NS + 1024 * PAGEOUT_NS; // 5,222,400 ns
        assertThat(memory.actionCpuNs()).isEqualTo(chargedNs);
        assertThat(memory.counters().reclaimCpuUs()).isEqualTo(chargedNs / 1000);

        s.apply(regions, memory, 20, 100_000, 1_000_000);
        // window 2: 4 MiB x 10^6 / 5,222,400 ns = 803,137 B per ms -> 196 whole pages
        long esz = (4L << 20) * 1_000_000 / chargedNs;
        assertThat(esz).isEqualTo(803_137);
        assertThat(s.effectiveQuotaBytes()).isEqualTo(esz);
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(1024 + 196);
        // the older rest [1024, 4096) went first and was split where the quota ran out
        assertThat(new int[] {regions.count(), regions.start(1), regions.end(1), regions.age(1), regions.start(2),
                regions.age(2)}).containsExactly(3, 1024, 1220, 0, 1220, 10);
        assertThat(s.stats().szTriedBytes()).isEqualTo((1024L + 196) * PAGE);
    }

    @Test
    void walkingPagesNobodyPagesOutIsChargedToo() {
        Memory memory = memory(8192, 0); // nothing resident: the walk finds nothing to page out
        Regions regions = oneRegion(8192);
        DamosScheme s = oneMsPerSecond();

        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(memory.counters().pagesPagedOut()).isZero();
        assertThat(memory.actionCpuNs()).isEqualTo(1024 * WALK_NS);
        assertThat(s.stats().szTriedBytes()).isEqualTo(4L << 20);

        s.apply(regions, memory, 20, 100_000, 1_000_000);
        // 4 MiB in 102.4 us: 40,960,000 B per ms; a charge of nothing would have kept the 4 MiB guess
        assertThat(s.effectiveQuotaBytes()).isEqualTo(40_960_000L);
        // the older rest fits in one go; the piece paged out in window 1 is too young (age 0) to be walked again
        assertThat(s.stats().szTriedBytes()).isEqualTo(8192L * PAGE);
        assertThat(s.stats().qtExceeds()).isEqualTo(1);
    }
}
