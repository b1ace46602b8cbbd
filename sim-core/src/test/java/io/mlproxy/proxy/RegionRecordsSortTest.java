package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** sortByStart against a boxed stable sort, for sorted, nearly sorted and shuffled inputs with repeated starts. */
class RegionRecordsSortTest {

    @Property(tries = 200)
    void sortsStablyByStart(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(min = 0, max = 700) int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<long[]> rows = new ArrayList<>();
        long p = 0;
        int shape = rnd.nextInt(3);
        for (int i = 0; i < n; i++) {
            p += rnd.nextInt(4); // repeated starts make stability observable
            long s = shape == 2 ? rnd.nextInt(50) : p;
            rows.add(new long[] {s, s + 1 + rnd.nextInt(9), i, rnd.nextInt(20), rnd.nextInt(100), rnd.nextInt(1001),
                rnd.nextInt(3)});
        }
        if (shape == 1 && n > 1) { // nearly sorted: one swap
            int a = rnd.nextInt(n);
            int b = rnd.nextInt(n);
            long[] t = rows.get(a);
            rows.set(a, rows.get(b));
            rows.set(b, t);
        }
        RegionRecords r = new RegionRecords(1 + rnd.nextInt(4)); // small capacity: growth is exercised too
        for (long[] x : rows) {
            r.region(x[0], x[1], (int) x[2], (int) x[3], (int) x[4], (int) x[5], (int) x[6]);
        }
        r.sortByStart();
        List<long[]> expected = new ArrayList<>(rows);
        expected.sort(Comparator.comparingLong(x -> x[0])); // List.sort is stable
        assertThat(r.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            long[] x = expected.get(i);
            assertThat(new long[] {r.startPage(i), r.endPage(i), r.nrAccesses(i), r.lastNrAccesses(i), r.age(i),
                r.residentPermille(i), r.recentRefaults(i)}).as("region %d", i).containsExactly(x);
        }
    }
}
