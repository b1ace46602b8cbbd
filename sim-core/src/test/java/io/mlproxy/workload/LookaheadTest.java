package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

class LookaheadTest {

    /** A stream over fixed arrays that hands out at most {@code chunk} touches per read. */
    static final class ArrayStream implements AccessStream {
        private final int pages;
        private final int[] p;
        private final long[] t;
        private final int chunk;
        private int next;

        ArrayStream(int pages, int[] p, long[] t, int chunk) {
            this.pages = pages;
            this.p = p;
            this.t = t;
            this.chunk = chunk;
        }

        @Override
        public int pages() {
            return pages;
        }

        @Override
        public int read(int[] pageOut, long[] timeOut, int max) {
            int n = Math.min(Math.min(max, chunk), p.length - next);
            System.arraycopy(p, next, pageOut, 0, n);
            System.arraycopy(t, next, timeOut, 0, n);
            next += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** An operation: kind 0 = read up to k, 1 = advance now by k µs, 2 = readUntil now + k. */
    record Op(int kind, int k) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 6))
                .as(Op::new).list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void agreesWithBruteForce(@ForAll @IntRange(min = 1, max = 6) int pages,
            @ForAll("deltas") List<Integer> deltas, @ForAll("pagesList") List<Integer> pageDraws,
            @ForAll @LongRange(min = 0, max = 12) long horizon, @ForAll @IntRange(min = 1, max = 5000) int chunk,
            @ForAll("ops") List<Op> ops, @ForAll @IntRange(min = 1, max = 4) int blockShift) {
        int len = Math.min(deltas.size(), pageDraws.size());
        int[] p = new int[len];
        long[] t = new long[len];
        long time = 0;
        for (int i = 0; i < len; i++) {
            time += deltas.get(i);
            t[i] = time;
            p[i] = pageDraws.get(i) % pages;
        }
        // blocks of 2 to 16 touches: the ring takes, leaves and reuses blocks and doubles its table
        Lookahead la = new Lookahead(new ArrayStream(pages, p, t, chunk), horizon, blockShift);
        int delivered = 0;
        long now = 0;
        int[] bp = new int[8];
        long[] bt = new long[8];
        check(la, p, t, delivered, now, horizon, pages);
        for (Op op : ops) {
            if (op.kind() == 1) {
                now += op.k();
                la.advanceTo(now);
            } else {
                long end = op.kind() == 0 ? Long.MAX_VALUE : now + op.k();
                int n = op.kind() == 0 ? la.read(bp, bt, op.k()) : la.readUntil(bp, bt, op.k(), end);
                int expected = 0;
                while (expected < op.k() && delivered + expected < len && t[delivered + expected] < end) {
                    expected++;
                }
                assertThat(n).isEqualTo(expected);
                for (int i = 0; i < n; i++) {
                    assertThat(bp[i]).isEqualTo(p[delivered + i]);
                    assertThat(bt[i]).isEqualTo(t[delivered + i]);
                    now = Math.max(now, bt[i]);
                }
                delivered += n;
            }
            check(la, p, t, delivered, now, horizon, pages);
        }
    }

    private static void check(Lookahead la, int[] p, long[] t, int delivered, long now, long horizon, int pages) {
        assertThat(la.nowUs()).isEqualTo(now);
        assertThat(la.delivered()).isEqualTo(delivered);
        assertThat(la.peekTimeUs()).isEqualTo(delivered < p.length ? t[delivered] : Lookahead.NO_TOUCH);
        for (int page = 0; page < pages; page++) {
            // the reference: a scan of every undelivered touch up to now + H
            boolean touched = false;
            for (int i = delivered; i < p.length && t[i] <= now + horizon; i++) {
                touched |= p[i] == page;
            }
            assertThat(la.touchedWithin(page)).as("page %d touched within the window", page).isEqualTo(touched);
        }
    }

