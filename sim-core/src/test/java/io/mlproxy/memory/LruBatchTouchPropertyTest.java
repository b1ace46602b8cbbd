package io.mlproxy.memory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Memory#touchAll}'s loop for hits under a stamped LRU list against the general path, touch
 * by touch: the same counters, watch callbacks (in the same order), per-page state and LRU order,
 * through pageouts, watches, LRU moves and evictions (which turn the list linked).
 */
class LruBatchTouchPropertyTest {

    private static final int PAGES = 96;

    /**
     * Each step is an operation drawn from {@code seed}: most are a batch of touches, the others
     * sample accessed bits, page out, watch, move in the LRU list or shrink the usable capacity (a
     * capacity above the address space keeps the list stamped unless that shrink evicts).
     */
    @Property(tries = 300)
    void batchesBehaveAsSingleTouches(@ForAll long seed,
                                      @ForAll @IntRange(min = 1, max = 60) int steps,
                                      @ForAll @IntRange(min = 8, max = 200) int capacity) {
        MemoryConfig config = MemoryConfig.withDefaults(PAGES, Math.min(capacity, PAGES)).withEviction(Eviction.LRU);
        Memory batch = new Memory(config);
        Memory single = new Memory(config);
        List<String> batchWatch = new ArrayList<>();
        List<String> singleWatch = new ArrayList<>();
        batch.setWatchListener((p, ms, resident) -> batchWatch.add(p + "@" + ms + ":" + resident + ":" + batch.counters().hits()));
        single.setWatchListener((p, ms, resident) -> singleWatch.add(p + "@" + ms + ":" + resident + ":" + single.counters().hits()));
        long nowUs = 1000;
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int s = 0; s < steps; s++) {
            nowUs += 1000 + random.nextInt(5000);
            int op = random.nextInt(40);
            int a = random.nextInt(PAGES);
            int b = Math.min(PAGES, a + 1 + random.nextInt(24));
            int step = random.nextInt(1 << 20);
            switch (op) {
                case 30, 31, 32 -> {
                    // DAMON's sampling: reads and clears accessed bits, so later hits must set them again
                    for (int p = a; p < b; p++) {
                        assertThat(batch.testAndClearAccessed(p)).as("accessed %d", p).isEqualTo(single.testAndClearAccessed(p));
                    }
                }
                case 33, 34 -> {
                    batch.pageOut(a, b, step, nowUs);
                    single.pageOut(a, b, step, nowUs);
                }
                case 35, 36 -> {
                    batch.watch(a, b, nowUs);
                    single.watch(a, b, nowUs);
                }
                case 37, 38 -> {
                    batch.lruDeprio(a, b, nowUs);
                    single.lruDeprio(a, b, nowUs);
                    batch.lruPrio(b - 1, b, nowUs);
                    single.lruPrio(b - 1, b, nowUs);
                }
                case 39 -> {
                    int usable = 1 + a % config.capacityPages();
                    batch.setUsableCapacity(usable);
                    single.setUsableCapacity(usable);
                    batch.setUsableCapacity(config.capacityPages());
                    single.setUsableCapacity(config.capacityPages());
                }
                default -> {
                    // a hot set over [a, b) with a few touches anywhere: hits in runs, faults between
                    int[] pages = new int[1 + random.nextInt(200)];
                    for (int i = 0; i < pages.length; i++) {
                        pages[i] = random.nextInt(10) == 0 ? random.nextInt(PAGES) : a + random.nextInt(b - a);
                    }
                    batch.touchAll(pages, 0, pages.length, nowUs);
                    for (int page : pages) {
                        single.touch(page, nowUs);
                    }
                }
            }
            assertThat(batch.counters()).isEqualTo(single.counters());
            for (int p = 0; p < PAGES; p++) {
                assertThat(batch.isResident(p)).as("resident %d", p).isEqualTo(single.isResident(p));
                assertThat(batch.lastTouchMs(p)).as("last touch %d", p).isEqualTo(single.lastTouchMs(p));
                assertThat(batch.firstTouchAfterWatch(p)).as("watch %d", p).isEqualTo(single.firstTouchAfterWatch(p));
                assertThat(batch.isYoung(p)).as("young %d", p).isEqualTo(single.isYoung(p));
            }
        }
        assertThat(batchWatch).isEqualTo(singleWatch);
        // the LRU order: evicting everything but one page goes through the list from its tail
        batch.setUsableCapacity(1);
        single.setUsableCapacity(1);
        for (int p = 0; p < PAGES; p++) {
            assertThat(batch.isResident(p)).as("last resident %d", p).isEqualTo(single.isResident(p));
        }
        assertThat(batch.invariantHolds()).isTrue();
    }

    @Property(tries = 100)
    void aBadPageFailsAfterTheTouchesBeforeIt(@ForAll @Size(min = 1, max = 50) List<@IntRange(min = 0, max = 15) Integer> hot,
                                              @ForAll @IntRange(min = 0, max = 49) int badAt) {
        MemoryConfig config = MemoryConfig.withDefaults(16, 16).withEviction(Eviction.LRU);
        Memory batch = new Memory(config);
        Memory single = new Memory(config);
        int[] pages = hot.stream().mapToInt(Integer::intValue).toArray();
        batch.touchAll(pages, 0, pages.length, 1000);
        for (int page : pages) {
            single.touch(page, 1000);
        }
        int bad = Math.min(badAt, pages.length - 1);
        pages[bad] = 16;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> batch.touchAll(pages, 0, pages.length, 2000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("page 16 outside");
        for (int i = 0; i < bad; i++) {
            single.touch(pages[i], 2000);
        }
        assertThat(batch.counters()).isEqualTo(single.counters());
    }
}
