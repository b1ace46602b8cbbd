package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

class SyntheticWorkloadTest {
    private static final int N = 100_000;

    private static int[] pagesOf(SyntheticWorkload w, long seed, int count) {
        try (AccessStream s = w.open(new MersenneTwister(seed))) {
            int[] pages = new int[count];
            long[] times = new long[count];
            int got = 0;
            while (got < count) {
                int[] p = new int[Math.min(1000, count - got)];
                long[] t = new long[p.length];
                int n = s.read(p, t, p.length);
                assertThat(n).isPositive();
                System.arraycopy(p, 0, pages, got, n);
                System.arraycopy(t, 0, times, got, n);
                got += n;
            }
            for (int i = 0; i < count; i++) {
                assertThat(pages[i]).isBetween(0, w.pages() - 1);
                if (i > 0) {
                    assertThat(times[i]).isGreaterThanOrEqualTo(times[i - 1]);
                }
            }
            return pages;
        }
    }

    private static List<AccessPattern> allPatterns() {
        return List.of(new Hotset(0.1, 0.9, 0.5, 1000.0), new Zipf(0.99, true), new Zipf(1.2, false),
                new Scan(3, true), new Uniform(), new Growth(0.1, 1.0, 1_000_000), new Periodic(0.2, 0.3, 20_000, 0.8));
    }

    @Test
    void sameSeedSameTouchesDifferentSeedDifferentTouches() {
        List<AccessPattern> patterns = new ArrayList<>(allPatterns());
        List<WeightedPattern> mix = patterns.stream().map(p -> new WeightedPattern(1.0, p)).toList();
        SyntheticWorkload mixed = new SyntheticWorkload(N, 100_000, List.of(new Phase(0, mix),
                Phase.of(50_000, new Uniform())));
        for (SyntheticWorkload w : concat(mixed, patterns)) {
            int[] a = pagesOf(w, 42, 20_000);
            int[] b = pagesOf(w, 42, 20_000);
            assertThat(a).isEqualTo(b);
            if (!(w.phases().get(0).mix().get(0).pattern() instanceof Scan)) {
                assertThat(pagesOf(w, 43, 20_000)).isNotEqualTo(a);
            }
        }
    }

    private static List<SyntheticWorkload> concat(SyntheticWorkload first, List<AccessPattern> patterns) {
        List<SyntheticWorkload> all = new ArrayList<>();
        all.add(first);
        patterns.forEach(p -> all.add(SyntheticWorkload.of(N, 1_000_000, p)));
        return all;
    }

    @Test
    void hotsetShareAndRange() {
        // hot = 10,000 pages starting at round(0.25 * 90,000) = 22,500
        int[] pages = pagesOf(SyntheticWorkload.of(N, 1_000_000, new Hotset(0.1, 0.8, 0.25)), 7, 100_000);
        long hot = Arrays.stream(pages).filter(p -> p >= 22_500 && p < 32_500).count();
        // expected share = hotShare + (1 - hotShare) * 0 (cold touches never land in the hot set)
        assertThat(hot / 100_000.0).isCloseTo(0.8, within(0.03));
    }

    @Test
    void hotsetDriftMovesTheHotSet() {
        // 1000 pages, hot 100 at 0, drifting 100 pages/s; rate 1000/s: the second second starts at touch 1000
        int[] pages = pagesOf(SyntheticWorkload.of(1000, 1000, new Hotset(0.1, 1.0, 0.0, 100.0)), 1, 2000);
        assertThat(Arrays.stream(pages, 0, 10).allMatch(p -> p < 100)).isTrue();
        assertThat(Arrays.stream(pages, 1000, 1010).allMatch(p -> p >= 100 && p < 200)).isTrue();
    }

    @Test
    void zipfMatchesExactProbabilities() {
        int n = 10;
        double s = 1.2;
        double norm = 0;
        for (int k = 1; k <= n; k++) {
            norm += Math.pow(k, -s);
        }
        int[] pages = pagesOf(SyntheticWorkload.of(n, 1_000_000, new Zipf(s, false)), 3, 200_000);
        int[] counts = new int[n];
        for (int p : pages) {
            counts[p]++;
        }
        for (int k = 1; k <= n; k++) {
            assertThat(counts[k - 1] / 200_000.0).as("rank %d", k).isCloseTo(Math.pow(k, -s) / norm, within(0.01));
        }
    }

    @Test
    void zipfMatchesExactProbabilitiesForLowAndHighSkew() {
        for (double s : new double[] {0.3, 1.0, 2.5, 6.0}) {
            int n = 20;
            double norm = 0;
            for (int k = 1; k <= n; k++) {
                norm += Math.pow(k, -s);
            }
            int[] c = counts(pagesOf(SyntheticWorkload.of(n, 1_000_000, new Zipf(s, false)), 13, 100_000), n);
            for (int k = 1; k <= n; k++) {
                assertThat(c[k - 1] / 100_000.0).as("skew %s rank %d", s, k)
                        .isCloseTo(Math.pow(k, -s) / norm, within(0.01));
            }
        }
    }

