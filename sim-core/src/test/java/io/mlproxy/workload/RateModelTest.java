package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The rate model: its page shares are the samplers' distributions, its realised accesses have the
 * Poisson frequencies and are pure functions (every way of asking gives the same ticks), and its
 * scans follow the samplers' sweep order on an exact schedule.
 */
class RateModelTest {

    private static final long TICK = 5_000;

    private static List<AccessPattern> patterns() {
        return List.of(new Hotset(0.1, 0.9, 0.5), new Hotset(0.25, 1.0, 0.0), new Zipf(0.99, true),
                new Zipf(1.5, false), new Uniform(0.25, 0.5), new Growth(0.1, 1.0, 1_000_000),
                new Periodic(0.2, 0.3, 20_000, 0.8));
    }

    @Test
    void sharesAreTheSamplersDistributions() {
        int pages = 512;
        for (AccessPattern p : patterns()) {
            // growth half way, periodic in its hot half; the rates hold at the epoch's midpoint
            long t0 = p instanceof Growth ? 500_000 : 5_000;
            SyntheticWorkload w = SyntheticWorkload.of(pages, 1_000_000, p);
            RateModel m = RateModel.compile(w, TICK, 2_000_000);
            int e = m.epochOf((int) (t0 / TICK));
            long t = (m.epochStart(e) + (long) m.epochEnd(e)) * TICK / 2;
            long seed = 99;
            AccessPaths paths = new AccessPaths(m, seed);
            // the sampler with the same permutation key the paths bound (for scrambled Zipf)
            PageSampler sampler = p instanceof Zipf z && z.scrambled()
                    ? scrambledSampler(z, pages, paths, e) : p.sampler(pages, new SplittableRandom(1));
            double[] counts = new double[pages];
            SplittableRandom rnd = new SplittableRandom(5);
            int draws = 400_000;
            for (int i = 0; i < draws; i++) {
                counts[sampler.next(rnd, t)]++;
            }
            double perTick = m.poissonTouchesPerTick(e);
            double sum = 0;
            for (int page = 0; page < pages; page++) {
                double expected = paths.lambda(page, e) / perTick;
                sum += expected;
                assertThat(counts[page] / draws).as(p + " page " + page)
                        .isCloseTo(expected, within(5 * Math.sqrt(expected / draws) + 1e-4));
            }
            assertThat(sum).as(p.toString()).isCloseTo(1.0, within(1e-9));
        }
    }

