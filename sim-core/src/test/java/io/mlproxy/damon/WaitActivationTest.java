package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kdamond_wait_activation: while every scheme is deactivated by its watermarks kdamond neither
 * samples nor aggregates, so ages stay frozen; once a scheme is active again monitoring resumes the
 * interrupted aggregation interval. The free-memory rate is steered through the usable capacity:
 * 400 resident pages of 600 usable leave 333 per-mille free (active), of 1000 usable 600 (above high).
 */
class WaitActivationTest {

    private static final int PAGES = 400;
    private static final long SAMPLE_US = 5_000;
    private static final long AGGREGATION_US = 100_000;
    private static final int ACTIVE_CAPACITY = 600;
    private static final int IDLE_CAPACITY = 1000;

    private Memory memory;
    private DamonMonitor monitor;
    private DamosScheme scheme;
    private long now;
    private final List<long[]> aggregated = new ArrayList<>();

    private void start() {
        memory = new Memory(MemoryConfig.withDefaults(PAGES, IDLE_CAPACITY));
        for (int p = 0; p < PAGES; p++) {
            memory.touch(p, 0);
        }
        memory.setUsableCapacity(ACTIVE_CAPACITY);
        monitor = new DamonMonitor(new MonitorConfig(SAMPLE_US, AGGREGATION_US, 60_000_000, 10, 1000), memory,
                new MersenneTwister(5));
        // a pageout scheme that never matches (min_age out of reach): only its watermarks matter here
        scheme = new DamosScheme(new DamosAccessPattern(0, Long.MAX_VALUE, 0, 0, Integer.MAX_VALUE, Integer.MAX_VALUE),
                DamosAction.PAGEOUT, DamosQuota.unlimited(), new DamosWatermarks(true, 1_000_000, 500, 400, 200));
        monitor.addScheme(scheme, memory);
        // per aggregation: time, then start, end, nr_accesses of every region after the merge
        monitor.setAggregationListener((regions, nowUs) -> {
            long[] row = new long[1 + 3 * regions.count()];
            row[0] = nowUs;
            for (int i = 0; i < regions.count(); i++) {
                row[1 + 3 * i] = regions.start(i);
                row[2 + 3 * i] = regions.end(i);
                row[3 + 3 * i] = regions.nrAccesses(i);
            }
            aggregated.add(row);
        });
    }

    /**
     * Drives the monitor as the engine does until {@code untilUs}: touches {@code [from, to)} and
     * samples every sampling interval, and aggregates on aggregation boundaries when one is due.
     * An aggregation never falls due between boundaries, where the engine would postpone it.
     */
    private void run(long untilUs, int from, int to) {
        while (now < untilUs) {
            now += SAMPLE_US;
            for (int p = from; p < to; p++) {
                memory.touch(p, now);
            }
            monitor.sample(now);
            if (now % AGGREGATION_US == 0) {
                if (monitor.aggregationDue()) {
                    monitor.aggregate(now);
                }
            } else {
                assertThat(monitor.aggregationDue()).as("aggregation due at %d us", now).isFalse();
            }
        }
    }

    /** start, end, nr_accesses, last_nr_accesses and age of every region. */
    private int[][] snapshot() {
        RegionsView r = monitor.regions();
        int[][] s = new int[r.count()][];
        for (int i = 0; i < r.count(); i++) {
            s[i] = new int[] {r.start(i), r.end(i), r.nrAccesses(i), r.lastNrAccesses(i), r.age(i)};
        }
        return s;
    }

    private int maxAge() {
        int max = 0;
        for (int i = 0; i < monitor.regions().count(); i++) {
            max = Math.max(max, monitor.regions().age(i));
        }
        return max;
    }

