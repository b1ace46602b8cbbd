package io.mlproxy.memory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemoryTest {

    private static Memory memory(int pages, int capacity, Eviction eviction) {
        return new Memory(MemoryConfig.withDefaults(pages, capacity).withEviction(eviction));
    }

    @Test
    void pageOutCountsOnlyResidentPagesAndTheRefaultKeepsItsTag() {
        Memory m = memory(16, 16, Eviction.LRU);
        for (int p = 0; p < 8; p++) {
            m.touch(p, 1_000);
            m.testAndClearAccessed(p); // DAMON sampled them since: old pages
        }
        m.watch(4, 6, 2_000);
        List<long[]> seen = new ArrayList<>();
        m.setWatchListener((page, nowMs, wasResident) -> seen.add(new long[] {page, nowMs, wasResident ? 1 : 0}));

        assertThat(m.pageOut(4, 12, 77, 2_000)).isEqualTo(4); // pages 4..7 resident, 8..11 never touched
        assertThat(m.residentPages()).isEqualTo(4);
        assertThat(m.isPagedOut(5)).isTrue();
        assertThat(m.pagedOutTag(5)).isEqualTo(77);

        m.touch(5, 3_000);
        m.touch(5, 3_500); // not the first touch since the watch: not reported again
        m.touch(9, 3_000); // first touch: a fault, not a refault
        MemoryCounters c = m.counters();
        assertThat(c.faults()).isEqualTo(8 + 2);
        assertThat(c.majorFaults()).isEqualTo(1);
        assertThat(c.refaults()).isEqualTo(1);
        assertThat(c.pagesPagedOut()).isEqualTo(4);
        // the walk visits all 8 pages of the range, 4 of them are paged out
        assertThat(c.reclaimCpuUs()).isEqualTo(
            (8 * MemoryConfig.DEFAULT_PAGEOUT_SCAN_NS_PER_PAGE + 4 * MemoryConfig.DEFAULT_PAGEOUT_US_PER_PAGE * 1000) / 1000);
        assertThat(c.stallUs()).isEqualTo(MemoryConfig.DEFAULT_FAULT_US);
        // hits: one (the second touch of 5); first touches 9 at hitNs each
        assertThat(c.accessNs()).isEqualTo(10 * MemoryConfig.DEFAULT_HIT_NS);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).containsExactly(5, 3, 0);
        assertThat(m.recentRefaults(0, 16)).isEqualTo(1);
        m.clearRecentRefaults();
        assertThat(m.recentRefaults(0, 16)).isZero();
    }

    @Test
    void pageOutKeepsYoungPagesAndMarksThemOldAsMainlinesYoungFilterDoes() {
        Memory m = memory(8, 8, Eviction.LRU);
        for (int p = 0; p < 4; p++) {
            m.touch(p, 1_000);
        }
        m.testAndClearAccessed(0);
        m.testAndClearAccessed(1);
        m.touch(1, 1_500); // young again
        assertThat(m.isYoung(1)).isTrue();
        assertThat(m.pageOut(0, 4, 5, 2_000)).isEqualTo(1); // only page 0 was old
        assertThat(m.isResident(1)).isTrue();
        assertThat(m.isYoung(1)).isFalse(); // marked old by the attempt
        assertThat(m.pageOut(0, 4, 6, 2_100)).isEqualTo(3); // the next attempt takes them
        assertThat(m.residentPages()).isZero();
    }

    @Test
    void anUnwatchedPageIsNotReported() {
        Memory m = memory(8, 8, Eviction.LRU);
        List<Integer> seen = new ArrayList<>();
        m.setWatchListener((page, nowMs, wasResident) -> seen.add(page));
        m.watch(0, 4, 0);
        m.unwatch(2);
        for (int p = 0; p < 4; p++) {
            m.touch(p, 1_000);
        }
        assertThat(seen).containsExactly(0, 1, 3);
        assertThat(m.firstTouchAfterWatch(2)).isEqualTo(Memory.NOT_WATCHED);
    }

    @Test
    void directReclaimEvictsTheLeastRecentlyUsedAndItsRefaultIsCountedSeparately() {
        Memory m = memory(8, 3, Eviction.LRU);
        m.touch(0, 0);
        m.touch(1, 0);
        m.touch(2, 0);
        m.touch(0, 0); // LRU order now 1, 2, 0
        m.touch(3, 0); // evicts 1
        assertThat(m.isResident(1)).isFalse();
        assertThat(m.isPagedOut(1)).isFalse();
        m.touch(1, 0); // evicts 2, refault after direct reclaim
        MemoryCounters c = m.counters();
        assertThat(c.directReclaimEvictions()).isEqualTo(2);
        assertThat(c.refaults()).isZero();
        assertThat(c.refaultsAfterDirectReclaim()).isEqualTo(1);
        assertThat(c.stallUs()).isEqualTo(MemoryConfig.DEFAULT_FAULT_US + 2 * MemoryConfig.DEFAULT_DIRECT_RECLAIM_STALL_US_PER_PAGE);
        assertThat(m.isResident(2)).isFalse();
        assertThat(m.residentPages()).isEqualTo(3);
    }

    @Test
    void clockGivesReferencedPagesASecondChance() {
        Memory m = memory(8, 3, Eviction.CLOCK);
        m.touch(0, 0);
        m.touch(1, 0);
        m.touch(2, 0);
        // all referenced: the hand clears 0, 1, 2 and evicts 0 (the frame it started at)
        m.touch(3, 0);
        assertThat(m.isResident(0)).isFalse();
        // hand now at frame 1 (page 1, bit clear); page 1 touched again -> second chance
        m.touch(1, 0);
        m.touch(4, 0); // frame 1 referenced -> cleared, frame 2 (page 2) clear -> evicted
        assertThat(m.isResident(2)).isFalse();
        assertThat(m.isResident(1)).isTrue();
    }

    @Test
    void lruDeprioMakesAPageTheNextVictimAndPrioProtectsIt() {
        Memory m = memory(8, 3, Eviction.LRU);
        m.touch(0, 0);
        m.touch(1, 0);
        m.touch(2, 0);
        assertThat(m.lruDeprio(2, 3, 0)).isEqualTo(1);
        assertThat(m.lruPrio(0, 1, 0)).isEqualTo(1); // LRU order now: 2, 1, 0
        m.touch(3, 0);
        assertThat(m.isResident(2)).isFalse();
        m.touch(4, 0); // next LRU is 1 (0 was prioritised after 1)
        assertThat(m.isResident(1)).isFalse();
        assertThat(m.isResident(0)).isTrue();
    }

    @Test
    void watchRecordsOnlyTheFirstTouchAfterTheWatch() {
        Memory m = memory(8, 8, Eviction.LRU);
        m.touch(3, 1_000);
        assertThat(m.firstTouchAfterWatch(3)).isEqualTo(Memory.NOT_WATCHED);
        m.watch(2, 5, 2_000);
        assertThat(m.firstTouchAfterWatch(3)).isEqualTo(Memory.UNTOUCHED_SINCE_WATCH);
        m.touch(3, 7_500);
        m.touch(3, 9_000);
        assertThat(m.firstTouchAfterWatch(3)).isEqualTo(7);
        assertThat(m.firstTouchAfterWatch(4)).isEqualTo(Memory.UNTOUCHED_SINCE_WATCH);
        assertThat(m.lastTouchMs(3)).isEqualTo(9);
        assertThat(m.lastTouchMs(5)).isEqualTo(Memory.NEVER_TOUCHED);
    }

    @Test
    void accessedBitIsSetByTouchAndClearedByTestAndClear() {
        Memory m = memory(130, 130, Eviction.CLOCK);
        m.touch(129, 0);
        assertThat(m.testAndClearAccessed(129)).isTrue();
        assertThat(m.testAndClearAccessed(129)).isFalse();
        assertThat(m.testAndClearAccessed(0)).isFalse();
    }

    @Test
    void residencyRangeCountsAndFreeRate() {
        Memory m = memory(200, 250, Eviction.LRU);
        for (int p = 60; p < 140; p++) {
            m.touch(p, 0);
        }
        assertThat(m.residentPages(0, 200)).isEqualTo(80);
        assertThat(m.residentPages(0, 64)).isEqualTo(4);
        assertThat(m.residentPages(63, 65)).isEqualTo(2);
        assertThat(m.residentPages(139, 140)).isEqualTo(1);
        assertThat(m.residentPages(140, 140)).isZero();
        assertThat(m.freeMemoryPermille()).isEqualTo((250 - 80) * 1000 / 250);
    }

    @Test
    void discardLeavesFootprintAndItsNextTouchIsAFirstTouch() {
        Memory m = memory(8, 8, Eviction.LRU);
        for (int p = 0; p < 4; p++) {
            m.touch(p, 0);
        }
        m.pageOut(0, 1, 1, 0);
        m.discard(0, 2);
        assertThat(m.footprintPages()).isEqualTo(2);
        assertThat(m.residentPages()).isEqualTo(2);
        m.touch(0, 0);
        assertThat(m.counters().refaults()).isZero();
        assertThat(m.counters().majorFaults()).isZero();
        assertThat(m.footprintPages()).isEqualTo(3);
    }

    @Test
    void badInputIsRejectedWithTheReason() {
        Memory m = memory(8, 8, Eviction.LRU);
        assertThatThrownBy(() -> m.touch(8, 0)).hasMessageContaining("page 8");
        assertThatThrownBy(() -> m.pageOut(4, 9, 0, 0)).hasMessageContaining("[4, 9)");
        assertThatThrownBy(() -> m.touch(1, -1)).hasMessageContaining("nowUs");
        assertThatThrownBy(() -> MemoryConfig.withDefaults(0, 1)).hasMessageContaining("pages");
        assertThatThrownBy(() -> new MemoryConfig(8, 3000, 8, 1, 1, 1, 1, 1, Eviction.LRU))
                .hasMessageContaining("pageSizeBytes");
    }
}