    /** A sampler drawing Zipf ranks and mapping them as the bound share does. */
    private static PageSampler scrambledSampler(Zipf z, int pages, AccessPaths paths, int epoch) {
        ZipfSampler ranks = new ZipfSampler(z.skew(), pages);
        // find the bound permutation through the share: page of rank 1 is where λ is largest
        double[] lambda = new double[pages];
        for (int p = 0; p < pages; p++) {
            lambda[p] = paths.lambda(p, epoch);
        }
        Integer[] order = new Integer[pages];
        for (int i = 0; i < pages; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        return (r, t) -> order[ranks.nextRank(r) - 1];
    }

    @Test
    void permutationInverseUndoesApply() {
        for (int n : new int[] {1, 2, 3, 7, 100, 2048, 100_003}) {
            PagePermutation perm = new PagePermutation(n, 0x1234_5678_9ABCL * n);
            boolean[] seen = new boolean[n];
            for (int x = 0; x < n; x++) {
                int y = perm.apply(x);
                assertThat(seen[y]).isFalse();
                seen[y] = true;
                assertThat(perm.inverse(y)).isEqualTo(x);
            }
        }
    }

    @Test
    void accessFrequenciesArePoisson() {
        // one hot page per tick on average spread over 64 pages, and a cold rest
        int pages = 4096;
        SyntheticWorkload w = SyntheticWorkload.of(pages, 2_000, new Hotset(1.0 / 64, 0.9, 0.0));
        RateModel m = RateModel.compile(w, TICK, 60_000_000);
        AccessPaths paths = new AccessPaths(m, 7);
        double lambdaHot = paths.lambda(0, 0);
        double lambdaCold = paths.lambda(pages - 1, 0);
        assertThat(lambdaHot).isGreaterThan(AccessPaths.DENSE);
        assertThat(lambdaCold).isLessThan(AccessPaths.DENSE);
        long hotHits = 0;
        long coldHits = 0;
        int ticks = m.ticks();
        for (int j = 0; j < ticks; j++) {
            for (int p = 0; p < 8; p++) {
                hotHits += paths.accessed(p, j) ? 1 : 0;
            }
        }
        AccessCursors cursors = new AccessCursors(paths);
        for (int p = 100; p < pages; p++) {
            for (int c = cursors.next(p); c != AccessPaths.NEVER; c = cursors.next(p)) {
                coldHits++;
                cursors.consume(p, c);
            }
        }
        double qHot = -Math.expm1(-lambdaHot);
        double nHot = 8.0 * ticks;
        assertThat(hotHits / nHot).isCloseTo(qHot, within(5 * Math.sqrt(qHot / nHot)));
        double qCold = -Math.expm1(-lambdaCold);
        double nCold = (pages - 100.0) * ticks;
        assertThat(coldHits / nCold).isCloseTo(qCold, within(5 * Math.sqrt(qCold / nCold)));
    }

    /** A workload with phases whose pages change from dense to sparse and back. */
    private static SyntheticWorkload phased(int pages) {
        return new SyntheticWorkload(pages, 50_000, List.of(
                new Phase(0, List.of(new WeightedPattern(1, new Hotset(0.1, 0.95, 0.0)))),
                new Phase(1_000_000, List.of(new WeightedPattern(1, new Hotset(0.1, 0.95, 0.5)),
                        new WeightedPattern(0.5, new Periodic(0.7, 0.2, 400_000, 0.9)))),
                new Phase(2_500_000, List.of(new WeightedPattern(1, new Zipf(1.1, true))))));
    }

    @Property(tries = 60)
    void cursorsSeeThePureFunctionsWhateverTheQueries(@ForAll @LongRange(min = 1, max = 1L << 40) long seed,
                                                        @ForAll @IntRange(min = 1, max = 97) int stride) {
        int pages = 64;
        RateModel m = RateModel.compile(phased(pages), TICK, 4_000_000);
        AccessPaths paths = new AccessPaths(m, seed);
        AccessCursors cursors = new AccessCursors(paths);
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] lastSeen = new int[pages];
        java.util.Arrays.fill(lastSeen, -1);
        for (int t = 1; t <= m.ticks(); t += 1 + rnd.nextInt(stride)) {
            int page = rnd.nextInt(pages);
            int from = lastSeen[page] + 1;
            int expectLast = -1;
            for (int j = Math.max(0, from); j < t; j++) {
                if (paths.accessed(page, j)) {
                    expectLast = j;
                }
            }
            int lastEver = -1;
            for (int j = 0; j < t; j++) {
                if (paths.accessed(page, j)) {
                    lastEver = j;
                }
            }
            assertThat(cursors.lastAccessBefore(page, t)).as("last access of %d before %d", page, t)
                    .isEqualTo(lastEver);
            if (rnd.nextInt(4) == 0) {
                // a DAMON sample's prefetch of its pages changes nothing the cursors answer
                cursors.prefetch(new int[] {page, rnd.nextInt(pages), -1}, 2);
            }
            // sync consumes everything before t; what it reports is the last access since the previous sync
            int last = cursors.sync(page, t);
            assertThat(last).as("page %d, ticks [%d, %d)", page, from, t).isEqualTo(expectLast);
            lastSeen[page] = t - 1;
            if (rnd.nextBoolean()) {
                int next = cursors.next(page);
                assertThat(next).isEqualTo(paths.firstAccess(page, t));
                if (next != AccessPaths.NEVER && rnd.nextInt(3) == 0) {
                    // deliver it as the calendar would, then carry on past it
                    cursors.consume(page, next);
                    lastSeen[page] = next;
                    t = Math.max(t, next);
                }
            }
        }
    }

    @Test
    void differentSeedsDifferentPathsSameSeedSamePaths() {
        RateModel m = RateModel.compile(phased(256), TICK, 4_000_000);
        AccessPaths a = new AccessPaths(m, 1);
        AccessPaths b = new AccessPaths(m, 1);
        AccessPaths c = new AccessPaths(m, 2);
        int differ = 0;
        for (int p = 0; p < 256; p++) {
            assertThat(a.firstAccess(p, 100)).isEqualTo(b.firstAccess(p, 100));
            differ += a.firstAccess(p, 100) != c.firstAccess(p, 100) ? 1 : 0;
        }
        assertThat(differ).isGreaterThan(100);
    }

