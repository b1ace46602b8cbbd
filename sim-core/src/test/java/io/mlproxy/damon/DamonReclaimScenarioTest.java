package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** DAMON_RECLAIM with mainline defaults against simple touch loops written here. */
class DamonReclaimScenarioTest {

    private static final int PAGES = 4096;
    private static final int HALF = PAGES / 2;
    /** Capacity such that the all-resident free rate (317 per-mille) lies inside DAMON_RECLAIM's watermarks. */
    private static final int CAPACITY = 6000;
    private static final long SAMPLE_US = 5_000;

    private Memory memory;
    private DamonMonitor monitor;
    private DamosScheme scheme;

    private void start(DamonReclaim reclaim) {
        start(reclaim, CAPACITY);
    }

    private void start(DamonReclaim reclaim, int capacity) {
        memory = new Memory(MemoryConfig.withDefaults(PAGES, capacity));
        for (int p = 0; p < PAGES; p++) {
            memory.touch(p, 0);
        }
        monitor = new DamonMonitor(MonitorConfig.defaults(), memory, new MersenneTwister(17));
        scheme = reclaim.newScheme(monitor.config(), memory.pageSizeBytes());
        monitor.addScheme(scheme, memory);
    }

    private int pagedOut(int from, int to) {
        int n = 0;
        for (int p = from; p < to; p++) {
            if (memory.isPagedOut(p)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aStaticColdHalfIsPagedOutAfterMinAgeAndTheHotHalfStays() {
        start(DamonReclaim.defaults());
        long now = 0;
        int[] hot = new int[HALF];
        for (int i = 0; i < HALF; i++) {
            hot[i] = HALF + i;
        }
        while (now < 130_000_000L) {
            now += SAMPLE_US;
            memory.touchAll(hot, 0, HALF, now);
            monitor.step(now);
            if (now == 119_000_000L) {
                // min_age is 120 s: nothing may go before
                assertThat(memory.counters().pagesPagedOut()).isZero();
            }
        }
        assertThat(pagedOut(0, HALF)).isGreaterThanOrEqualTo(HALF * 95 / 100);
        assertThat(pagedOut(HALF, PAGES) + memory.counters().refaults()).isLessThanOrEqualTo(PAGES / 100);
        // the first 1 s window allows 40 MiB (default throughput x 10 ms): the whole cold half fits
        assertThat(scheme.stats().szTriedBytes()).isLessThanOrEqualTo(40L << 20);
    }

    /**
     * The pressure-window reproducer (docs/damon-changes/pressure-window.yaml) in small: while the
     * free rate is above the high watermark kdamond waits and ages stand still, so a cold half is
     * paged out only min_age after the pressure began, not min_age after the start. Monitoring that
     * went on while waiting had the cold half past min_age (30 s here) at 30 s, inside the window.
     */
    @Test
    void agesStandStillWhileTheWatermarksDeactivateTheSchemeSoReclaimStartsMinAgeAfterThePressure() {
        // all resident in 10240 frames: free 600 per-mille, above the high watermark 500
        start(DamonReclaim.defaults().withMinAgeUs(30_000_000L), 10_240);
        long now = 0;
        int[] hot = new int[HALF];
        for (int i = 0; i < HALF; i++) {
            hot[i] = HALF + i;
        }
        while (now < 60_000_000L) {
            now += SAMPLE_US;
            if (now == 20_000_000L) {
                memory.setUsableCapacity(CAPACITY); // pressure: free 317 per-mille, below the mid watermark 400
            }
            memory.touchAll(hot, 0, HALF, now);
            monitor.step(now);
            if (now == 50_000_000L) {
                // active since the first watermark check after 20 s (at most 25 s): not min_age old yet
                assertThat(memory.counters().pagesPagedOut()).isZero();
            }
        }
        assertThat(pagedOut(0, HALF)).isGreaterThanOrEqualTo(HALF * 95 / 100);
        assertThat(pagedOut(HALF, PAGES)).isZero();
    }

    @Test
    void aSmallSizeQuotaLimitsEveryChargeWindow() {
        int quotaPages = 256;
        start(DamonReclaim.defaults().withQuota(10, (long) quotaPages * 4096).withWatermarks(DamosWatermarks.none()));
        long now = 0;
        int[] hot = new int[HALF];
        for (int i = 0; i < HALF; i++) {
            hot[i] = HALF + i;
        }
        long before = 0;
        while (now < 128_000_000L) {
            now += SAMPLE_US;
            memory.touchAll(hot, 0, HALF, now);
            monitor.step(now);
            // charge windows start at the first aggregation (100 ms) and last 1 s: sample between aggregations
            if (now % 1_000_000L == 50_000L) {
                long total = memory.counters().pagesPagedOut();
                assertThat(total - before).isLessThanOrEqualTo(quotaPages);
                before = total;
            }
        }
        assertThat(memory.counters().pagesPagedOut()).isGreaterThanOrEqualTo(5L * quotaPages);
        assertThat(pagedOut(HALF, PAGES)).isZero();
        assertThat(scheme.stats().qtExceeds()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void aUniformlyHotWorkloadLosesAlmostNothing() {
        start(DamonReclaim.defaults());
        SplittableRandom random = new SplittableRandom(3);
        int[] batch = new int[PAGES];
        long now = 0;
        while (now < 130_000_000L) {
            now += SAMPLE_US;
            for (int i = 0; i < PAGES; i++) {
                batch[i] = random.nextInt(PAGES);
            }
            memory.touchAll(batch, 0, PAGES, now);
            monitor.step(now);
        }
        assertThat(memory.counters().pagesPagedOut()).isLessThanOrEqualTo(PAGES / 100);
    }
}