    @Test
    void zipfScrambledIsAPermutationOfTheSameFrequencies() {
        int n = 1000;
        int[] plain = counts(pagesOf(SyntheticWorkload.of(n, 1_000_000, new Zipf(1.0, false)), 5, 100_000), n);
        int[] scrambled = counts(pagesOf(SyntheticWorkload.of(n, 1_000_000, new Zipf(1.0, true)), 5, 100_000), n);
        assertThat(scrambled[0]).isLessThan(plain[0] / 2); // the hottest page has moved
        int[] a = plain.clone();
        int[] b = scrambled.clone();
        Arrays.sort(a);
        Arrays.sort(b);
        // same distribution of frequencies: the top frequency is rank 1's share 1 / H(1000) = 13.4%
        assertThat(b[n - 1] / 100_000.0).isCloseTo(1.0 / 7.4855, within(0.01));
        assertThat(a[n - 1] / 100_000.0).isCloseTo(1.0 / 7.4855, within(0.01));
    }

    @Test
    void zipfOverMillionsOfPagesStaysInRange() {
        int[] pages = pagesOf(SyntheticWorkload.of(5_000_000, 1_000_000, new Zipf(0.8, true)), 9, 50_000);
        assertThat(Arrays.stream(pages).max().getAsInt()).isLessThan(5_000_000);
    }

    @Test
    void scanOrderWithStrideAndLoop() {
        int[] pages = pagesOf(SyntheticWorkload.of(7, 1_000_000, new Scan(3, true)), 1, 16);
        assertThat(pages).containsExactly(0, 3, 6, 1, 4, 2, 5, 0, 3, 6, 1, 4, 2, 5, 0, 3);
    }

    @Test
    void nonLoopingScanEndsTheStreamAfterOneSweep() {
        try (AccessStream s = SyntheticWorkload.of(5, 10, new Scan(1, false)).open(new MersenneTwister(1))) {
            TraceTestSupport.Touches t = TraceTestSupport.drain(s);
            assertThat(t.pages()).containsExactly(0, 1, 2, 3, 4);
            assertThat(t.times()).containsExactly(0L, 100_000L, 200_000L, 300_000L, 400_000L);
        }
    }

    @Test
    void exhaustedScanHandsItsShareToTheMixAndIdlesAnEmptyPhase() {
        // phase 0: a non-looping scan of all 100 pages mixed 1:1 with a hot set on pages [90, 100);
        // phase 1 at 1 s: the scan alone (idle once done); phase 2 at 2 s: uniform
        SyntheticWorkload w = new SyntheticWorkload(100, 1000, List.of(
                new Phase(0, List.of(new WeightedPattern(1, new Scan(1, false)),
                        new WeightedPattern(1, new Hotset(0.1, 1.0, 1.0)))),
                Phase.of(1_000_000, new Scan(1, false)),
                Phase.of(2_000_000, new Uniform())));
        try (AccessStream s = w.open(new MersenneTwister(2), 2_100_000)) {
            TraceTestSupport.Touches t = TraceTestSupport.drain(s);
            List<Integer> firstPhase = t.pages().subList(0, 1000);
            // the scan's one sweep is the only source of pages below 90: each exactly once, in order
            assertThat(firstPhase.stream().filter(p -> p < 90).toList())
                    .isEqualTo(java.util.stream.IntStream.range(0, 90).boxed().toList());
            // after its ~200 touches (half the draws) the hot set gets all of them
            assertThat(firstPhase.subList(400, 1000)).allMatch(p -> p >= 90);
            // phase 1: 100 scan touches at 1 ms spacing, then nothing until 2 s
            assertThat(t.times().get(1000)).isEqualTo(1_000_000L);
            assertThat(t.pages().subList(1000, 1100)).isEqualTo(java.util.stream.IntStream.range(0, 100).boxed().toList());
            assertThat(t.times().get(1099)).isEqualTo(1_099_000L);
            assertThat(t.times().get(1100)).isEqualTo(2_000_000L);
            assertThat(t.pages()).hasSize(1200);
        }
    }

    @Test
    void uniformIsUniform() {
        int[] c = counts(pagesOf(SyntheticWorkload.of(10, 1_000_000, new Uniform()), 11, 100_000), 10);
        for (int x : c) {
            assertThat(x / 100_000.0).isCloseTo(0.1, within(0.01));
        }
    }

    @Test
    void growthWorkingSetFollowsTheLine() {
        // 1000 pages from 10% to 50% over 1 s at 1000 touches/s; at 2 s it stays 50%
        int[] pages = pagesOf(SyntheticWorkload.of(1000, 1000, new Growth(0.1, 0.5, 1_000_000)), 2, 3000);
        for (int i = 0; i < 3000; i++) {
            double f = Math.min(1.0, i / 1000.0);
            int size = (int) Math.round(1000 * (0.1 + 0.4 * f));
            assertThat(pages[i]).as("touch %d", i).isLessThan(size);
        }
        assertThat(Arrays.stream(pages, 2000, 3000).max().getAsInt()).isGreaterThan(450);
    }

