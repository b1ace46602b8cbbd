package io.mlproxy.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * What the memory tells a rate-based workload's access-bit oracle, and what it takes from it:
 * every read or clear of an accessed bit or last touch is preceded by {@code beforeRead}, every
 * page leaving DRAM and every watch is announced, marks and expected hits count as documented.
 * And the per-block counts of residency and refaults agree with the bits.
 */
class LazyAccessesTest {

  /** Records the calls, and marks page 3 accessed at 7 ms whenever it is read. */
  private static final class Recorder implements LazyAccesses {
    final List<String> calls = new ArrayList<>();
    Memory memory;

    @Override
    public void beforeRead(int page) {
      calls.add("read " + page);
      if (page == 3 && memory.isResident(3)) {
        memory.markAccessed(3, 7);
      }
    }

    @Override
    public void leftMemory(int page) {
      calls.add("left " + page);
    }

    @Override
    public void watched(int page) {
      calls.add("watched " + page);
    }

    @Override
    public void prefetch(int[] pages, int count) {
      calls.add("prefetch " + java.util.Arrays.toString(java.util.Arrays.copyOf(pages, count)));
    }

    /** Page 2 was accessed at 11 ms without a timed mark (a dense page's last access). */
    @Override
    public int lastAccessMs(int page) {
      return page == 2 ? 11 : Memory.NEVER_TOUCHED;
    }
  }

