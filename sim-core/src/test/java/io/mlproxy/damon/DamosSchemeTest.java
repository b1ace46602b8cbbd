package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheme application: priority order, quota prefix, decision hook, tags and age reset. */
class DamosSchemeTest {

    private static final int PAGE = 4096;

    private Memory memory;
    private Regions regions;

    private void setUp() {
        memory = new Memory(MemoryConfig.withDefaults(100, 100));
        for (int p = 0; p < 100; p++) {
            memory.touch(p, 0);
            memory.testAndClearAccessed(p); // sampled since: old, so a pageout takes them
        }
        regions = new Regions(8);
        // cold scores (age weight only, 100 ms aggregation, max 20): r0 55, r1 46, r2 52
        regions.set(new int[] {0, 40, 70}, new int[] {40, 70, 100}, new int[] {0, 5, 0}, new int[] {0, 5, 0},
                new int[] {50, 50, 10});
    }

    private static DamosScheme scheme(long quotaBytes) {
        return new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 20, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, new DamosQuota(0, quotaBytes, 1000, 0, 0, 1), DamosWatermarks.none());
    }

    /** Records the calls and returns scripted actions. */
    private static final class RecordingHook implements DamosDecisionHook {
        final List<int[]> calls = new ArrayList<>();
        final int[] override;

        RecordingHook(int[] overridePerRegion) {
            this.override = overridePerRegion;
        }

        @Override
        public int decide(int regionIndex, int startPage, int endPage, int defaultAction) {
            calls.add(new int[] {regionIndex, startPage, endPage, defaultAction});
            return override == null || override[regionIndex] < 0 ? defaultAction : override[regionIndex];
        }

        @Override
        public int lastDecisionTag() {
            return 9;
        }
    }

    @Test
    void walksColdestFirstAndAppliesTheQuotaPrefixThenSplits() {
        setUp();
        DamosScheme s = scheme(30L * PAGE);
        RecordingHook hook = new RecordingHook(null);
        s.setDecisionHook(hook);
        s.apply(regions, memory, 20, 100_000, 0);

        int pageout = DamosAction.PAGEOUT.code();
        int none = DamosAction.NONE.code();
        assertThat(hook.calls).containsExactly(
                new int[] {0, 0, 30, pageout},   // 40 pages wanted, 30 allowed
                new int[] {0, 30, 40, none},     // the rest of the region: no quota left
                new int[] {2, 70, 100, none},    // too young
                new int[] {1, 40, 70, none});    // accessed
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
        assertThat(memory.isPagedOut(29)).isTrue();
        assertThat(memory.isPagedOut(30)).isFalse();
        assertThat(memory.pagedOutTag(0)).isEqualTo(9);
        assertThat(regions.count()).isEqualTo(4);
        assertThat(new int[] {regions.end(0), regions.age(0), regions.start(1), regions.end(1), regions.age(1)})
                .containsExactly(30, 0, 30, 40, 50);
        assertThat(s.stats()).isEqualTo(new DamosStats(1, 30L * PAGE, 1, 30L * PAGE, 0, 0));
    }

    @Test
    void theHookDecidesTheFinalActionAndTheQuotaIsChargedWithWhatWasDone() {
        setUp();
        DamosScheme s = scheme(0);
        // veto region 0, page out region 1 although it is accessed
        s.setDecisionHook(new RecordingHook(new int[] {DamosAction.NONE.code(), DamosAction.PAGEOUT.code(), -1}));
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(memory.isPagedOut(0)).isFalse();
        assertThat(memory.isPagedOut(40)).isTrue();
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
        assertThat(regions.age(0)).isEqualTo(50);
        assertThat(regions.age(1)).isZero();
        assertThat(s.stats().nrOverridden()).isEqualTo(2);
        assertThat(s.stats().szTriedBytes()).isEqualTo(30L * PAGE);
    }

    @Test
    void inactiveWatermarksMakeEveryDefaultNone() {
        setUp();
        DamosScheme s = new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 0, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, DamosQuota.unlimited(), new DamosWatermarks(true, 5_000_000, 500, 400, 200));
        assertThat(s.watermarkWaitUs(memory.freeMemoryPermille())).isEqualTo(5_000_000); // free rate 0 < low
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(s.isActive()).isFalse();
        assertThat(memory.counters().pagesPagedOut()).isZero();
        assertThat(s.stats().nrTried()).isZero();
    }

    @Test
    void statActionCountsWithoutResettingAge() {
        setUp();
        DamosScheme s = new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 0, Integer.MAX_VALUE),
                DamosAction.STAT, DamosQuota.unlimited(), DamosWatermarks.none());
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(s.stats().nrTried()).isEqualTo(2);
        assertThat(s.stats().nrApplied()).isZero();
        assertThat(regions.age(0)).isEqualTo(50);
        assertThat(memory.counters().pagesPagedOut()).isZero();
    }

    @Test
    void anApplyIntervalOfThreeAggregationsActsOnEveryThirdOnly() {
        setUp();
        DamosScheme s = scheme(0);
        s.setApplyInterval(3);
        List<Boolean> due = new ArrayList<>();
        for (int k = 0; k < 7; k++) {
            due.add(s.applyDue());
        }
        assertThat(due).containsExactly(false, false, true, false, false, true, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.setApplyInterval(0))
                .hasMessageContaining("apply interval");
    }

    @Test
    void anApplicationIsQuotaLimitedWhenTheQuotaStopsAMatchingRegionOrPartOfOne() {
        // only region 0 (40 pages) matches: a quota of exactly 40 pages takes all of it
        for (long quotaPages : new long[] {0, 40, 39, 1}) {
            setUp();
            DamosScheme s = scheme(quotaPages * PAGE);
            s.apply(regions, memory, 20, 100_000, 0);
            assertThat(s.applications()).as("quota %d pages", quotaPages).isEqualTo(1);
            assertThat(s.quotaLimitedApplications()).as("quota %d pages", quotaPages)
                    .isEqualTo(quotaPages == 0 || quotaPages >= 40 ? 0 : 1);
        }
        setUp();
        DamosScheme off = new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 0, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, new DamosQuota(0, PAGE, 1000, 0, 0, 1),
                new DamosWatermarks(true, 5_000_000, 500, 400, 200));
        off.watermarkWaitUs(memory.freeMemoryPermille());
        off.apply(regions, memory, 20, 100_000, 0);
        assertThat(off.applications()).isZero();
        assertThat(off.quotaLimitedApplications()).isZero();
    }
}
