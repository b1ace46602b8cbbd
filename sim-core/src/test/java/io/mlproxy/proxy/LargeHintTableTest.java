package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Lookups in tables of up to 65,536 hints, ascending with arbitrary gaps and restarting, and the hot path's allocation. */
class LargeHintTableTest {
    private static final long PAGES = 1L << 22;

    private static MlModelProxy proxyWith(Recommendation.Builder hints, long gen) {
        MlModelProxy p = MlModelProxy.create("big", ModelOperations.GENERIC, w -> { }, () -> 0);
        p.init(ProxyConfig.forAddressSpace(PAGES), ModeThresholds.defaults());
        p.start();
        assertThat(p.prepareDataset()).isEqualTo(gen);
        byte[] m = RecommendationCodec.encode(hints.build());
        p.submitRecommendation(m, 0, m.length);
        p.forceMode(SystemMode.RECOMMENDATION);
        return p;
    }

    @Property(tries = 30)
    void ascendingSweepsWithGapsAgreeWithABinarySearchReference(@ForAll @LongRange(min = 1) long seed,
                                                                @ForAll @IntRange(min = 1, max = 65_536) int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] starts = new long[n];
        long[] ends = new long[n];
        int[] actions = new int[n];
        Recommendation.Builder b = Recommendation.builder(1);
        long p = 0;
        for (int i = 0; i < n; i++) {
            p += rnd.nextInt(3);
            starts[i] = p;
            ends[i] = p + 1 + rnd.nextInt(60);
            actions[i] = rnd.nextInt(4);
            b.region(starts[i], ends[i], actions[i], 1000);
            p = ends[i];
        }
        MlModelProxy proxy = proxyWith(b, 1);
        long top = ends[n - 1] + 10;
        int maxGap = 2 + rnd.nextInt(5000); // at least 2: with 1, every gap was 0 and the sweep never ended
        for (int sweep = 0; sweep < 3; sweep++) {
            long s = rnd.nextInt(50);
            while (s < top) {
                long e = s + 1 + rnd.nextInt(4);
                int idx = java.util.Arrays.binarySearch(starts, s);
                int floor = idx >= 0 ? idx : -idx - 2;
                int expected = floor >= 0 && e <= ends[floor] ? actions[floor] : -1;
                long d = proxy.executeOperation(s, e, HintAction.CODE_KEEP);
                assertThat(Decision.mlOpinion(d)).as("[%d,%d)", s, e).isEqualTo(expected);
                s += rnd.nextInt(maxGap);
            }
        }
    }

    @Test
    void theHotPathAllocatesNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean)) {
            return; // not measurable on this JVM
        }
        com.sun.management.ThreadMXBean tmx = (com.sun.management.ThreadMXBean) mx;
        Recommendation.Builder b = Recommendation.builder(1);
        for (int i = 0; i < 65_536; i++) {
            b.region(i * 64L, i * 64L + 48, i % 4, 400 + i % 600);
        }
        MlModelProxy proxy = proxyWith(b, 1);
        long tid = Thread.currentThread().getId();
        int sink = 0;
        for (SystemMode m : SystemMode.values()) {
            proxy.forceMode(m);
            // The least of a few rounds is measured: a busy machine can charge a stray JIT or safepoint
            // allocation to one round, but a hot path that allocates (even 16 B per decision, 4 MiB per
            // round) cannot have a clean round.
            long least = Long.MAX_VALUE;
            for (int round = 0; round < 5; round++) {
                long before = tmx.getThreadAllocatedBytes(tid);
                for (long s = 0; s < 65_536L * 64; s += 16) {
                    sink += proxy.executeOperation(s, s + 8, HintAction.CODE_PAGEOUT);
                }
                least = Math.min(least, tmx.getThreadAllocatedBytes(tid) - before);
            }
            assertThat(least).as("bytes allocated by 262,144 decisions in %s", m).isLessThan(1024);
        }
        assertThat(sink).isNotZero();
    }
}