  @Test
  void aLargeMemoryPassesASamplesPagesOnToItsLazyAccessesBeforeTheReadsASmallOneDoesNot() {
    int pages = Memory.PREFETCH_FROM_PAGES;
    Memory large = new Memory(MemoryConfig.withDefaults(pages, pages / 2));
    Recorder r = new Recorder();
    r.memory = large;
    large.setLazyAccesses(r);
    large.prefetch(new int[] {5, pages - 1, 3}, 2);
    assertThat(r.calls).containsExactly("prefetch [5, " + (pages - 1) + "]");
    // a page outside the space is refused before anything is loaded for it
    assertThatThrownBy(() -> large.prefetch(new int[] {7, pages}, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("page " + pages);
    assertThat(r.calls).hasSize(1);

    Memory small = new Memory(MemoryConfig.withDefaults(8, 4));
    Recorder s = new Recorder();
    s.memory = small;
    small.setLazyAccesses(s);
    small.prefetch(new int[] {1, 2}, 2);
    assertThat(s.calls).isEmpty();
  }

  @Test
  void everyBitReadIsPrecededByBeforeReadAndEveryDepartureAndWatchIsAnnounced() {
    Memory m = new Memory(MemoryConfig.withDefaults(8, 4).withEviction(Eviction.SAMPLED_LRU));
    Recorder r = new Recorder();
    r.memory = m;
    m.setLazyAccesses(r);
    for (int p = 0; p < 4; p++) {
      m.touch(p, 1_000);
      assertThat(m.testAndClearAccessed(p)).isTrue();
    }
    assertThat(r.calls).containsExactly("read 0", "read 1", "read 2", "read 3");
    r.calls.clear();
    // page 3's oracle says it was accessed at 7 ms: young, and its last touch moves on
    assertThat(m.isYoung(3)).isTrue();
    assertThat(m.lastTouchMs(3)).isEqualTo(7);
    assertThat(m.lastTouchMs(2)).isEqualTo(11);
    assertThat(m.lastTouchMs(1)).isEqualTo(1);
    assertThat(m.isYoung(2)).isFalse();
    r.calls.clear();
    // the young filter asks about every resident page of the range; page 3 stays (young), 0..2 go
    assertThat(m.pageOut(0, 4, 1, 10_000)).isEqualTo(3);
    assertThat(r.calls).containsExactly("read 0", "left 0", "read 1", "left 1", "read 2", "left 2", "read 3");
    r.calls.clear();
    m.watch(3, 4, 10_000);
    assertThat(r.calls).containsExactly("watched 3");
    r.calls.clear();
    // four more pages into a 4-page DRAM: direct reclaim asks about its candidates, then one leaves
    for (int p = 4; p < 8; p++) {
      m.touch(p, 20_000);
    }
    assertThat(r.calls).anyMatch(c -> c.startsWith("read ")).contains("left 3");
    assertThat(m.counters().directReclaimEvictions()).isEqualTo(1);
    assertThat(m.residentPages()).isEqualTo(4);
  }

  @Test
  void marksSetTheBitAndLastTouchButCountNothingAndHitsCountInExpectation() {
    Memory m = new Memory(MemoryConfig.withDefaults(8, 8).withEviction(Eviction.SAMPLED_LRU));
    m.touch(1, 5_000);
    m.testAndClearAccessed(1);
    m.markAccessed(1, 9);
    assertThat(m.isYoung(1)).isTrue();
    assertThat(m.lastTouchMs(1)).isEqualTo(9);
    m.markAccessed(1, 2); // an older access does not move the last touch back
    assertThat(m.lastTouchMs(1)).isEqualTo(9);
    m.testAndClearAccessed(1);
    m.markAccessed(1); // a mark without a time sets the bit only
    assertThat(m.isYoung(1)).isTrue();
    assertThat(m.lastTouchMs(1)).isEqualTo(9);
    assertThat(m.counters().touches()).isEqualTo(1);
    m.countHits(41);
    assertThat(m.counters().hits()).isEqualTo(41);
    assertThat(m.counters().touches()).isEqualTo(42);
    assertThatThrownBy(() -> m.markAccessed(2, 9)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not resident");
    assertThatThrownBy(() -> m.countHits(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sampledLruEvictsTheLeastRecentlyTouchedOfItsCandidates() {
    // 64 pages, all resident, page 10 touched long ago and the rest recently: with 16 candidates out
    // of 64, page 10 goes first whenever drawn, and the victims are old pages far more often than not
    int pages = 64;
    Memory m = new Memory(MemoryConfig.withDefaults(pages + 16, pages).withEviction(Eviction.SAMPLED_LRU));
    for (int p = 0; p < pages; p++) {
      m.touch(p, p < 32 ? 1_000 : 500_000);
    }
    for (int p = pages; p < pages + 16; p++) {
      m.touch(p, 600_000);
    }
    int oldEvicted = 0;
    for (int p = 0; p < 32; p++) {
      oldEvicted += m.isResident(p) ? 0 : 1;
    }
    assertThat(m.counters().directReclaimEvictions()).isEqualTo(16);
    assertThat(oldEvicted).isGreaterThanOrEqualTo(15);
  }

  @Property(tries = 50)
  void blockCountsAgreeWithTheBits(@ForAll @LongRange(min = 1, max = 1L << 40) long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int pages = 3 * BlockCounts.BLOCK_PAGES + rnd.nextInt(BlockCounts.BLOCK_PAGES);
    Memory m = new Memory(MemoryConfig.withDefaults(pages, pages / 2 + rnd.nextInt(pages / 2)));
    long t = 0;
    for (int round = 0; round < 6; round++) {
      for (int k = 0; k < pages / 2; k++) {
        m.touch(rnd.nextInt(pages), t += 10);
      }
      int from = rnd.nextInt(pages);
      m.pageOutIgnoringYoung(from, Math.min(pages, from + rnd.nextInt(pages)), 1, t);
      if (rnd.nextInt(3) == 0) {
        m.clearRecentRefaults();
      }
      for (int q = 0; q < 20; q++) {
        int a = rnd.nextInt(pages + 1);
        int b = a + rnd.nextInt(pages + 1 - a);
        int resident = 0;
        for (int p = a; p < b; p++) {
          resident += m.isResident(p) ? 1 : 0;
        }
        assertThat(m.residentPages(a, b)).isEqualTo(resident);
      }
      assertThat(m.residentPages(0, pages)).isEqualTo(m.residentPages());
      assertThat(m.invariantHolds()).isTrue();
    }
    // refaults: count page by page after touching paged-out pages again
    int refaulted = 0;
    m.clearRecentRefaults();
    for (int p = 0; p < pages; p++) {
      if (m.isPagedOut(p) && rnd.nextInt(2) == 0) {
        m.touch(p, t += 10);
        refaulted++;
      }
    }
    assertThat(m.recentRefaults(0, pages)).isEqualTo(refaulted);
    m.clearRecentRefaults();
    assertThat(m.recentRefaults(0, pages)).isZero();
  }
}
