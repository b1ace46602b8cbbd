package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.proxy.HintAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLedgerTest {

  private record Opened(long id, int ml, int dflt, int pages) {}

  private record Outcome(long id, long delayMs) {}

  private record Judged(int start, int end, int ml, int dflt, boolean mlDecided, long value, int pages, int touched) {}

  private final Memory memory = new Memory(MemoryConfig.withDefaults(100, 100));
  private final List<Opened> opened = new ArrayList<>();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final List<Judged> judged = new ArrayList<>();
  private final JudgementSink sink = new JudgementSink() {
    @Override
    public void opened(long id, int ml, int dflt, int pages) {
      opened.add(new Opened(id, ml, dflt, pages));
    }

    @Override
    public void outcome(long id, long delayMs) {
      outcomes.add(new Outcome(id, delayMs));
    }

    @Override
    public void judged(long at, long gen, int s, int e, int ml, int d, boolean fromMl, long v, int pages, int touched) {
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
    l.setSink(sink);
    memory.setWatchListener(l);
    return l;
  }

  @Test
  void aTouchIsReportedAtOnceAndTheDecisionIsJudgedWhenItsWindowCloses() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    int tag = ledger.record(1_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1);
    assertThat(tag).isPositive();
    assertThat(opened).containsExactly(new Opened(1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 10));
    memory.touch(3, 2_000_000);
    // page 3 needed again 1 s after the decision: reported then, not 10 s later
    assertThat(outcomes).containsExactly(new Outcome(1, 1_000));
    ledger.flush(10_999_000);
    assertThat(judged).isEmpty();
    ledger.flush(11_000_000);
    // page 3 worth 1000 - 4000; nine pages idle the whole 10 s window: 9 * (10000 - 4000)
    assertThat(outcomes).hasSize(1);
    assertThat(judged).containsExactly(
        new Judged(0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, -3_000 + 54_000, 10, 1));
    assertThat(ledger.open()).isZero();
  }

  @Test
  void aJudgedPageIsFreeForTheNextDecisionAtOnce() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    ledger.record(0, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1);
    memory.touch(5, 500_000);
    memory.testAndClearAccessed(5);
    // only page 5 is free: the new decision judges it alone
    assertThat(ledger.record(600_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1)).isPositive();
    memory.touch(5, 700_000);
    assertThat(outcomes).containsExactly(new Outcome(1, 500), new Outcome(2, 100));
  }

  @Test
  void decisionsWithoutAPageoutOpinionAreNotJudged() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 4_000);
    assertThat(ledger.record(0, 0, 10, HintAction.CODE_KEEP, HintAction.CODE_KEEP, false, 1)).isZero();
    assertThat(ledger.record(0, 0, 10, -1, HintAction.CODE_KEEP, false, 1)).isZero();
    assertThat(ledger.open()).isZero();
  }

  @Test
  void aPageUnderAnOpenJudgementIsNotClaimedTwice() {
    residentAndOld(0, 10, 0);
    DecisionLedger ledger = ledger(10_000, 0);
    assertThat(ledger.record(0, 0, 6, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false, 1)).isPositive();
    // overlapping region: only pages 6..9 are still free
    assertThat(ledger.record(100_000, 4, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1)).isPositive();
    assertThat(ledger.record(200_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1)).isZero();
    ledger.flush(20_000_000);
    assertThat(judged).extracting(Judged::pages).containsExactly(6, 4);
    assertThat(judged).extracting(Judged::value).containsExactly(60_000L, 40_000L);
    // after judgement the pages are free again and not watched any more
    assertThat(memory.firstTouchAfterWatch(3)).isEqualTo(Memory.NOT_WATCHED);
    assertThat(ledger.record(20_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1)).isPositive();
  }

  @Test
  void onlyPagesAPageoutWouldTakeNowAreJudged() {
    residentAndOld(0, 4, 0);
    memory.touch(2, 1_000); // young again: the pageout's young filter would keep it
    DecisionLedger ledger = ledger(1_000, 0);
    ledger.record(2_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false, 1);
    ledger.flush(1_002_000);
    assertThat(judged).extracting(Judged::pages).containsExactly(3); // pages 0, 1, 3
    assertThat(opened).extracting(Opened::pages).containsExactly(3);
  }

  @Test
  void aTouchAfterTheWindowCountsAsUntouched() {
    residentAndOld(0, 1, 0);
    DecisionLedger ledger = ledger(1_000, 400);
    ledger.record(0, 0, 1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1);
    memory.touch(0, 1_050_000); // after W, before the flush that closes the decision
    ledger.flush(1_100_000);
    assertThat(outcomes).isEmpty();
    assertThat(judged).extracting(Judged::touched).containsExactly(0);
    assertThat(judged).extracting(Judged::value).containsExactly(600L);
  }

  @Test
  void theRingGrowsBeyondItsInitialCapacityAndKeepsOrder() {
    Memory big = new Memory(MemoryConfig.withDefaults(5000, 5000));
    for (int p = 0; p < 5000; p++) {
      big.touch(p, 0);
      big.testAndClearAccessed(p);
    }
    DecisionLedger ledger = new DecisionLedger(big, 1_000_000, 0);
    ledger.setSink(sink);
    big.setWatchListener(ledger);
    for (int p = 0; p < 3000; p++) {
      assertThat(ledger.record(p * 10L, p, p + 1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, 1)).isPositive();
      if (p == 1500) {
        big.touch(10, 20_000); // a touch judged while the ring is about to grow
      }
    }
    ledger.flush(Long.MAX_VALUE / 2);
    assertThat(judged).hasSize(3000);
    assertThat(judged).extracting(Judged::start).isSorted();
    assertThat(judged.get(10).touched()).isEqualTo(1);
    assertThat(outcomes).containsExactly(new Outcome(11, 20 - 0));
    assertThat(opened).extracting(Opened::id).containsExactly(
        java.util.stream.LongStream.rangeClosed(1, 3000).boxed().toArray(Long[]::new));
  }
}
