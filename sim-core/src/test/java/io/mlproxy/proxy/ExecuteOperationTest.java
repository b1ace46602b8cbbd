package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The decision hot path: hint lookup against a naive reference, mode rules, shares, counters. */
class ExecuteOperationTest {

    /** A random valid hint set over Fixture.PAGES pages with gaps between hints. */
    static Recommendation randomHints(long gen, SplittableRandom rnd, int max) {
        Recommendation.Builder b = Recommendation.builder(gen);
        long p = rnd.nextInt(8);
        int n = 0;
        while (n < max) {
            long len = 1 + rnd.nextInt(40);
            if (p + len > Fixture.PAGES) {
                break;
            }
            b.region(p, p + len, rnd.nextInt(4), rnd.nextInt(1001));
            n++;
            p += len + rnd.nextInt(3); // sometimes adjacent, sometimes a gap
        }
        return b.build();
    }

    /** Reference: linear scan for the hint containing [s, e), honouring min confidence. */
    static int referenceOpinion(Recommendation r, long s, long e, int minConf) {
        for (int i = 0; i < r.regionCount(); i++) {
            if (r.startPage(i) <= s && e <= r.endPage(i)) {
                return r.confidence(i) >= minConf ? r.action(i) : -1;
            }
        }
        return -1;
    }

