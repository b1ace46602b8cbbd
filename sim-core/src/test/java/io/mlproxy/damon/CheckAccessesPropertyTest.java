package io.mlproxy.damon;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * damon_pa_check_accesses ({@link Regions#checkAccesses}, written without a branch on the sampled
 * bit): nr_accesses + 1 exactly for the regions whose sampled page was accessed, never above the
 * maximum, and every sampled bit cleared. And damon_pa_prepare_access_checks hands the source all
 * its pages before it tests them ({@link AccessBitSource#prefetch}), the pages drawn as a
 * draw-then-test loop draws them: one per region, in region order, whatever the tests return.
 */
class CheckAccessesPropertyTest {

    /** Accessed bits in a boolean per page; records the prefetches and tests. */
    private static final class Bits implements AccessBitSource {
        final boolean[] accessed;
        final List<String> calls = new ArrayList<>();

        Bits(int pages) {
            accessed = new boolean[pages];
        }

        @Override
        public int pages() {
            return accessed.length;
        }

        @Override
        public void prefetch(int[] pages, int count) {
            calls.add("prefetch " + Arrays.toString(Arrays.copyOf(pages, count)));
        }

        @Override
        public boolean testAndClearAccessed(int page) {
            calls.add("test " + page);
            boolean was = accessed[page];
            accessed[page] = false;
            return was;
        }

        @Override
        public int residentPages(int start, int end) {
            return end - start;
        }

        @Override
        public int recentRefaults(int start, int end) {
            return 0;
        }

        @Override
        public void clearRecentRefaults() {
        }
    }

    @Property(tries = 300)
    void countsAccessedSamplesUpToTheMaximum(@ForAll @IntRange(min = 1, max = 40) int regionCount,
                                             @ForAll @IntRange(min = 1, max = 25) int maxNr,
                                             @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] layout = adjacentRegions(random, regionCount, 6);
        int[] starts = layout[0];
        int[] ends = layout[1];
        int page = ends[regionCount - 1];
        int[] nr = new int[regionCount];
        int[] zeros = new int[regionCount];
        for (int i = 0; i < regionCount; i++) {
            // at the maximum now and then, so that the cap is crossed
            nr[i] = random.nextInt(3) == 0 ? maxNr : random.nextInt(maxNr + 1);
        }
        Regions regions = new Regions(regionCount);
        regions.set(starts, ends, nr, zeros, zeros);
        Bits bits = new Bits(page);
        regions.prepareAccessChecks(bits, random);
        for (int p = 0; p < page; p++) {
            bits.accessed[p] = random.nextBoolean();
        }
        boolean[] before = bits.accessed.clone();
        regions.checkAccesses(bits, maxNr);
        for (int i = 0; i < regionCount; i++) {
            int sampled = regions.samplePage(i);
            int expected = before[sampled] && nr[i] < maxNr ? nr[i] + 1 : nr[i];
            assertThat(regions.nrAccesses(i)).as("nr_accesses of region %d", i).isEqualTo(expected);
            assertThat(bits.accessed[sampled]).as("sampled bit of region %d", i).isFalse();
        }
    }

    @Property(tries = 200)
    void everySampledPageIsPrefetchedBeforeTheTestsAndDrawnAsBefore(
            @ForAll @IntRange(min = 1, max = 40) int regionCount,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
        SplittableRandom layout = new SplittableRandom(seed);
        int[][] bounds = adjacentRegions(layout, regionCount, 50);
        int[] starts = bounds[0];
        int[] ends = bounds[1];
        int page = ends[regionCount - 1];
        int[] zeros = new int[regionCount];
        Regions regions = new Regions(regionCount);
        regions.set(starts, ends, zeros.clone(), zeros, zeros);
        Bits bits = new Bits(page);
        for (int p = 0; p < page; p++) {
            bits.accessed[p] = layout.nextBoolean();
        }

        regions.prepareAccessChecks(bits, new SplittableRandom(seed ^ 0x5EED));

        SplittableRandom draws = new SplittableRandom(seed ^ 0x5EED);
        int[] expected = new int[regionCount];
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < regionCount; i++) {
            expected[i] = starts[i] + draws.nextInt(ends[i] - starts[i]);
            assertThat(regions.samplePage(i)).as("sampled page of region %d", i)
                    .isEqualTo(expected[i]);
            tests.add("test " + expected[i]);
        }
        List<String> preparation = new ArrayList<>();
        preparation.add("prefetch " + Arrays.toString(expected));
        preparation.addAll(tests);
        assertThat(bits.calls).containsExactlyElementsOf(preparation);

        // a sampling interval later: the same pages, same order (the preparation fetched them)
        bits.calls.clear();
        regions.checkAccesses(bits, 20);
        assertThat(bits.calls).containsExactlyElementsOf(tests);
    }

    /** {starts, ends} of {@code count} adjacent regions from page 0, each 1..maxLength pages long. */
    private static int[][] adjacentRegions(SplittableRandom random, int count, int maxLength) {
        int[] starts = new int[count];
        int[] ends = new int[count];
        int page = 0;
        for (int i = 0; i < count; i++) {
            starts[i] = page;
            page += 1 + random.nextInt(maxLength);
            ends[i] = page;
        }
        return new int[][] {starts, ends};
    }
}
