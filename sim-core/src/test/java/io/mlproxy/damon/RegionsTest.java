package io.mlproxy.damon;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Merge, split and age rules on hand-computed cases. */
class RegionsTest {

    private static Regions regions(int[] starts, int[] ends, int[] nr, int[] last, int[] ages) {
        Regions r = new Regions(8);
        r.set(starts, ends, nr, last, ages);
        return r;
    }

    @Test
    void ageGrowsWhileFrequencyIsSimilarAndResetsOnAJumpOrAZeroCrossing() {
        Regions r = regions(new int[] {0, 10, 20, 30}, new int[] {10, 20, 30, 40},
                new int[] {5, 9, 0, 1}, new int[] {3, 2, 0, 0}, new int[] {7, 7, 7, 7});
        r.updateAges(2);
        // |5-3|=2 <= 2 -> 8; |9-2|=7 > 2 -> 0; 0/0 -> 8; 1 vs 0 crosses zero -> 0
        assertThat(new int[] {r.age(0), r.age(1), r.age(2), r.age(3)}).containsExactly(8, 0, 8, 0);
    }

    @Test
    void similarNeighboursMergeWithSizeWeightedAccessesAndAge() {
        Regions r = regions(new int[] {0, 10, 30}, new int[] {10, 30, 40},
                new int[] {4, 5, 9}, new int[] {1, 2, 3}, new int[] {10, 1, 3});
        r.mergePass(2, 100);
        assertThat(r.count()).isEqualTo(2);
        // nr = (4*10 + 5*20) / 30 = 4, age = (10*10 + 1*20) / 30 = 4; last_nr_accesses stays the left one's
        assertThat(new int[] {r.start(0), r.end(0), r.nrAccesses(0), r.age(0), r.lastNrAccesses(0)})
                .containsExactly(0, 30, 4, 4, 1);
        assertThat(new int[] {r.start(1), r.end(1), r.nrAccesses(1), r.age(1)}).containsExactly(30, 40, 9, 3);
    }

    @Test
    void mergeRespectsTheSizeLimitAndChainsLeftToRight() {
        Regions r = regions(new int[] {0, 10, 20, 30}, new int[] {10, 20, 30, 40},
                new int[] {0, 0, 0, 0}, new int[] {0, 0, 0, 0}, new int[] {1, 2, 3, 4});
        r.mergePass(0, 20);
        // [0,10)+[10,20) = 20 <= 20 merge; +[20,30) would be 30 > 20; [20,30)+[30,40) merge
        assertThat(r.count()).isEqualTo(2);
        assertThat(new int[] {r.end(0), r.age(0), r.end(1), r.age(1)}).containsExactly(20, 1, 40, 3);
    }

    @Test
    void twoWaySplitCutsAtTheDrawnTenthAndSubRegionsInherit() {
        Regions r = regions(new int[] {0, 100}, new int[] {100, 102},
                new int[] {6, 1}, new int[] {4, 2}, new int[] {9, 5});
        long seed = 42;
        int k = new SplittableRandom(seed).nextInt(1, 10);
        r.splitAll(2, new SplittableRandom(seed));
        // [0,100) is cut at k*100/10; [100,102) has 2 pages and is not split
        assertThat(r.count()).isEqualTo(3);
        assertThat(r.end(0)).isEqualTo(k * 10);
        assertThat(r.start(1)).isEqualTo(k * 10);
        assertThat(r.end(1)).isEqualTo(100);
        for (int i = 0; i < 2; i++) {
            assertThat(new int[] {r.nrAccesses(i), r.lastNrAccesses(i), r.age(i)}).containsExactly(6, 4, 9);
        }
        assertThat(new int[] {r.start(2), r.end(2)}).containsExactly(100, 102);
    }

    @Test
    void threeWaySplitCutsTheLeftPieceAgain() {
        Regions r = regions(new int[] {0}, new int[] {1000}, new int[] {0}, new int[] {0}, new int[] {0});
        SplittableRandom draws = new SplittableRandom(7);
        int a = draws.nextInt(1, 10) * 1000 / 10;
        int b = draws.nextInt(1, 10) * a / 10;
        r.splitAll(3, new SplittableRandom(7));
        assertThat(r.count()).isEqualTo(3);
        assertThat(new int[] {r.start(0), r.end(0), r.end(1), r.end(2)}).containsExactly(0, b, a, 1000);
    }

    @Test
    void splitAtKeepsThePrefixAndGivesTheRestItsAge() {
        Regions r = regions(new int[] {0, 10}, new int[] {10, 40}, new int[] {1, 0}, new int[] {1, 0}, new int[] {3, 0});
        r.splitAt(1, 12, 55);
        assertThat(r.count()).isEqualTo(3);
        assertThat(new int[] {r.start(1), r.end(1), r.start(2), r.end(2), r.age(2)}).containsExactly(10, 22, 22, 40, 55);
    }

    @Test
    void initialRegionsAreEvenPieces() {
        Regions r = new Regions(4);
        r.initEvenly(25, 10);
        assertThat(r.count()).isEqualTo(10);
        assertThat(r.start(0)).isZero();
        assertThat(r.end(9)).isEqualTo(25);
        for (int i = 0; i < 10; i++) {
            assertThat(r.sizePages(i)).isBetween(2, 3);
        }
    }
}