    @Property(tries = 150)
    void lookupAgreesWithALinearScanForAscendingAndRandomCandidates(@ForAll @LongRange(min = 1) long seed,
                                                                     @ForAll boolean ascending) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        Recommendation r = randomHints(gen, rnd, 1 + rnd.nextInt(300));
        f.submit(r);
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        long p = 0;
        for (int k = 0; k < 2000; k++) {
            long s;
            if (ascending) {
                p += rnd.nextInt(ascending && rnd.nextInt(50) == 0 ? 400 : 8);
                if (p >= Fixture.PAGES) {
                    p = rnd.nextInt(16); // wrap: the next apply interval starts again at the bottom
                }
                s = p;
            } else {
                s = rnd.nextLong(Fixture.PAGES);
            }
            long e = Math.min(Fixture.PAGES, s + 1 + rnd.nextInt(12));
            int def = rnd.nextInt(4);
            int d = f.proxy.executeOperation(s, e, def);
            int expected = referenceOpinion(r, s, e, 500);
            assertThat(Decision.mlOpinion(d)).as("opinion for [%d,%d)", s, e).isEqualTo(expected);
            assertThat(Decision.defaultAction(d)).isEqualTo(def);
            assertThat(Decision.isMl(d)).isEqualTo(expected >= 0);
            assertThat(Decision.action(d)).isEqualTo(expected >= 0 ? expected : def);
        }
    }

    private static Fixture withOneHint(int action, int confidence) {
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(gen).region(100, 200, action, confidence).build());
        return f;
    }

    @Test
    void emergencyAlwaysUsesTheDefaultButStillReportsTheMlOpinion() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        assertThat(f.proxy.mode()).isEqualTo(SystemMode.EMERGENCY);
        int d = f.proxy.executeOperation(120, 130, HintAction.CODE_KEEP);
        assertThat(Decision.action(d)).isEqualTo(HintAction.CODE_KEEP);
        assertThat(Decision.source(d)).isEqualTo(DecisionSource.DEFAULT);
        assertThat(Decision.mlOpinion(d)).isEqualTo(HintAction.CODE_PAGEOUT);
    }

    @Test
    void mlAbstainsOutsideHintsAcrossHintBoundsAndBelowMinConfidence() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        assertThat(Decision.mlAbstained(f.proxy.executeOperation(50, 60, 0))).isTrue();
        assertThat(Decision.mlAbstained(f.proxy.executeOperation(190, 210, 0))).isTrue(); // not contained
        assertThat(Decision.mlAbstained(f.proxy.executeOperation(200, 201, 0))).isTrue(); // end is exclusive
        assertThat(Decision.isMl(f.proxy.executeOperation(100, 200, 0))).isTrue();
        Fixture low = withOneHint(HintAction.CODE_PAGEOUT, 499);
        low.proxy.forceMode(SystemMode.RECOMMENDATION);
        int d = low.proxy.executeOperation(120, 130, 0);
        assertThat(Decision.mlAbstained(d)).isTrue();
        assertThat(Decision.source(d)).isEqualTo(DecisionSource.DEFAULT);
    }

    @Test
    void learningAndCollaborationGiveMlExactlyTheirShareDeterministically() {
        for (SystemMode m : new SystemMode[] {SystemMode.LEARNING, SystemMode.COLLABORATION}) {
            Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
            f.proxy.forceMode(m);
            List<Boolean> pattern = new ArrayList<>();
            int ml = 0;
            for (int i = 0; i < 1000; i++) {
                boolean isMl = Decision.isMl(f.proxy.executeOperation(100, 101, HintAction.CODE_KEEP));
                pattern.add(isMl);
                ml += isMl ? 1 : 0;
            }
            assertThat(ml).isEqualTo(m == SystemMode.LEARNING ? 100 : 500);
            // a second proxy gives the same sequence
            Fixture g = withOneHint(HintAction.CODE_PAGEOUT, 900);
            g.proxy.forceMode(m);
            for (int i = 0; i < 1000; i++) {
                assertThat(Decision.isMl(g.proxy.executeOperation(100, 101, 0))).isEqualTo(pattern.get(i));
            }
        }
    }

    @Test
    void abstentionsDoNotConsumeTheMlShare() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        f.proxy.forceMode(SystemMode.COLLABORATION);
        int ml = 0;
        for (int i = 0; i < 100; i++) {
            f.proxy.executeOperation(300, 301, 0); // abstain
            ml += Decision.isMl(f.proxy.executeOperation(100, 101, 0)) ? 1 : 0;
        }
        assertThat(ml).isEqualTo(50);
        assertThat(f.counter("ml_abstentions")).isEqualTo(100);
        assertThat(f.counter("decisions_ml")).isEqualTo(50);
        assertThat(f.counter("decisions_default")).isEqualTo(150);
    }

    @Test
    void invalidDefaultActionIsEinval() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        assertThatThrownBy(() -> f.proxy.executeOperation(0, 1, 4)).isInstanceOf(MlLibException.class)
                .hasMessageContaining("EINVAL");
        assertThatThrownBy(() -> f.proxy.executeOperation(0, 1, -1)).isInstanceOf(MlLibException.class);
    }

    @Test
    void decisionEncodingRoundTrips() {
        for (int a = 0; a <= 3; a++) {
            for (int o = -1; o <= 3; o++) {
                for (int def = 0; def <= 3; def++) {
                    for (boolean ml : new boolean[] {true, false}) {
                        int d = Decision.encode(a, ml, o, def);
                        assertThat(Decision.action(d)).isEqualTo(a);
                        assertThat(Decision.isMl(d)).isEqualTo(ml);
                        assertThat(Decision.mlOpinion(d)).isEqualTo(o);
                        assertThat(Decision.mlAbstained(d)).isEqualTo(o < 0);
                        assertThat(Decision.defaultAction(d)).isEqualTo(def);
                    }
                }
            }
        }
    }

    @Property(tries = 100)
    void hintAccountingBalances(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(min = 1, max = 6) int rounds) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fixture f = Fixture.started();
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        for (int k = 0; k < rounds; k++) {
            long gen = f.proxy.prepareDataset();
            f.submit(randomHints(gen, rnd, 1 + rnd.nextInt(50)));
            for (int i = rnd.nextInt(30); i > 0; i--) {
                long s = rnd.nextLong(Fixture.PAGES - 1);
                f.proxy.executeOperation(s, s + 1, 0);
            }
            if (rnd.nextInt(3) == 0) {
                f.clock.advance(10_001); // the table expires at the next correction
                f.proxy.correctSystemState(0);
            }
        }
        long accepted = f.counter("hints_accepted");
        assertThat(accepted).isEqualTo(f.counter("hints_applied") + f.counter("hints_superseded")
                + f.counter("hints_expired") + f.counter("hints_in_force"));
        assertThat(f.counter("messages_written")).isEqualTo(f.counter("messages_accepted")
                + f.counter("messages_rejected"));
    }

    @Test
    void appliedSupersededAndExpiredAreCountedPerHint() {
        Fixture f = Fixture.started();
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        long g1 = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(g1).region(0, 10, 1, 900).region(10, 20, 1, 900).region(20, 30, 1, 900).build());
        f.proxy.executeOperation(0, 5, 0);
        f.proxy.executeOperation(2, 4, 0); // same hint twice: applied once
        long g2 = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(g2).region(0, 10, 1, 900).region(40, 50, 1, 900).build());
        assertThat(f.counter("hints_applied")).isEqualTo(1);
        assertThat(f.counter("hints_superseded")).isEqualTo(2);
        assertThat(f.counter("hints_in_force")).isEqualTo(2);
        f.proxy.executeOperation(45, 46, 0);
        f.clock.advance(10_001);
        f.proxy.correctSystemState(0);
        assertThat(f.proxy.hintTable()).isEmpty();
        assertThat(f.counter("hints_applied")).isEqualTo(2);
        assertThat(f.counter("hints_expired")).isEqualTo(1);
        assertThat(f.counter("hints_in_force")).isZero();
        assertThat(f.counter("hints_accepted")).isEqualTo(5);
        // expired: ML abstains from now on
        assertThat(Decision.mlAbstained(f.proxy.executeOperation(45, 46, 0))).isTrue();
    }

    @Test
    void parameterHintsAreLookedUpByName() {
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(gen).param("min_age_ms", 60_000).param("quota_ms", 10).build());
        assertThat(f.proxy.parameterHint("min_age_ms")).hasValue(60_000);
        assertThat(f.proxy.parameterHint("quota_ms")).hasValue(10);
        assertThat(f.proxy.parameterHint("quota_bytes")).isEmpty();
        assertThat(f.counter("param_hints_accepted")).isEqualTo(2);
    }
}