    /**
     * Ever denser touches: the window keeps outgrowing the block table while the head delivers runs
     * that end on block boundaries, so the table doubles under a head that is about to leave its block.
     */
    @Property(tries = 200)
    void aGrowingWindowAgreesWithBruteForce(@ForAll @IntRange(min = 1, max = 3) int blockShift,
            @ForAll @IntRange(min = 1, max = 9) int readSize, @ForAll @LongRange(min = 1, max = 8) long horizon,
            @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll @IntRange(min = 2, max = 9) int pages,
            @ForAll @LongRange(min = 0, max = 1000) long seed) {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(seed);
        int len = 600;
        int[] p = new int[len];
        long[] t = new long[len];
        for (int i = 0; i < len; i++) {
            t[i] = (long) Math.sqrt(i);
            p[i] = rnd.nextInt(pages);
        }
        Lookahead la = new Lookahead(new ArrayStream(pages, p, t, chunk), horizon, blockShift);
        int[] bp = new int[readSize];
        long[] bt = new long[readSize];
        int delivered = 0;
        long now = 0;
        int n;
        while ((n = la.read(bp, bt, readSize)) > 0) {
            for (int i = 0; i < n; i++) {
                assertThat(bp[i]).isEqualTo(p[delivered + i]);
                assertThat(bt[i]).isEqualTo(t[delivered + i]);
                now = Math.max(now, bt[i]);
            }
            delivered += n;
            check(la, p, t, delivered, now, horizon, pages);
        }
        assertThat(delivered).isEqualTo(len);
    }

    @Test
    void aLongHorizonSpansManyBlocksAndAgreesWithTheStream() {
        // 200,000 touches ahead (more than six default blocks of 32,768), read in uneven batches
        SyntheticWorkload w = SyntheticWorkload.of(300, 1_000_000, new Zipf(0.8, true));
        List<Integer> direct = new ArrayList<>();
        try (AccessStream s = w.open(new MersenneTwister(9), 600_000)) {
            direct.addAll(TraceTestSupport.drain(s).pages());
        }
        try (Lookahead la = new Lookahead(w.open(new MersenneTwister(9), 600_000), 200_000)) {
            int[] bp = new int[777];
            long[] bt = new long[777];
            int delivered = 0;
            int n;
            while ((n = la.read(bp, bt, bp.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    assertThat(bp[i]).isEqualTo(direct.get(delivered + i));
                }
                delivered += n;
                if (delivered < direct.size()) {
                    // the page about to be delivered is touched within the window if the head is in it
                    assertThat(la.touchedWithin(direct.get(delivered)))
                            .isEqualTo(la.peekTimeUs() <= la.nowUs() + la.horizonUs());
                }
            }
            assertThat(delivered).isEqualTo(direct.size());
        }
    }

    @Provide
    Arbitrary<List<Integer>> deltas() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(10, 40))).list().ofMaxSize(200);
    }

    @Provide
    Arbitrary<List<Integer>> pagesList() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(200);
    }

    @Test
    void passesASyntheticStreamThroughUnchangedAndGrowsItsRing() {
        SyntheticWorkload w = SyntheticWorkload.of(500, 1_000_000, new Zipf(0.9, true));
        List<Integer> direct = new ArrayList<>();
        List<Integer> viaLookahead = new ArrayList<>();
        try (AccessStream s = w.open(new MersenneTwister(5), 50_000)) {
            direct.addAll(TraceTestSupport.drain(s).pages());
        }
        // 20 ms horizon at 1e6 touches/s holds 20,000 touches: the ring takes blocks past its first
        try (Lookahead la = new Lookahead(w.open(new MersenneTwister(5), 50_000), 20_000, 10)) {
            viaLookahead.addAll(TraceTestSupport.drain(la).pages());
            for (int page = 0; page < 500; page++) {
                assertThat(la.touchedWithin(page)).isFalse();
            }
        }
        assertThat(viaLookahead).isEqualTo(direct);
    }
}