    @Test
    void scansSweepInTheSamplersOrderOnAnExactSchedule() {
        int pages = 1000;
        for (int stride : new int[] {1, 3, 7, 1000, 2000}) {
            Scan scan = new Scan(stride, true, 0.1, 0.5);
            PageSampler sampler = scan.sampler(pages, new SplittableRandom(1));
            // the scan alone at 100,000 touches/s: touch k at k * 10 us
            RateModel m = RateModel.compile(SyntheticWorkload.of(pages, 100_000, scan), TICK, 1_000_000);
            ScanSweep sweep = m.scans().get(0);
            for (int k = 0; k < 1500; k++) {
                assertThat(sweep.pageAt(k)).as("stride %d touch %d", stride, k).isEqualTo(sampler.next(null, 0));
            }
            assertThat(m.scanTouchesBefore(10_000)).isEqualTo(1000);
            assertThat(m.scanTouchesBefore(10_001)).isEqualTo(1001);
            assertThat(m.poissonTouchesPerTick(0)).isZero();
        }
    }

    @Test
    void aNonLoopingScanLeavesTheMixWhenItsSweepIsDone() {
        // 1000 pages, scan weight 1 of 4 at 100,000/s: 25,000 scan touches/s, done after 40 ms
        SyntheticWorkload w = new SyntheticWorkload(1000, 100_000, List.of(new Phase(0, List.of(
                new WeightedPattern(1, new Scan(1, false)), new WeightedPattern(3, new Uniform())))));
        RateModel m = RateModel.compile(w, 1_000, 100_000);
        assertThat(m.scanTouchesBefore(40_000)).isEqualTo(1000);
        assertThat(m.scanTouchesBefore(100_000)).isEqualTo(1000);
        assertThat(m.epochs()).isEqualTo(2);
        assertThat(m.epochStart(1)).isEqualTo(40);
        // 75,000 then 100,000 Poisson touches per second, 1 ms ticks
        assertThat(m.poissonTouchesPerTick(0)).isCloseTo(75.0, within(1e-9));
        assertThat(m.poissonTouchesPerTick(1)).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void tooManyRateChangesAreRefused() {
        SyntheticWorkload w = SyntheticWorkload.of(100, 1000, new Periodic(0, 0.5, 20_000, 0.9));
        assertThatThrownBy(() -> RateModel.compile(w, 10_000, 4_000_000_000L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("65536");
        List<Phase> many = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            many.add(Phase.of(i * 1_000_000L, new Uniform()));
        }
        assertThat(RateModel.compile(new SyntheticWorkload(100, 1000, many), 5_000, 10_000_000).epochs()).isEqualTo(10);
    }

    @Test
    void theNextScanTouchIsTheOneTheScheduleDelivers() {
        int pages = 300;
        SyntheticWorkload w = new SyntheticWorkload(pages, 20_000, List.of(
                new Phase(0, List.of(new WeightedPattern(1, new Scan(1, true, 0.0, 0.5)),
                        new WeightedPattern(1, new Scan(7, false, 0.5, 0.5)), new WeightedPattern(2, new Uniform()))),
                new Phase(400_000, List.of(new WeightedPattern(1, new Scan(3, true)),
                        new WeightedPattern(3, new Hotset(0.1, 0.9, 0.0))))));
        RateModel m = RateModel.compile(w, 1_000, 1_000_000);
        // deliver every scan touch tick by tick, as the rate driver does, and remember when each page got one
        List<List<Integer>> touched = new ArrayList<>();
        for (int p = 0; p < pages; p++) {
            touched.add(new ArrayList<>());
        }
        for (int tick = 0; tick < m.ticks(); tick++) {
            for (int s = 0; s < m.scanCount(); s++) {
                for (long k = m.scanTouchesBefore(s, tick * 1_000L); k < m.scanTouchesBefore(s, (tick + 1) * 1_000L); k++) {
                    touched.get(m.scanPage(s, k)).add(tick);
                }
            }
        }
        SplittableRandom rnd = new SplittableRandom(11);
        for (int q = 0; q < 5_000; q++) {
            int page = rnd.nextInt(pages);
            int tick = rnd.nextInt(m.ticks());
            long expected = touched.get(page).stream().filter(t -> t >= tick).findFirst().map(t -> (long) t)
                    .orElse(Long.MAX_VALUE);
            long next = m.nextScanTouchUs(page, tick * 1_000L);
            assertThat(next == Long.MAX_VALUE ? Long.MAX_VALUE : next / 1_000).as("page %d from tick %d", page, tick)
                    .isEqualTo(expected);
        }
    }
}
