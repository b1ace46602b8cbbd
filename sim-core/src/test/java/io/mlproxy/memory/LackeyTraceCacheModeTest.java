package io.mlproxy.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cache mode on a real trace: the shipped valgrind lackey recording replayed into the memory
 * gives exactly the misses of the independent LRU and CLOCK caches.
 */
class LackeyTraceCacheModeTest {

    private static final Path TRACE = Path.of("src", "test", "resources", "traces", "hotcold.lackey.gz");

    private static List<Integer> pages() {
        List<Integer> seq = new ArrayList<>();
        try (AccessStream s = Traces.open(TraceSpec.lackey(TRACE, 128, 1_000_000))) {
            int[] pages = new int[4096];
            long[] times = new long[4096];
            for (int n; (n = s.read(pages, times, pages.length)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    seq.add(pages[i]);
                }
            }
        }
        return seq;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 20, 40, 64, 98})
    void faultsEqualReferenceMissesForLruAndClock(int capacity) {
        List<Integer> seq = pages();
        assertThat(seq).hasSize(89_020);
        // the exact policies; SAMPLED_LRU (the rate model's) is validated against LRU by SampledLruTest
        for (Eviction eviction : new Eviction[] {Eviction.LRU, Eviction.CLOCK}) {
            Memory memory = new Memory(MemoryConfig.withDefaults(128, capacity).withEviction(eviction));
            int[] batch = seq.stream().mapToInt(Integer::intValue).toArray();
            memory.touchAll(batch, 0, batch.length, 1000);
            long expected = eviction == Eviction.LRU
                    ? CacheModeEquivalenceTest.lruMisses(seq, capacity)
                    : CacheModeEquivalenceTest.clockMisses(seq, capacity);
            assertThat(memory.counters().faults()).as("%s with %d frames", eviction, capacity).isEqualTo(expected);
        }
    }
}