    @Test
    void periodicRegionIsHotThenCold() {
        // region [200, 500) of 1000 pages, period 1 s at 10,000 touches/s: hot for 5000 touches, cold for 5000
        int[] pages = pagesOf(SyntheticWorkload.of(1000, 10_000, new Periodic(0.2, 0.3, 1_000_000, 0.9)), 4, 20_000);
        long inHot = Arrays.stream(pages, 0, 5000).filter(p -> p >= 200 && p < 500).count();
        long inCold = Arrays.stream(pages, 5000, 10_000).filter(p -> p >= 200 && p < 500).count();
        long inHot2 = Arrays.stream(pages, 10_000, 15_000).filter(p -> p >= 200 && p < 500).count();
        assertThat(inHot / 5000.0).isCloseTo(0.9, within(0.03));
        assertThat(inCold).isZero();
        assertThat(inHot2 / 5000.0).isCloseTo(0.9, within(0.03));
    }

    @Test
    void mixFollowsWeights() {
        // 3:1 mix of a 100-page hot set at 0 (share 1) and a scan confined... use uniform over 1000 pages
        SyntheticWorkload w = new SyntheticWorkload(1000, 1_000_000, List.of(new Phase(0, List.of(
                new WeightedPattern(3, new Hotset(0.1, 1.0, 0.0)), new WeightedPattern(1, new Uniform())))));
        int[] pages = pagesOf(w, 8, 100_000);
        long low = Arrays.stream(pages).filter(p -> p < 100).count();
        // P(page < 100) = 0.75 * 1 + 0.25 * 0.1
        assertThat(low / 100_000.0).isCloseTo(0.775, within(0.03));
    }

    @Test
    void phasesSwitchAtTheirStartTimes() {
        SyntheticWorkload w = new SyntheticWorkload(1000, 1000, List.of(
                Phase.of(0, new Hotset(0.1, 1.0, 0.0)),
                Phase.of(500_000, new Hotset(0.1, 1.0, 1.0)),
                Phase.of(1_200_000, new Scan(1, false))));
        try (AccessStream s = w.open(new MersenneTwister(3), 3_000_000)) {
            TraceTestSupport.Touches t = TraceTestSupport.drain(s);
            for (int i = 0; i < t.pages().size(); i++) {
                long time = t.times().get(i);
                int page = t.pages().get(i);
                if (time < 500_000) {
                    assertThat(page).isLessThan(100);
                } else if (time < 1_200_000) {
                    assertThat(page).isGreaterThanOrEqualTo(900);
                } else {
                    assertThat(page).isEqualTo((int) ((time - 1_200_000) / 1000));
                }
            }
            // 500 + 700 touches before the scan, then one 1000-page sweep, then the stream ends
            assertThat(t.pages()).hasSize(2200);
            assertThat(t.times().get(500)).isEqualTo(500_000L);
            assertThat(t.times().get(1200)).isEqualTo(1_200_000L);
        }
    }

    @Test
    void boundedStreamEndsAtDuration() {
        try (AccessStream s = SyntheticWorkload.of(10, 3, new Uniform()).open(new MersenneTwister(1), 2_000_000)) {
            // 3 per second: 0, 333333, 666666, 1000000, 1333333, 1666666
            assertThat(TraceTestSupport.drain(s).times())
                    .containsExactly(0L, 333_333L, 666_666L, 1_000_000L, 1_333_333L, 1_666_666L);
        }
    }

    @Test
    void validationNamesFieldAndRange() {
        assertThatThrownBy(() -> new Hotset(0, 0.5, 0)).hasMessageContaining("hotFraction").hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> new Hotset(0.1, 1.5, 0)).hasMessageContaining("hotShare");
        assertThatThrownBy(() -> new Zipf(0, false)).hasMessageContaining("skew");
        assertThatThrownBy(() -> new Scan(0, true)).hasMessageContaining("stride");
        assertThatThrownBy(() -> new Growth(0.1, 0.2, 0)).hasMessageContaining("overUs");
        assertThatThrownBy(() -> new Periodic(0.8, 0.3, 10, 0.5)).hasMessageContaining("startFraction + sizeFraction");
        assertThatThrownBy(() -> new WeightedPattern(-1, new Uniform())).hasMessageContaining("weight");
        assertThatThrownBy(() -> new SyntheticWorkload(10, 1, List.of(Phase.of(5, new Uniform()))))
                .hasMessageContaining("phases[0].startUs");
        assertThatThrownBy(() -> new SyntheticWorkload(10, 1, List.of(Phase.of(0, new Uniform()),
                Phase.of(0, new Uniform())))).hasMessageContaining("phases[1].startUs");
        assertThatThrownBy(() -> SyntheticWorkload.of(10, 0, new Uniform())).hasMessageContaining("rateTouchesPerSec");
    }

    private static int[] counts(int[] pages, int n) {
        int[] c = new int[n];
        for (int p : pages) {
            c[p]++;
        }
        return c;
    }
}
