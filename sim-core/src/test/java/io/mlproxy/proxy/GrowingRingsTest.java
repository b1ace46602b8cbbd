package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The proxy's bounded rings grow their arrays as they fill ({@link RingArrays}); each must behave
 * exactly like the same ring with all its slots allocated up front, wrap-around and drops included.
 */
class GrowingRingsTest {

    @Test
    void growingKeepsTheEntriesInOrderFromIndexZero() {
        long[] ring = {5, 6, 7, 1, 2, 3, 4}; // head at 3, 6 entries wrapping past the end
        assertThat(RingArrays.grow(ring, 3, 6, 10)).containsExactly(1, 2, 3, 4, 5, 6, 0, 0, 0, 0);
        int[] ints = {3, 1, 2};
        assertThat(RingArrays.grow(ints, 1, 3, 4)).containsExactly(1, 2, 3, 0);
        byte[] bytes = {9};
        assertThat(RingArrays.grow(bytes, 0, 1, 2)).containsExactly(9, 0);
        boolean[] flags = {true, false};
        assertThat(RingArrays.grow(flags, 1, 2, 3)).containsExactly(false, true, false);
    }

    @Test
    void aRingStartsSmallAndDoublesUpToItsBound() {
        assertThat(RingArrays.initialLength(65_536)).isEqualTo(RingArrays.INITIAL);
        assertThat(RingArrays.initialLength(3)).isEqualTo(3);
        assertThat(RingArrays.grownLength(RingArrays.INITIAL, 65_536)).isEqualTo(2 * RingArrays.INITIAL);
        assertThat(RingArrays.grownLength(40_000, 65_536)).isEqualTo(65_536);
        assertThat(RingArrays.grownLength(1, 65_536)).isEqualTo(RingArrays.INITIAL);
    }

    /** Random decisions, outcomes, expiries and readings on a growing window and on a preallocated one. */
    @Property(tries = 40)
    void anEvidenceWindowThatGrowsReadsLikeOnePreallocated(@ForAll long seed) {
        Random rnd = new Random(seed);
        int capacity = 300 + rnd.nextInt(500);
        EvidenceWindow grown = new EvidenceWindow(capacity, 1_000, 3_000, 1);
        EvidenceWindow full = new EvidenceWindow(capacity, 1_000, 3_000, capacity);
        long now = 0;
        long nextId = 1;
        for (int step = 0; step < 4_000; step++) {
            now += rnd.nextInt(20);
            int op = rnd.nextInt(10);
            if (op < 5) {
                int pages = 1 + rnd.nextInt(8);
                boolean abstained = rnd.nextInt(5) == 0;
                boolean ml = rnd.nextBoolean();
                boolean dflt = rnd.nextBoolean();
                grown.open(nextId, now, pages, abstained, ml, dflt);
                full.open(nextId, now, pages, abstained, ml, dflt);
                nextId++;
            } else if (op < 8) {
                long id = 1 + (long) (rnd.nextDouble() * nextId);
                long delay = rnd.nextInt(4_000);
                assertThat(grown.outcome(id, delay, now)).isEqualTo(full.outcome(id, delay, now));
            } else if (op == 8) {
                long span = rnd.nextInt(3_000);
                grown.expire(now, span);
                full.expire(now, span);
            } else {
                long span = 1 + rnd.nextInt(10_000);
                assertThat(grown.known(now, span, 1_960)).isEqualTo(full.known(now, span, 1_960));
                assertThat(grown.recent(now, span, 1_960)).isEqualTo(full.recent(now, span, 1_960));
                assertThat(grown.efficiency(now, span)).containsExactly(full.efficiency(now, span));
            }
            assertThat(grown.size()).isEqualTo(full.size());
            assertThat(grown.dropped()).isEqualTo(full.dropped());
        }
    }

    /** Random offers and partial reads: the same batches, byte for byte, and the same drops. */
    @Property(tries = 40)
    void aFeedbackQueueThatGrowsSealsTheSameBatches(@ForAll long seed) {
        Random rnd = new Random(seed);
        int capacity = 300 + rnd.nextInt(5_000);
        FeedbackQueue grown = new FeedbackQueue(capacity, 1);
        FeedbackQueue full = new FeedbackQueue(capacity, capacity);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1 + rnd.nextInt(3_000)];
        for (int step = 0; step < 3_000; step++) {
            if (rnd.nextInt(4) > 0) {
                for (int k = rnd.nextInt(20); k > 0; k--) {
                    long gen = rnd.nextInt(5);
                    long start = rnd.nextInt(1 << 20);
                    long value = rnd.nextLong() >> 20;
                    int src = rnd.nextInt(2);
                    int act = rnd.nextInt(4);
                    int refaults = rnd.nextInt(100);
                    assertThat(grown.offer(gen, start, start + 8, src, act, value, refaults))
                            .isEqualTo(full.offer(gen, start, start + 8, src, act, value, refaults));
                }
            } else {
                int n = grown.read(buf, 0, buf.length, 7, step);
                a.write(buf, 0, n);
                assertThat(full.read(buf, 0, buf.length, 7, step)).isEqualTo(n);
                b.write(buf, 0, n);
            }
            assertThat(grown.size()).isEqualTo(full.size());
            assertThat(grown.dropped()).isEqualTo(full.dropped());
        }
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    }
}
