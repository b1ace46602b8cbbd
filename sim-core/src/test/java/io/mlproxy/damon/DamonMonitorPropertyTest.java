package io.mlproxy.damon;

import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Region invariants after every aggregation, under random access patterns and attributes. */
class DamonMonitorPropertyTest {

    @Property(tries = 150)
    void regionsTileTheSpaceStayWithinBoundsAndNrAccessesWithinMax(
            @ForAll @IntRange(min = 3, max = 5000) int pages,
            @ForAll @IntRange(min = 3, max = 20) int minRegions,
            @ForAll @IntRange(min = 0, max = 200) int extraRegions,
            @ForAll @IntRange(min = 1, max = 30) int samplesPerAggregation,
            @ForAll @IntRange(min = 0, max = 400) int touchesPerSample,
            @ForAll long seed) {
        int min = Math.min(minRegions, pages);
        if (min < 3) {
            return;
        }
        MonitorConfig config = new MonitorConfig(5_000, 5_000L * samplesPerAggregation, 60_000_000, min, min + extraRegions);
        Memory memory = new Memory(MemoryConfig.withDefaults(pages, pages));
        DamonMonitor monitor = new DamonMonitor(config, memory, new MersenneTwister(Math.abs(seed % 1_000_000) + 1));
        SplittableRandom workload = new SplittableRandom(seed);
        // a hot window that moves now and then, plus uniform noise
        int hotStart = 0;
        long now = 0;
        for (int s = 0; s < samplesPerAggregation * 25; s++) {
            if (workload.nextInt(50) == 0) {
                hotStart = workload.nextInt(pages);
            }
            for (int t = 0; t < touchesPerSample; t++) {
                int page = workload.nextBoolean() ? (hotStart + workload.nextInt(Math.max(1, pages / 8))) % pages
                        : workload.nextInt(pages);
                memory.touch(page, now);
            }
            now += 5_000;
            if (monitor.step(now)) {
                assertInvariants(monitor.regions(), pages, config);
            }
            for (int i = 0; i < monitor.regions().count(); i++) {
                assertThat(monitor.regions().nrAccesses(i)).isBetween(0, config.maxNrAccesses());
            }
        }
    }

    private static void assertInvariants(RegionsView r, int pages, MonitorConfig config) {
        assertThat(r.count()).isBetween(config.minRegions(), config.maxRegions());
        assertThat(r.start(0)).isZero();
        assertThat(r.end(r.count() - 1)).isEqualTo(pages);
        for (int i = 0; i < r.count(); i++) {
            assertThat(r.end(i)).isGreaterThan(r.start(i));
            if (i > 0) {
                assertThat(r.start(i)).isEqualTo(r.end(i - 1));
            }
            assertThat(r.lastNrAccesses(i)).isBetween(0, config.maxNrAccesses());
            assertThat(r.residentPermille(i)).isBetween(0, 1000);
            assertThat(r.age(i)).isNotNegative();
        }
    }
}
