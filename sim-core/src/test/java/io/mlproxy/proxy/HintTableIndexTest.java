package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The hint table's bucket index against a plain binary search, for layouts that stress it: dense
 * clusters of one-page hints inside wide buckets (the binary-search fallback), huge sparse hints,
 * adjacent hints, and probes in random order below, inside, between and above the hints.
 */
class HintTableIndexTest {

    /** Reference: index of the hint containing page, by binary search over the starts, or -1. */
    private static int reference(long[] starts, long[] ends, int n, long page) {
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= page) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found >= 0 && page < ends[found] ? found : -1;
    }

    @Property(tries = 200)
    void lookupAgreesWithABinarySearch(@ForAll @LongRange(min = 1) long seed,
                                       @ForAll @IntRange(min = 0, max = 3000) int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] starts = new long[n];
        long[] ends = new long[n];
        Recommendation.Builder b = Recommendation.builder(1);
        long p = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(1L << 40);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(4)) {
                case 0 -> p += rnd.nextLong(1L << 30); // a huge gap
                case 1 -> p += 0; // adjacent
                default -> p += rnd.nextInt(3);
            }
            long len = rnd.nextInt(5) == 0 ? 1 + rnd.nextLong(1L << 28) : 1 + rnd.nextInt(2);
            starts[i] = p;
            ends[i] = p + len;
            b.region(p, p + len, rnd.nextInt(4), rnd.nextInt(1001));
            p += len;
        }
        HintTable t = new HintTable(b.build(), 0, 0);
        for (int k = 0; k < 4000; k++) {
            long page;
            int pick = n == 0 ? 0 : rnd.nextInt(n);
            switch (rnd.nextInt(6)) {
                case 0 -> page = n == 0 ? rnd.nextLong() : starts[pick];
                case 1 -> page = n == 0 ? 0 : ends[pick] - 1;
                case 2 -> page = n == 0 ? -1 : ends[pick];
                case 3 -> page = n == 0 ? Long.MIN_VALUE : starts[pick] - 1;
                case 4 -> page = rnd.nextLong(Math.max(1, p + 10));
                default -> page = rnd.nextLong();
            }
            assertThat(t.lookup(page)).as("page %d of %d hints", page, n).isEqualTo(reference(starts, ends, n, page));
        }
    }

    @Test
    void extremePagesAreOutsideEveryTable() {
        Recommendation r = Recommendation.builder(1).region(0, Long.MAX_VALUE, 1, 900).build();
        HintTable t = new HintTable(r, 0, 0);
        assertThat(t.lookup(Long.MIN_VALUE)).isEqualTo(-1);
        assertThat(t.lookup(-1)).isEqualTo(-1);
        assertThat(t.lookup(0)).isZero();
        assertThat(t.lookup(Long.MAX_VALUE - 1)).isZero();
        assertThat(t.lookup(Long.MAX_VALUE)).isEqualTo(-1);
        HintTable empty = new HintTable(Recommendation.builder(1).build(), 0, 0);
        assertThat(empty.lookup(0)).isEqualTo(-1);
        assertThat(empty.usedCount()).isZero();
    }

    @Test
    void accessorsReturnWhatWasInstalled() {
        Recommendation r = Recommendation.builder(4).region(10, 20, 3, 1000).region(20, 21, 0, 0).build();
        HintTable t = new HintTable(r, 7, 9);
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.hints().startPage(1)).isEqualTo(20);
        assertThat(t.hints().endPage(0)).isEqualTo(20);
        assertThat(t.hints().action(0)).isEqualTo(3);
        assertThat(t.hints().confidence(0)).isEqualTo(1000);
        assertThat(t.hints().confidence(1)).isZero();
        assertThat(t.lookup(20)).isEqualTo(1);
        assertThat(t.lookup(21)).isEqualTo(-1);
    }
}