    @Test
    void noSamplingNoAggregationAndFrozenAgesWhileEverySchemeIsInactiveThenMonitoringResumes() {
        start();
        run(1_000_000, 0, PAGES); // every page touched in every sample: nr_accesses 20, stable
        assertThat(monitor.aggregations()).isEqualTo(10);
        assertThat(maxAge()).isEqualTo(9); // the first aggregation resets (0 -> 20), then +1 each
        int[][] before = snapshot();

        memory.setUsableCapacity(IDLE_CAPACITY); // free 600 per-mille > high 500: deactivated
        run(4_000_000, 0, PAGES); // the workload goes on
        assertThat(monitor.waitingForActivation()).isTrue();
        assertThat(scheme.isActive()).isFalse();
        assertThat(monitor.aggregations()).isEqualTo(10);
        assertThat(snapshot()).isDeepEqualTo(before); // not sampled (nr_accesses 0), not aged, not split

        memory.setUsableCapacity(ACTIVE_CAPACITY); // free 333 < mid 400: activates at the next check
        run(6_000_000, 0, PAGES);
        assertThat(monitor.waitingForActivation()).isFalse();
        assertThat(scheme.isActive()).isTrue();
        // the watermarks were checked at 2.1, 3.1 and 4.1 s (1 s interval, aligned so the interrupted
        // interval ends on a boundary); awake from 4.1 s, aggregations at 4.2, 4.3, ..., 6.0 s
        assertThat(monitor.aggregations()).isEqualTo(10 + 19);
        assertThat(maxAge()).isEqualTo(9 + 19); // ages continue from where they froze
    }

    @Test
    void theInterruptedIntervalResumesWithItsRemainingSamplesAndNoCheckPreparedBeforeTheSleep() {
        start();
        run(1_000_000, 0, PAGES);
        run(1_050_000, 0, 0); // 10 samples of the next interval, nothing touched
        memory.setUsableCapacity(IDLE_CAPACITY);
        run(2_000_000, 0, PAGES / 2); // asleep; the first half is touched, the bits of its sampled pages set
        memory.setUsableCapacity(ACTIVE_CAPACITY);
        aggregated.clear();
        run(4_000_000, PAGES / 2, PAGES); // awake again: only the second half is touched
        assertThat(aggregated).isNotEmpty();

        long[] first = aggregated.get(0);
        assertThat(first[0]).isEqualTo(2_200_000); // 1.055 s + 1 s check interval + the 50 ms the interval lacked
        int checkedFirstHalf = 0;
        int checkedSecondHalf = 0;
        for (int k = 1; k < first.length; k += 3) {
            long start = first[k];
            long end = first[k + 1];
            int nr = (int) first[k + 2];
            if (end <= PAGES / 2) {
                // touched only while kdamond slept: a check prepared before the sleep must not count it
                assertThat(nr).as("region [%d, %d)", start, end).isZero();
                checkedFirstHalf++;
            } else if (start >= PAGES / 2) {
                // touched in every sample after the wake-up: the interval holds 10 more samples, not 20
                assertThat(nr).as("region [%d, %d)", start, end).isEqualTo(10);
                checkedSecondHalf++;
            }
        }
        assertThat(checkedFirstHalf).isPositive();
        assertThat(checkedSecondHalf).isPositive();
        // later intervals are whole again
        assertThat(aggregated.get(aggregated.size() - 1)[0] - first[0])
                .isEqualTo((aggregated.size() - 1) * AGGREGATION_US);
    }

    @Test
    void withoutSchemesOrWithAnActiveOneKdamondNeverWaits() {
        Memory m = new Memory(MemoryConfig.withDefaults(PAGES, IDLE_CAPACITY)); // free 1000 per-mille
        DamonMonitor bare = new DamonMonitor(new MonitorConfig(SAMPLE_US, AGGREGATION_US, 60_000_000, 10, 1000), m,
                new MersenneTwister(5));
        DamonMonitor withAlwaysActive = new DamonMonitor(
                new MonitorConfig(SAMPLE_US, AGGREGATION_US, 60_000_000, 10, 1000), m, new MersenneTwister(5));
        withAlwaysActive.addScheme(DamonReclaim.defaults().withWatermarks(DamosWatermarks.none())
                .newScheme(withAlwaysActive.config(), m.pageSizeBytes()), m);
        for (long t = SAMPLE_US; t <= 1_000_000; t += SAMPLE_US) {
            bare.step(t);
            withAlwaysActive.step(t);
        }
        assertThat(bare.aggregations()).isEqualTo(10);
        assertThat(withAlwaysActive.aggregations()).isEqualTo(10);
        assertThat(withAlwaysActive.waitingForActivation()).isFalse();
    }
}
