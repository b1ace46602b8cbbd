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
            long d = f.proxy.executeOperation(s, e, def);
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
        long d = f.proxy.executeOperation(120, 130, HintAction.CODE_KEEP);
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
        long d = low.proxy.executeOperation(120, 130, 0);
        assertThat(Decision.mlAbstained(d)).isTrue();
        assertThat(Decision.source(d)).isEqualTo(DecisionSource.DEFAULT);
    }

    /** A started proxy with one PAGEOUT hint over the whole address space, in {@code mode}. */
    private static Fixture everywhere(SystemMode mode) {
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(gen).region(0, Fixture.PAGES, HintAction.PAGEOUT, 900).build());
        f.proxy.forceMode(mode);
        return f;
    }

    /** Which pages ML decides in {@code mode}, asked one page at a time where the opinions differ. */
    private static boolean[] mlPages(Fixture f) {
        boolean[] ml = new boolean[(int) Fixture.PAGES];
        for (int p = 0; p < Fixture.PAGES; p++) {
            long d = f.proxy.executeOperation(p, p + 1, HintAction.CODE_KEEP);
            assertThat(Decision.pages(d)).isEqualTo(1);
            ml[p] = Decision.isMl(d);
        }
        return ml;
    }

    @Test
    void learningAndCollaborationGiveMlItsStickyEvenlySpreadAndNestedPartOfTheAddressSpace() {
        boolean[] learning = mlPages(everywhere(SystemMode.LEARNING));
        boolean[] collaboration = mlPages(everywhere(SystemMode.COLLABORATION));
        int granule = ProxyConfig.defaultGranulePages(Fixture.PAGES);
        int l = 0;
        int c = 0;
        for (int p = 0; p < Fixture.PAGES; p++) {
            l += learning[p] ? 1 : 0;
            c += collaboration[p] ? 1 : 0;
            if (learning[p]) {
                assertThat(collaboration[p]).as("LEARNING's part lies inside COLLABORATION's, page %d", p).isTrue();
            }
            // whole granules change hands
            assertThat(learning[p]).isEqualTo(learning[p - p % granule]);
        }
        int granules = (int) (Fixture.PAGES / granule);
        assertThat(l / granule).isBetween(granules * 100 / 1000 - 1, granules * 100 / 1000 + 1);
        assertThat(c / granule).isBetween(granules * 500 / 1000 - 1, granules * 500 / 1000 + 1);
        // evenly spread: any 40 consecutive granules hold 4 ± 1 of LEARNING's
        for (int g = 0; g + 40 <= granules; g++) {
            int n = 0;
            for (int k = g; k < g + 40; k++) {
                n += learning[k * granule] ? 1 : 0;
            }
            assertThat(n).as("granules %d..%d", g, g + 40).isBetween(3, 5);
        }
        // sticky: asking again, in any order, gives the same answer
        Fixture again = everywhere(SystemMode.LEARNING);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int k = 0; k < 5000; k++) {
            int p = rnd.nextInt((int) Fixture.PAGES);
            assertThat(Decision.isMl(again.proxy.executeOperation(p, p + 1, HintAction.CODE_KEEP)))
                    .isEqualTo(learning[p]);
        }
    }

    @Test
    void aParameterOpinionIsMlsOpinionWhereNoHintGivesOneAndIsBoundedLikeAHint() {
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        f.submit(Recommendation.builder(gen).region(0, 64, HintAction.KEEP, 900).param("min_age_ms", 2_000).build());
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        // a region hint wins over the parameter's opinion
        long hinted = f.proxy.executeOperation(0, 64, HintAction.CODE_KEEP, HintAction.CODE_PAGEOUT);
        assertThat(Decision.mlOpinion(hinted)).isEqualTo(HintAction.CODE_KEEP);
        // elsewhere the parameter's opinion is ML's and decides in RECOMMENDATION
        long param = f.proxy.executeOperation(128, 192, HintAction.CODE_KEEP, HintAction.CODE_PAGEOUT);
        assertThat(Decision.mlAbstained(param)).isFalse();
        assertThat(Decision.isMl(param)).isTrue();
        assertThat(Decision.action(param)).isEqualTo(HintAction.CODE_PAGEOUT);
        // no parameter opinion: ML abstains as before
        assertThat(Decision.mlAbstained(f.proxy.executeOperation(128, 192, HintAction.CODE_KEEP, -1))).isTrue();
        // in LEARNING the parameter steers exactly the pages it would steer as a hint
        boolean[] owned = mlPages(everywhere(SystemMode.LEARNING));
        f.proxy.forceMode(SystemMode.LEARNING);
        int mlPages = 0;
        for (long p = 64; p < Fixture.PAGES; ) {
            long d = f.proxy.executeOperation(p, Fixture.PAGES, HintAction.CODE_KEEP, HintAction.CODE_PAGEOUT);
            for (long q = p; q < p + Decision.pages(d); q++) {
                assertThat(Decision.isMl(d)).as("page %d", q).isEqualTo(owned[(int) q]);
            }
            mlPages += Decision.isMl(d) ? (int) Decision.pages(d) : 0;
            p += Decision.pages(d);
        }
        assertThat(mlPages).isBetween((int) (Fixture.PAGES - 64) * 80 / 1000, (int) (Fixture.PAGES - 64) * 120 / 1000);
        assertThatThrownBy(() -> f.proxy.executeOperation(0, 1, HintAction.CODE_KEEP, -2))
                .isInstanceOf(MlLibException.class).hasMessageContaining("parameter opinion");
        assertThatThrownBy(() -> f.proxy.executeOperation(0, 1, HintAction.CODE_KEEP, HintAction.MAX_CODE + 1))
                .isInstanceOf(MlLibException.class);
    }

    @Test
    void aRegionCrossingTheEdgeOfMlsPartIsDecidedUpToTheEdgeOnlyWhenTheOpinionsDiffer() {
        Fixture f = everywhere(SystemMode.LEARNING);
        boolean[] ml = mlPages(everywhere(SystemMode.LEARNING));
        int edge = 1;
        while (ml[edge] == ml[0]) {
            edge++;
        }
        long differ = f.proxy.executeOperation(0, Fixture.PAGES, HintAction.CODE_KEEP);
        assertThat(Decision.pages(differ)).isEqualTo(edge);
        assertThat(Decision.isMl(differ)).isEqualTo(ml[0]);
        assertThat(Decision.action(differ)).isEqualTo(ml[0] ? HintAction.CODE_PAGEOUT : HintAction.CODE_KEEP);
        long agree = f.proxy.executeOperation(0, Fixture.PAGES, HintAction.CODE_PAGEOUT);
        assertThat(Decision.pages(agree)).isEqualTo(Fixture.PAGES);
        assertThat(Decision.action(agree)).isEqualTo(HintAction.CODE_PAGEOUT);
        // RECOMMENDATION and EMERGENCY decide the whole region
        f.proxy.forceMode(SystemMode.RECOMMENDATION);
        assertThat(Decision.pages(f.proxy.executeOperation(0, Fixture.PAGES, HintAction.CODE_KEEP)))
                .isEqualTo(Fixture.PAGES);
        f.proxy.forceMode(SystemMode.EMERGENCY);
        assertThat(Decision.pages(f.proxy.executeOperation(0, Fixture.PAGES, HintAction.CODE_KEEP)))
                .isEqualTo(Fixture.PAGES);
    }

    @Property(tries = 100)
    void walkingARegionPieceByPieceGivesEachPageItsOwner(@ForAll @LongRange(min = 0, max = 4095) long start,
                                                        @ForAll @IntRange(min = 1, max = 600) int length,
                                                        @ForAll boolean collaboration) {
        SystemMode mode = collaboration ? SystemMode.COLLABORATION : SystemMode.LEARNING;
        Fixture f = everywhere(mode);
        boolean[] owner = mlPages(everywhere(mode));
        long end = Math.min(Fixture.PAGES, start + length);
        long s = start;
        while (s < end) {
            long d = f.proxy.executeOperation(s, end, HintAction.CODE_KEEP);
            long e = s + Decision.pages(d);
            assertThat(e).isGreaterThan(s).isLessThanOrEqualTo(end);
            for (long p = s; p < e; p++) {
                assertThat(owner[(int) p]).as("page %d", p).isEqualTo(Decision.isMl(d));
            }
            if (e < end) {
                assertThat(owner[(int) e]).isNotEqualTo(Decision.isMl(d)); // stops exactly at the edge
            }
            s = e;
        }
    }

    @Test
    void abstentionsAreCountedAndDecidedByTheDefault() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        f.proxy.forceMode(SystemMode.COLLABORATION);
        for (int i = 0; i < 100; i++) {
            long d = f.proxy.executeOperation(300, 301, 0); // abstain
            assertThat(Decision.isMl(d)).isFalse();
        }
        assertThat(f.counter("ml_abstentions")).isEqualTo(100);
        assertThat(f.counter("decisions_default")).isEqualTo(100);
    }

    @Test
    void decisionCountsAreTheCountersOfTheMap() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        f.proxy.forceMode(SystemMode.COLLABORATION);
        for (int p = 0; p + 8 <= Fixture.PAGES; p += 8) {
            f.proxy.executeOperation(p, p + 8, HintAction.CODE_KEEP);
        }
        long[] counts = f.proxy.decisionCounts();
        assertThat(counts).containsExactly(f.counter("decisions_ml"), f.counter("decisions_default"));
        assertThat(counts[0]).isPositive();
        assertThat(counts[1]).isPositive();
    }

    @Test
    void regionsOutsideTheAddressSpaceAreEinval() {
        Fixture f = withOneHint(HintAction.CODE_PAGEOUT, 900);
        assertThatThrownBy(() -> f.proxy.executeOperation(10, 10, 0)).hasMessageContaining("EINVAL");
        assertThatThrownBy(() -> f.proxy.executeOperation(-1, 10, 0)).hasMessageContaining("EINVAL");
        assertThatThrownBy(() -> f.proxy.executeOperation(0, Fixture.PAGES + 1, 0)).hasMessageContaining("EINVAL");
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
                        long d = Decision.encode(a, ml, o, def, 1L + a * 1_000_003L + def);
                        assertThat(Decision.action(d)).isEqualTo(a);
                        assertThat(Decision.isMl(d)).isEqualTo(ml);
                        assertThat(Decision.mlOpinion(d)).isEqualTo(o);
                        assertThat(Decision.mlAbstained(d)).isEqualTo(o < 0);
                        assertThat(Decision.defaultAction(d)).isEqualTo(def);
                        assertThat(Decision.pages(d)).isEqualTo(1L + a * 1_000_003L + def);
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
