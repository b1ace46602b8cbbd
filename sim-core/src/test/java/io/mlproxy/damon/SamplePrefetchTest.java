package io.mlproxy.damon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A sample hands the source all its pages before it tests them ({@link AccessBitSource#prefetch}),
 * with the pages drawn as before: one draw per region, in region order, from the monitor's random
 * stream, whatever the tests return. The check one sampling interval later tests the same pages
 * in the same order (they were fetched by the preparation).
 */
class SamplePrefetchTest {

  /** Records prefetches and tests; every other sampled bit reads as accessed. */
  private static final class Recorder implements AccessBitSource {
    final List<String> calls = new ArrayList<>();
    final int pages;

    Recorder(int pages) {
      this.pages = pages;
    }

    @Override
    public int pages() {
      return pages;
    }

    @Override
    public void prefetch(int[] pageList, int count) {
      calls.add("prefetch " + Arrays.toString(Arrays.copyOf(pageList, count)));
    }

    @Override
    public boolean testAndClearAccessed(int page) {
      calls.add("test " + page);
      return calls.size() % 2 == 0;
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

  @Property(tries = 200)
  void everySampledPageIsPrefetchedBeforeTheTestsAndDrawnAsBefore(
      @ForAll @IntRange(min = 1, max = 40) int regionCount,
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed) {
    SplittableRandom layout = new SplittableRandom(seed);
    int[] starts = new int[regionCount];
    int[] ends = new int[regionCount];
    int[] zeros = new int[regionCount];
    int page = 0;
    for (int i = 0; i < regionCount; i++) {
      starts[i] = page;
      page += 1 + layout.nextInt(50);
      ends[i] = page;
    }
    Regions regions = new Regions(regionCount);
    regions.set(starts, ends, zeros.clone(), zeros, zeros);
    Recorder source = new Recorder(page);

    regions.prepareAccessChecks(source, new SplittableRandom(seed ^ 0x5EED));

    // the pages a draw-then-test loop would have picked: the draws never depended on the tests
    SplittableRandom draws = new SplittableRandom(seed ^ 0x5EED);
    int[] expected = new int[regionCount];
    List<String> tests = new ArrayList<>();
    for (int i = 0; i < regionCount; i++) {
      expected[i] = starts[i] + draws.nextInt(ends[i] - starts[i]);
      assertThat(regions.samplePage(i)).as("sampled page of region %d", i).isEqualTo(expected[i]);
      tests.add("test " + expected[i]);
    }
    List<String> oneSample = new ArrayList<>();
    oneSample.add("prefetch " + Arrays.toString(expected));
    oneSample.addAll(tests);
    assertThat(source.calls).containsExactlyElementsOf(oneSample);

    source.calls.clear();
    regions.checkAccesses(source, 20);
    assertThat(source.calls).containsExactlyElementsOf(tests);
  }
}
