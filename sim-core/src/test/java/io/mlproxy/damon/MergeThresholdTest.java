package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kdamond_fn merges with a threshold of a tenth of the highest nr_accesses the last check found
 * (max_nr_accesses / 10), not of the theoretical maximum (aggregation / sampling = 20 here). The
 * same threshold decides whether a region's age is reset (damon_merge_regions_of).
 */
class MergeThresholdTest {

    /** Regions right after the merge (the aggregation listener runs before the schemes and the split). */
    private static List<int[]> mergeOnce(int[] starts, int[] ends, int[] nr, int[] last, int[] ages) {
        Memory memory = new Memory(MemoryConfig.withDefaults(1000, 1000));
        // 3 regions at least: the merge size limit is 1000 / 3 = 333 pages
        DamonMonitor monitor = new DamonMonitor(new MonitorConfig(5_000, 100_000, 60_000_000, 3, 1000), memory,
                new MersenneTwister(3));
        ((Regions) monitor.regions()).set(starts, ends, nr, last, ages);
        List<int[]> merged = new ArrayList<>();
        monitor.setAggregationListener((r, nowUs) -> {
            for (int i = 0; i < r.count(); i++) {
                merged.add(new int[] {r.start(i), r.end(i), r.nrAccesses(i), r.age(i)});
            }
        });
        monitor.aggregate(100_000);
        return merged;
    }

    @Test
    void neighboursCloserThanATenthOfTheTheoreticalMaxStayApartWhenTheObservedMaxIsLower() {
        // observed max 9: threshold 0. With the theoretical max (20) the threshold would be 2 and
        // [0,100) and [100,200) (nr 9 and 7) would merge into one region of nr 8.
        List<int[]> merged = mergeOnce(new int[] {0, 100, 200}, new int[] {100, 200, 1000},
                new int[] {9, 7, 0}, new int[] {9, 7, 0}, new int[] {5, 5, 5});
        assertThat(merged).containsExactly(
                new int[] {0, 100, 9, 6},
                new int[] {100, 200, 7, 6},
                new int[] {200, 1000, 0, 6});
    }

    @Test
    void theObservedThresholdAlsoDecidesTheAgeReset() {
        // |9 - 7| = 2: above the observed threshold 0, so the age restarts; the theoretical one (2) would keep it growing
        List<int[]> merged = mergeOnce(new int[] {0, 100, 200}, new int[] {100, 200, 1000},
                new int[] {9, 0, 0}, new int[] {7, 0, 0}, new int[] {5, 5, 5});
        assertThat(merged.get(0)).containsExactly(0, 100, 9, 0);
    }

    @Test
    void whenSomeRegionReachesTheMaxTheThresholdIsATenthOfIt() {
        // observed max 20: threshold 2, so nr 20 and 18 merge (size-weighted nr 19, age (5+1)); 0 stays apart
        List<int[]> merged = mergeOnce(new int[] {0, 100, 200}, new int[] {100, 200, 1000},
                new int[] {20, 18, 0}, new int[] {20, 18, 0}, new int[] {5, 5, 5});
        assertThat(merged).containsExactly(
                new int[] {0, 200, 19, 6},
                new int[] {200, 1000, 0, 6});
    }

    @Test
    void aNearlyIdleAggregationMergesOnlyEqualNeighbours() {
        // observed max 1: threshold 0; the 1-access region stays apart from its idle neighbours (with 2 it
        // would join [0,200))
        List<int[]> merged = mergeOnce(new int[] {0, 100, 200, 300}, new int[] {100, 200, 300, 1000},
                new int[] {0, 0, 1, 0}, new int[] {0, 0, 1, 0}, new int[] {4, 2, 7, 1});
        assertThat(merged).containsExactly(
                new int[] {0, 200, 0, 4},   // (5*100 + 3*100) / 200
                new int[] {200, 300, 1, 8},
                new int[] {300, 1000, 0, 2});
    }
}
