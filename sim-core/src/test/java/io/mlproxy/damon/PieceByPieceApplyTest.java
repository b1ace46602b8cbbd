package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheme decides each region piece by piece: a piece ends where the quota runs out
 * (damos_apply_scheme splits the region there) or where the hook decided only a prefix (split as at
 * an address filter's boundary), and the rest of the region is offered again. A piece acted on
 * (non-stat) gets age 0, every other piece keeps the region's age and access counts, as
 * damon_split_region_at gives the new region the old one's figures.
 */
class PieceByPieceApplyTest {

    private static final int PAGE = 4096;
    private static final int PAGEOUT = DamosAction.PAGEOUT.code();
    private static final int NONE = DamosAction.NONE.code();
    /** A hook answer that covers the whole candidate. */
    private static final int WHOLE = Integer.MAX_VALUE;

    private Memory memory;
    private Regions regions;

    /** r0 [0,40) idle, age 50; r1 [40,70) accessed (nr 5); r2 [70,100) idle, age 10 (younger than min_age 20). */
    private void start() {
        memory = new Memory(MemoryConfig.withDefaults(100, 100));
        for (int p = 0; p < 100; p++) {
            memory.touch(p, 0);
            memory.testAndClearAccessed(p);
        }
        regions = new Regions(8);
        regions.set(new int[] {0, 40, 70}, new int[] {40, 70, 100}, new int[] {0, 5, 0}, new int[] {0, 5, 0},
                new int[] {50, 5, 10});
    }

    private static DamosScheme scheme(long quotaPages) {
        return new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, 0, 20, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, new DamosQuota(0, quotaPages * PAGE, 1000, 0, 0, 1), DamosWatermarks.none());
    }

    /** Answers the calls in order with scripted {action (-1 = the default), decision end}; records calls and applications. */
    private static final class ScriptedHook implements DamosDecisionHook {
        final List<int[]> calls = new ArrayList<>();
        final List<int[]> applied = new ArrayList<>();
        private final int[][] script;
        private int lastEnd = WHOLE;

        ScriptedHook(int[]... script) {
            this.script = script;
        }

        @Override
        public int decide(int regionIndex, int startPage, int endPage, int defaultAction) {
            int k = calls.size();
            calls.add(new int[] {regionIndex, startPage, endPage, defaultAction});
            if (k >= script.length) {
                lastEnd = WHOLE;
                return defaultAction;
            }
            lastEnd = script[k][1];
            return script[k][0] < 0 ? defaultAction : script[k][0];
        }

        @Override
        public int lastDecisionEnd() {
            return lastEnd;
        }

        @Override
        public void applied(int action, int startPage, int endPage, int changedPages) {
            applied.add(new int[] {action, startPage, endPage, changedPages});
        }
    }

    /** start, end, age, nr_accesses of every region. */
    private List<int[]> layout() {
        List<int[]> l = new ArrayList<>();
        for (int i = 0; i < regions.count(); i++) {
            l.add(new int[] {regions.start(i), regions.end(i), regions.age(i), regions.nrAccesses(i)});
        }
        return l;
    }

    @Test
    void aHooksPrefixSplitsTheRegionAndTheRestIsOfferedAgain() {
        start();
        DamosScheme s = scheme(30);
        ScriptedHook hook = new ScriptedHook(new int[] {NONE, 10}); // keep [0,10), decide nothing beyond it
        s.setDecisionHook(hook);
        s.apply(regions, memory, 20, 100_000, 0);

        assertThat(hook.calls).containsExactly(
                new int[] {0, 0, 30, PAGEOUT},   // 40 pages, 30 of quota
                new int[] {0, 10, 40, PAGEOUT},  // the rest: 30 pages, all within the quota
                new int[] {2, 70, 100, NONE},    // quota used up (and too young anyway)
                new int[] {1, 40, 70, NONE});
        assertThat(hook.applied).containsExactly(new int[] {PAGEOUT, 10, 40, 30});
        assertThat(layout()).containsExactly(
                new int[] {0, 10, 50, 0},   // kept: keeps its age
                new int[] {10, 40, 0, 0},   // paged out: age 0
                new int[] {40, 70, 5, 5},
                new int[] {70, 100, 10, 0});
        assertThat(memory.isPagedOut(9)).isFalse();
        assertThat(memory.isPagedOut(10)).isTrue();
        assertThat(s.stats().nrOverridden()).isEqualTo(1);
    }

    @Test
    void aRegionIsSplitAtTheHooksPrefixesAndAtTheQuotaBoundaryInOnePass() {
        start();
        DamosScheme s = scheme(30);
        ScriptedHook hook = new ScriptedHook(
                new int[] {PAGEOUT, 12},   // page out [0,12)
                new int[] {NONE, 20},      // keep [12,20)
                new int[] {-1, WHOLE});    // the default for the rest of the candidate: [20,38)
        s.setDecisionHook(hook);
        s.apply(regions, memory, 20, 100_000, 0);

        assertThat(hook.calls.subList(0, 4)).containsExactly(
                new int[] {0, 0, 30, PAGEOUT},
                new int[] {0, 12, 30, PAGEOUT},  // 18 pages of quota left
                new int[] {0, 20, 38, PAGEOUT},
                new int[] {0, 38, 40, NONE});    // the quota ran out at 38
        assertThat(layout()).containsExactly(
                new int[] {0, 12, 0, 0},
                new int[] {12, 20, 50, 0},
                new int[] {20, 38, 0, 0},
                new int[] {38, 40, 50, 0},
                new int[] {40, 70, 5, 5},
                new int[] {70, 100, 10, 0});
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
        assertThat(s.stats().szTriedBytes()).isEqualTo(30L * PAGE);
    }

    @Test
    void aPrefixLongerThanTheQuotaIsClippedToIt() {
        start();
        DamosScheme s = scheme(30);
        s.setDecisionHook(new ScriptedHook(new int[] {PAGEOUT, 35}));
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(layout().subList(0, 2)).containsExactly(new int[] {0, 30, 0, 0}, new int[] {30, 40, 50, 0});
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
    }

    @Test
    void aQuotaLimitedCandidateNobodyActsOnLeavesTheRegionWholeAndTheQuotaForOthers() {
        start();
        regions.setAge(2, 30); // r2 old enough now
        DamosScheme s = scheme(30);
        ScriptedHook hook = new ScriptedHook(new int[] {NONE, WHOLE});
        s.setDecisionHook(hook);
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(hook.calls.get(1)).containsExactly(2, 70, 100, PAGEOUT); // r2 gets the whole quota
        assertThat(layout()).containsExactly(
                new int[] {0, 40, 50, 0},
                new int[] {40, 70, 5, 5},
                new int[] {70, 100, 0, 0});
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
    }

    @Test
    void withoutQuotaLeftAHooksPageoutIsNotCarriedOut() {
        start();
        DamosScheme s = scheme(30);
        // default for [0,30); then PAGEOUT asked for [30,40), r2 and r1: no quota left for any of them
        s.setDecisionHook(new ScriptedHook(new int[] {-1, WHOLE}, new int[] {PAGEOUT, WHOLE},
                new int[] {PAGEOUT, WHOLE}, new int[] {PAGEOUT, WHOLE}));
        s.apply(regions, memory, 20, 100_000, 0);
        assertThat(memory.counters().pagesPagedOut()).isEqualTo(30);
        assertThat(memory.isPagedOut(30)).isFalse();
        assertThat(memory.isPagedOut(70)).isFalse();
        assertThat(s.stats().szTriedBytes()).isEqualTo(30L * PAGE);
        assertThat(layout()).containsExactly(
                new int[] {0, 30, 0, 0},
                new int[] {30, 40, 50, 0},
                new int[] {40, 70, 5, 5},
                new int[] {70, 100, 10, 0});
    }

    /**
     * Whatever prefixes and actions a hook returns and whatever the quota: the regions still tile
     * the space; exactly the pages of the pieces acted on are paged out, no more than the quota;
     * their regions have age 0 and every other page's region keeps its original age and counts.
     */
    @Property(tries = 300)
    void piecesTileTheSpaceAndKeepOrResetAgeAsMainline(
            @ForAll @IntRange(min = 1, max = 8) int nrRegions,
            @ForAll @IntRange(min = 0, max = 400) int quotaPages,
            @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int pages = nrRegions * (2 + random.nextInt(40));
        Memory m = new Memory(MemoryConfig.withDefaults(pages, pages));
        for (int p = 0; p < pages; p++) {
            m.touch(p, 0);
            m.testAndClearAccessed(p);
        }
        int[] starts = new int[nrRegions];
        int[] ends = new int[nrRegions];
        int[] nr = new int[nrRegions];
        int[] ages = new int[nrRegions];
        for (int i = 0; i < nrRegions; i++) {
            starts[i] = i * pages / nrRegions;
            ends[i] = (i + 1) * pages / nrRegions;
            nr[i] = random.nextInt(3);
            ages[i] = random.nextInt(60);
        }
        Regions r = new Regions(4);
        r.set(starts, ends, nr, nr.clone(), ages);
        int[] pageAge = new int[pages];
        int[] pageNr = new int[pages];
        for (int i = 0; i < nrRegions; i++) {
            for (int p = starts[i]; p < ends[i]; p++) {
                pageAge[p] = ages[i];
                pageNr[p] = nr[i];
            }
        }
        // any region of at least a page, any nr_accesses, any age: only the quota and the hook limit it
        DamosScheme s = new DamosScheme(new DamosAccessPattern(PAGE, Long.MAX_VALUE, 0, Integer.MAX_VALUE, 0,
                Integer.MAX_VALUE), DamosAction.PAGEOUT, new DamosQuota(0, (long) quotaPages * PAGE, 1000, 0, 0, 1),
                DamosWatermarks.none());
        RandomHook hook = new RandomHook(random, pages);
        s.setDecisionHook(hook);
        s.apply(r, m, 20, 100_000, 0);

        assertThat(r.start(0)).isZero();
        assertThat(r.end(r.count() - 1)).isEqualTo(pages);
        for (int i = 0; i < r.count(); i++) {
            assertThat(r.end(i)).isGreaterThan(r.start(i));
            if (i > 0) {
                assertThat(r.start(i)).isEqualTo(r.end(i - 1));
            }
            for (int p = r.start(i); p < r.end(i); p++) {
                assertThat(m.isPagedOut(p)).as("page %d", p).isEqualTo(hook.actedOn[p]);
                assertThat(r.age(i)).as("age of the region holding page %d", p)
                        .isEqualTo(hook.actedOn[p] ? 0 : pageAge[p]);
                assertThat(r.nrAccesses(i)).isEqualTo(pageNr[p]);
                assertThat(r.lastNrAccesses(i)).isEqualTo(pageNr[p]);
            }
        }
        if (quotaPages > 0) {
            assertThat(m.counters().pagesPagedOut()).isLessThanOrEqualTo(quotaPages);
            assertThat(s.stats().szTriedBytes()).isLessThanOrEqualTo((long) quotaPages * PAGE);
        }
        assertThat(r.count()).isLessThanOrEqualTo(nrRegions + hook.calls);
    }

    /** Answers the default, NONE or PAGEOUT, over the whole candidate or a random prefix of it. */
    private static final class RandomHook implements DamosDecisionHook {
        final boolean[] actedOn;
        int calls;
        private final SplittableRandom random;
        private int lastEnd;

        RandomHook(SplittableRandom random, int pages) {
            this.random = random;
            this.actedOn = new boolean[pages];
        }

        @Override
        public int decide(int regionIndex, int startPage, int endPage, int defaultAction) {
            calls++;
            lastEnd = random.nextBoolean() ? WHOLE : startPage + 1 + random.nextInt(endPage - startPage);
            return switch (random.nextInt(3)) {
                case 0 -> defaultAction;
                case 1 -> NONE;
                default -> PAGEOUT;
            };
        }

        @Override
        public int lastDecisionEnd() {
            return lastEnd;
        }

        @Override
        public void applied(int action, int startPage, int endPage, int changedPages) {
            for (int p = startPage; p < endPage; p++) {
                actedOn[p] = true;
            }
        }
    }
}
