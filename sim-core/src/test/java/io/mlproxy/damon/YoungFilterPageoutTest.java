package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * damon_pa_pageout installs a young filter unless the scheme has one: a page accessed since its
 * accessed bit was last cleared is marked old and kept; the next attempt takes it if it stayed
 * untouched. DAMOS still charges and counts the whole region as tried.
 */
class YoungFilterPageoutTest {

    private static final int PAGE = 4096;
    private static final int YOUNG = 17;

    private Memory memory;
    private Regions regions;
    private DamosScheme scheme;

    private void start() {
        memory = new Memory(MemoryConfig.withDefaults(64, 64));
        for (int p = 0; p < 64; p++) {
            memory.touch(p, 0);
            memory.testAndClearAccessed(p); // DAMON sampled it since: old
        }
        memory.touch(YOUNG, 50_000); // accessed again after its bit was cleared
        regions = new Regions(8);
        regions.set(new int[] {0}, new int[] {64}, new int[] {0}, new int[] {0}, new int[] {30});
        scheme = new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 0, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, DamosQuota.unlimited(), DamosWatermarks.none());
    }

    @Test
    void aYoungPageInAPagedOutRegionIsKeptAndMarkedOldThenTakenByTheNextPassIfUntouched() {
        start();
        scheme.apply(regions, memory, 20, 100_000, 100_000);
        assertThat(memory.isResident(YOUNG)).isTrue();
        assertThat(memory.isYoung(YOUNG)).isFalse(); // marked old by the pass
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(63);
        assertThat(regions.age(0)).isZero(); // the action was applied to the region
        // the whole region was tried and charged, 63 pages were paged out
        assertThat(scheme.stats()).isEqualTo(new DamosStats(1, 64L * PAGE, 1, 63L * PAGE, 0, 0));

        scheme.apply(regions, memory, 20, 100_000, 200_000); // untouched since
        assertThat(memory.isPagedOut(YOUNG)).isTrue();
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(64);
        assertThat(memory.counters().refaults()).isZero();
    }

    @Test
    void aPageTouchedAgainBetweenPassesIsKeptAgain() {
        start();
        scheme.apply(regions, memory, 20, 100_000, 100_000);
        memory.touch(YOUNG, 150_000);
        scheme.apply(regions, memory, 20, 100_000, 200_000);
        assertThat(memory.isResident(YOUNG)).isTrue();
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(63);
        assertThat(scheme.stats().nrTried()).isEqualTo(2);
        assertThat(scheme.stats().nrApplied()).isEqualTo(1); // the second pass changed nothing
    }

    @Test
    void theOraclesPageoutIgnoresYoungBits() {
        start();
        assertThat(memory.pageOutIgnoringYoung(0, 64, 1, 100_000)).isEqualTo(64);
        assertThat(memory.isPagedOut(YOUNG)).isTrue();
    }
}
