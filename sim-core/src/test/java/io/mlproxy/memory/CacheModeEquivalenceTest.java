package io.mlproxy.memory;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cache mode: with no monitor and no schemes, the memory's faults on a page sequence equal the
 * misses of an independent cache of the same capacity and policy.
 */
class CacheModeEquivalenceTest {

    @Property(tries = 300)
    void lruFaultsEqualLruCacheMisses(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 39) Integer> sequence,
                                      @ForAll @IntRange(min = 1, max = 45) int capacity) {
        Memory memory = new Memory(MemoryConfig.withDefaults(40, capacity).withEviction(Eviction.LRU));
        replay(memory, sequence);
        assertThat(memory.counters().faults()).isEqualTo(lruMisses(sequence, capacity));
        assertThat(memory.residentPages()).isLessThanOrEqualTo(capacity);
        assertThat(memory.invariantHolds()).isTrue();
    }

    @Property(tries = 300)
    void clockFaultsEqualClockCacheMisses(@ForAll @Size(max = 400) List<@IntRange(min = 0, max = 39) Integer> sequence,
                                          @ForAll @IntRange(min = 1, max = 45) int capacity) {
        Memory memory = new Memory(MemoryConfig.withDefaults(40, capacity).withEviction(Eviction.CLOCK));
        replay(memory, sequence);
        assertThat(memory.counters().faults()).isEqualTo(clockMisses(sequence, capacity));
        assertThat(memory.invariantHolds()).isTrue();
    }

    @Property(tries = 200)
    void batchAndSingleTouchesAgree(@ForAll @Size(max = 300) List<@IntRange(min = 0, max = 63) Integer> sequence,
                                    @ForAll @IntRange(min = 1, max = 70) int capacity,
                                    @ForAll boolean clock) {
        MemoryConfig config = MemoryConfig.withDefaults(64, capacity).withEviction(clock ? Eviction.CLOCK : Eviction.LRU);
        Memory single = new Memory(config);
        Memory batch = new Memory(config);
        replay(single, sequence);
        int[] pages = sequence.stream().mapToInt(Integer::intValue).toArray();
        batch.touchAll(pages, 0, pages.length, 1000);
        assertThat(batch.counters()).isEqualTo(single.counters());
        MemoryCounters c = batch.counters();
        assertThat(c.touches()).isEqualTo(sequence.size());
        assertThat(c.hits() + c.faults()).isEqualTo(c.touches());
        assertThat(c.footprintPages()).isEqualTo(sequence.stream().distinct().count());
        assertThat(c.directReclaimEvictions()).isEqualTo(c.faults() - c.residentPages());
    }

    private static void replay(Memory memory, List<Integer> sequence) {
        for (int page : sequence) {
            memory.touch(page, 1000);
        }
    }

    /** Reference LRU: an access-ordered LinkedHashMap that drops its eldest entry above capacity. */
    static long lruMisses(List<Integer> sequence, int capacity) {
        LinkedHashMap<Integer, Boolean> cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Integer, Boolean> eldest) {
                return size() > capacity;
            }
        };
        long misses = 0;
        for (Integer page : sequence) {
            if (cache.get(page) == null) {
                misses++;
                cache.put(page, Boolean.TRUE);
            }
        }
        return misses;
    }

    /** Reference CLOCK: frames filled in order, a hand that gives referenced pages a second chance. */
    static long clockMisses(List<Integer> sequence, int capacity) {
        int[] frame = new int[capacity];
        boolean[] referenced = new boolean[capacity];
        Map<Integer, Integer> where = new HashMap<>();
        int used = 0;
        int hand = 0;
        long misses = 0;
        for (Integer page : sequence) {
            Integer at = where.get(page);
            if (at != null) {
                referenced[at] = true;
                continue;
            }
            misses++;
            if (used < capacity) {
                frame[used] = page;
                referenced[used] = true;
                where.put(page, used);
                used++;
                continue;
            }
            while (referenced[hand]) {
                referenced[hand] = false;
                hand = (hand + 1) % capacity;
            }
            where.remove(frame[hand]);
            frame[hand] = page;
            referenced[hand] = true;
            where.put(page, hand);
            hand = (hand + 1) % capacity;
        }
        return misses;
    }
}
