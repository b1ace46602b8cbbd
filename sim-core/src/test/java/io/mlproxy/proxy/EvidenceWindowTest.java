package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The readings of the evidence window, computed by hand; B = 1000 ms, W = 3000 ms, span 10 s, z = 0. */
class EvidenceWindowTest {
    private static final int Z0 = 0;
    private final EvidenceWindow w = new EvidenceWindow(64, 1_000, 3_000);

    @Test
    void aPageLeftAloneCountsFromBOnAndGainsUntilW() {
        w.open(1, 0, 4, false, true, false); // ML pages out 4 pages, the default keeps them
        assertThat(w.known(999, 10_000, Z0)).isEqualTo(PairedEvidence.NONE); // not known before B
        assertThat(w.known(1_000, 10_000, Z0).meanMs()).isZero(); // at B: worth at least 0
        assertThat(w.known(2_500, 10_000, Z0).meanMs()).isEqualTo(1_500);
        assertThat(w.known(5_000, 10_000, Z0).meanMs()).isEqualTo(2_000); // capped at W − B
        // the upper bound counts from the decision on, at W − B
        PairedEvidence recent = w.recent(10, 10_000, Z0);
        assertThat(recent.pages()).isEqualTo(4);
        assertThat(recent.meanMs()).isEqualTo(2_000);
    }

    @Test
    void aPageNeededAgainBeforeBCountsWhenItIsKnownWithItsExactValue() {
        w.open(1, 0, 4, false, true, false);
        w.outcome(1, 200, 200); // one page refaulted 200 ms after its page-out: worth −800
        PairedEvidence early = w.known(300, 10_000, Z0);
        assertThat(early.pages()).isEqualTo(1);
        assertThat(early.meanMs()).isEqualTo(-800);
        // at 1.5 s: the early page, and three left alone worth 500 each, as two samples
        PairedEvidence both = w.known(1_500, 10_000, Z0);
        assertThat(both.pages()).isEqualTo(4);
        assertThat(both.decisions()).isEqualTo(2);
        assertThat(both.meanMs()).isEqualTo(Math.floorDiv(-800 + 3 * 500, 4));
        // the early sample leaves the window 10 s after it became known, the other 10 s after B
        assertThat(w.known(10_250, 10_000, Z0).pages()).isEqualTo(3);
        assertThat(w.known(11_050, 10_000, Z0).pages()).isZero();
        // the upper bound: −800 + 3 × (W − B)
        assertThat(w.recent(300, 10_000, Z0).meanMs()).isEqualTo(Math.floorDiv(-800 + 3 * 2_000, 4));
    }

    @Test
    void aPageNeededAgainBetweenBAndWStaysInTheSecondSampleWithItsExactValue() {
        w.open(1, 0, 2, false, true, false);
        w.outcome(1, 1_800, 1_800); // worth 800
        assertThat(w.known(2_500, 10_000, Z0).meanMs()).isEqualTo((800 + 1_500) / 2);
        assertThat(w.recent(2_500, 10_000, Z0).meanMs()).isEqualTo((800 + 2_000) / 2);
        w.outcome(1, 5_000, 5_000); // after W: no outcome within the window
        assertThat(w.known(6_000, 10_000, Z0).meanMs()).isEqualTo((800 + 2_000) / 2);
    }

    @Test
    void theDifferenceTakesTheSideOfEachSource() {
        w.open(1, 0, 1, false, false, true); // the default pages out, ML keeps: ML − default = −value
        w.open(2, 0, 1, false, true, true);  // both page out: 0
        w.open(3, 0, 1, true, false, true);  // ML abstains: not paired
        // lower bound of −value uses the value's upper bound, W − B
        PairedEvidence known = w.known(1_500, 10_000, Z0);
        assertThat(known.decisions()).isEqualTo(2);
        assertThat(known.meanMs()).isEqualTo(-2_000 / 2);
        // upper bound of −value uses the value's lower bound, min(age, W) − B
        assertThat(w.recent(1_500, 10_000, Z0).meanMs()).isEqualTo(-500 / 2);
        long[] eff = w.efficiency(1_500, 10_000);
        assertThat(eff).containsExactly(2, 500, 3, 1_500); // ML pages, ML value, default pages, default value
    }

    @Test
    void boundsWidenWithTheSpreadOfDecisionsAndNarrowWithTheirNumber() {
        for (int i = 0; i < 20; i++) {
            w.open(i + 1, 0, 10, false, true, false);
            if (i % 2 == 0) {
                for (int p = 0; p < 10; p++) {
                    w.outcome(i + 1, 100, 100); // worth −900 each
                }
            }
        }
        int z = NormalQuantile.zMilli(990);
        PairedEvidence e = w.recent(200, 10_000, z);
        // half the decisions at −900, half at +2000 per page: mean 550, clusters' sd 1450
        assertThat(e.meanMs()).isEqualTo(550);
        assertThat(e.standardErrorMs()).isBetween(330L, 335L); // 1450·sqrt(20/19)/sqrt(20) = 332.6
        assertThat(e.lowerMs()).isEqualTo(550 - (e.standardErrorMs() * z + 999) / 1000);
        assertThat(e.upperMs()).isEqualTo(550 + (e.standardErrorMs() * z + 999) / 1000);
        assertThat(e.meanAbsMs()).isEqualTo((900 + 2_000) / 2);
    }

    @Test
    void aFullRingDropsTheOldestAndIdsMustIncrease() {
        EvidenceWindow small = new EvidenceWindow(2, 1_000, 3_000);
        small.open(1, 0, 1, false, true, false);
        small.open(2, 0, 1, false, true, false);
        small.open(3, 0, 1, false, true, false);
        assertThat(small.dropped()).isEqualTo(1);
        assertThat(small.outcome(1, 10, 10)).isFalse();
        assertThat(small.outcome(3, 10, 10)).isTrue();
        assertThatThrownBy(() -> small.open(3, 0, 1, false, true, false)).hasMessageContaining("does not follow");
        small.expire(12_000, 10_000);
        assertThat(small.size()).isZero();
    }
}
