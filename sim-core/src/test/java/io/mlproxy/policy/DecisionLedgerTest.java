package io.mlproxy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.proxy.HintAction;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionLedgerTest {

  private record Judged(int start, int end, int ml, int dflt, boolean mlDecided, long value, int pages, int touched) {}

  private final Memory memory = new Memory(MemoryConfig.withDefaults(100, 100));
  private final List<Judged> judged = new ArrayList<>();
  private final JudgementSink sink =
      (at, s, e, ml, d, fromMl, v, pages, touched) -> judged.add(new Judged(s, e, ml, d, fromMl, v, pages, touched));

  private void touchRange(int from, int to, long atUs) {
    for (int p = from; p < to; p++) {
      memory.touch(p, atUs);
    }
  }

  @Test
  void valuesEachPageByItsIdleTimeAgainstBreakEven() {
    touchRange(0, 10, 0);
    DecisionLedger ledger = new DecisionLedger(memory, 10_000, 4_000);
    int tag = ledger.record(1_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true);
    assertThat(tag).isPositive();
    memory.touch(3, 2_000_000);
    ledger.closeDue(10_999_000, sink);
    assertThat(judged).isEmpty();
    ledger.closeDue(11_000_000, sink);
    // page 3 idle 1 s: 1000 - 4000; nine pages idle the whole 10 s window: 9 * (10000 - 4000)
    assertThat(judged).containsExactly(
        new Judged(0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true, -3_000 + 54_000, 10, 1));
    assertThat(ledger.open()).isZero();
  }

  @Test
  void decisionsWithoutAPageoutOpinionAreNotJudged() {
    touchRange(0, 10, 0);
    DecisionLedger ledger = new DecisionLedger(memory, 10_000, 4_000);
    assertThat(ledger.record(0, 0, 10, HintAction.CODE_KEEP, HintAction.CODE_KEEP, false)).isZero();
    assertThat(ledger.record(0, 0, 10, -1, HintAction.CODE_KEEP, false)).isZero();
    assertThat(ledger.open()).isZero();
  }

  @Test
  void aPageUnderAnOpenJudgementIsNotClaimedTwice() {
    touchRange(0, 10, 0);
    DecisionLedger ledger = new DecisionLedger(memory, 10_000, 0);
    assertThat(ledger.record(0, 0, 6, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false)).isPositive();
    // overlapping region: only pages 6..9 are still free
    assertThat(ledger.record(100_000, 4, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
    assertThat(ledger.record(200_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isZero();
    ledger.closeDue(20_000_000, sink);
    assertThat(judged).extracting(Judged::pages).containsExactly(6, 4);
    assertThat(judged).extracting(Judged::value).containsExactly(60_000L, 40_000L);
    // after judgement the pages are free again
    assertThat(ledger.record(20_000_000, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
  }

  @Test
  void nonResidentPagesAreNotJudged() {
    touchRange(0, 4, 0);
    DecisionLedger ledger = new DecisionLedger(memory, 1_000, 0);
    ledger.record(0, 0, 10, HintAction.CODE_PAGEOUT, HintAction.CODE_PAGEOUT, false);
    ledger.closeDue(1_000_000, sink);
    assertThat(judged).extracting(Judged::pages).containsExactly(4);
  }

  @Test
  void theRingGrowsBeyondItsInitialCapacityAndKeepsOrder() {
    Memory big = new Memory(MemoryConfig.withDefaults(5000, 5000));
    for (int p = 0; p < 5000; p++) {
      big.touch(p, 0);
    }
    DecisionLedger ledger = new DecisionLedger(big, 1_000_000, 0);
    for (int p = 0; p < 3000; p++) {
      assertThat(ledger.record(p * 10L, p, p + 1, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, true)).isPositive();
    }
    ledger.closeDue(Long.MAX_VALUE / 2, sink);
    assertThat(judged).hasSize(3000);
    assertThat(judged).extracting(Judged::start).isSorted();
  }
}
