package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.proxy.HintAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLedgerTest {

  private record Batch(int ml, int dflt, long pages, long value, long abs) {}

  private record Judged(int start, int end, int ml, int dflt, boolean mlDecided, long value, int pages, int touched) {}

  private final Memory memory = new Memory(MemoryConfig.withDefaults(100, 100));
  private final List<Batch> batches = new ArrayList<>();
  private final List<Judged> judged = new ArrayList<>();
  private final JudgementSink sink = new JudgementSink() {
    @Override
    public void evidence(int ml, int dflt, long pages, long value, long abs) {
      batches.add(new Batch(ml, dflt, pages, value, abs));
    }

    @Override
    public void judged(long at, int s, int e, int ml, int d, boolean fromMl, long v, int pages, int touched) {
      judged.add(new Judged(s, e, ml, d, fromMl, v, pages, touched));
    }
  };

  /** Touches the pages, then lets DAMON's sampling clear their accessed bits: resident and old. */
  private void residentAndOld(int from, int to, long atUs) {
    for (int p = from; p < to; p++) {
      memory.touch(p, atUs);
      memory.testAndClearAccessed(p);
    }
  }

  private DecisionLedger ledger(long windowMs, long breakEvenMs) {
    DecisionLedger l = new DecisionLedger(memory, windowMs, breakEvenMs);
    memory.setWatchListener(l);
    return l;
  }

  @Test
  void aTouchedPageIsJudgedAtTheNextFlushAndTheRestWhenTheWindowCloses() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    int tag = ledger.record(1_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true);
    assertThat(tag).isPositive();
    memory.touch(3, 2_000_000);
    ledger.flush(2_100_000, sink);
    // page 3 idle 1 s: worth 1000 - 4000, known 1 s after the decision, not 10 s
    assertThat(batches).containsExactly(new Batch(HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 1, -3_000, 3_000));
    ledger.flush(10_999_000, sink);
    assertThat(judged).isEmpty();
    ledger.flush(11_000_000, sink);
    // nine pages idle the whole 10 s window: 9 * (10000 - 4000)
    assertThat(batches).hasSize(2);
    assertThat(batches.get(1)).isEqualTo(new Batch(HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 9, 54_000, 54_000));
    assertThat(judged).containsExactly(
        new Judged(0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, -3_000 + 54_000, 10, 1));
    assertThat(ledger.open()).isZero();
  }

  @Test
  void aJudgedPageIsFreeForTheNextDecisionAtOnce() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    ledger.record(0, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true);
    memory.touch(5, 500_000);
    memory.testAndClearAccessed(5);
    // only page 5 is free: the new decision judges it alone
    assertThat(ledger.record(600_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
    memory.touch(5, 700_000);
    ledger.flush(800_000, sink);
    assertThat(batches).extracting(Batch::pages).containsExactly(1L, 1L);
    assertThat(batches).extracting(Batch::value).containsExactly(500L - 4_000, 100L - 4_000);
  }

  @Test
  void decisionsWithoutAPageoutOpinionAreNotJudged() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    assertThat(ledger.record(0, 0, 10, HintAction.CODE_KEEP, HintAction.CODE_KEEP, false)).isZero();
    assertThat(ledger.record(0, 0, 10, -1, HintAction.CODE_KEEP, false)).isZero();
    assertThat(ledger.open()).isZero();
  }

  @Test
  void aPageUnderAnOpenJudgementIsNotClaimedTwice() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 0);
    assertThat(ledger.record(0, 0, 6, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false)).isPositive();
    // overlapping region: only pages 6..9 are still free
    assertThat(ledger.record(100_000, 4, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
    assertThat(ledger.record(200_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isZero();
    ledger.flush(20_000_000, sink);
    assertThat(judged).extracting(Judged::pages).containsExactly(6, 4);
    assertThat(judged).extracting(Judged::value).containsExactly(60_000L, 40_000L);
    // after judgement the pages are free again and not watched any more
    assertThat(memory.firstTouchAfterWatch(3)).isEqualTo(Memory.NOT_WATCHED);
    assertThat(ledger.record(20_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
  }

  @Test
  void onlyPagesAPageoutWouldTakeNowAreJudged() {
    residentAndOld(0, 4, 0);
    memory.touch(2, 1_000); // young again: the pageout's young filter would keep it
    DecisionLedger ledger = ledger(1_000, 0);
    ledger.record(2_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false);
    ledger.flush(1_002_000, sink);
    assertThat(judged).extracting(Judged::pages).containsExactly(3); // pages 0, 1, 3
  }

  @Test
  void aTouchAfterTheWindowCountsAsUntouched() {
    residentAndOld(0, 1, 0);
    DecisionLedger ledger = ledger(1_000, 400);
    ledger.record(0, 0, 1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true);
    memory.touch(0, 1_050_000); // after W, before the flush that closes the decision
    ledger.flush(1_100_000, sink);
    assertThat(batches).containsExactly(new Batch(HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 1, 600, 600));
    assertThat(judged).extracting(Judged::touched).containsExactly(0);
  }

  @Test
  void theRingGrowsBeyondItsInitialCapacityAndKeepsOrder() {
    Memory big = new Memory(MemoryConfig.withDefaults(5000, 5000));
    for (int p = 0; p < 5000; p++) {
      big.touch(p, 0);
      big.testAndClearAccessed(p);
    }
    DecisionLedger ledger = new DecisionLedger(big, 1_000_000, 0);
    big.setWatchListener(ledger);
    for (int p = 0; p < 3000; p++) {
      assertThat(ledger.record(p * 10L, p, p + 1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
      if (p == 1500) {
        big.touch(10, 20_000); // a touch judged while the ring is about to grow
      }
    }
    ledger.flush(Long.MAX_VALUE / 2, sink);
    assertThat(judged).hasSize(3000);
    assertThat(judged).extracting(Judged::start).isSorted();
    assertThat(judged.get(10).touched()).isEqualTo(1);
    assertThat(batches.stream().mapToLong(Batch::pages).sum()).isEqualTo(3000);
  }
}
