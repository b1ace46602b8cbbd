package io.mlproxy.bench;

import io.mlproxy.damon.AccessBitSource;
import io.mlproxy.damon.DamonMonitor;
import io.mlproxy.damon.MonitorConfig;
import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * DAMON's monitoring work with mainline intervals (5 ms sampling, 100 ms aggregation, so 20
 * samples per aggregation; min_nr_regions 10), microseconds per call. {@code sample} is one
 * sampling interval: the touches of the interval set the pages' accessed bits, then the monitor
 * checks one sampled page per region and re-arms the next ones. {@code aggregationInterval} is
 * one whole aggregation interval: 20 such sampling intervals, then the aggregation (age update,
 * merge, reset, split, memory figures, next sampling pages). Both run back to back with no
 * per-call setup (a {@code Level.Invocation} setup is only sound for calls of a millisecond or
 * more); the aggregation's own cost is {@code aggregationInterval − 20 × sample} of the same run.
 *
 * <p>The monitored address space of 16,384 pages is striped into 2,048 bands of 8 pages whose
 * access frequency cycles through 0, ⅓, ⅔ and all of the sampling intervals, so neighbouring
 * regions rarely merge. The touches are applied as the memory applies them to the accessed bits
 * (one bit per page; here a word of 64 pages at a time, since the stripes repeat every 32 pages),
 * so every sample sees bits set since the previous one. DAMON splits only while nr_regions ≤
 * max_nr_regions / 2, so with the default {@code maxRegions = 1000} such a stable pattern parks at
 * just over 500 regions; {@code maxRegions = 2000} lets it grow to about 1,000. The range of region
 * counts seen is printed at the end of each trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MonitorAggregationBenchmark {
    static final int PAGES = 16_384;
    static final int BAND_PAGES = 8;

    @Param({"1000", "2000"})
    public int maxRegions;

    private MonitorConfig config;
    private StripedAccess memory;
    private DamonMonitor monitor;
    private long nowUs;
    private int fewestRegions = Integer.MAX_VALUE;
    private int mostRegions;

    /**
     * The striped workload's accessed bits: {@link #touchInterval} sets the bits of the bands touched
     * in the next sampling interval, the monitor tests and clears them as it does a memory's.
     */
    static final class StripedAccess implements AccessBitSource {
        private final long[] accessed = new long[PAGES / 64];
        private int interval;

        /** Sets the accessed bits of the bands due in the next sampling interval. */
        void touchInterval() {
            long mask = bandsTouched(interval++);
            for (int w = 0; w < accessed.length; w++) {
                accessed[w] |= mask;
            }
        }

        /** Pages of a 64-page word touched in interval {@code k}: band b at level b mod 4 of 0, ⅓, ⅔, 1. */
        static long bandsTouched(int k) {
            long mask = 0;
            for (int band = 0; band < 64 / BAND_PAGES; band++) {
                int level = band & 3; // 0 never, 1 every third, 2 two of three, 3 always
                boolean touched = level == 3 || level == 2 && k % 3 != 0 || level == 1 && k % 3 == 0;
                if (touched) {
                    mask |= 0xFFL << (band * BAND_PAGES);
                }
            }
            return mask;
        }

        @Override
        public int pages() {
            return PAGES;
        }

        @Override
        public boolean testAndClearAccessed(int page) {
            int w = page >>> 6;
            long bit = 1L << page;
            boolean was = (accessed[w] & bit) != 0;
            accessed[w] &= ~bit;
            return was;
        }

        @Override
        public int residentPages(int start, int end) {
            return end - start;
        }

        @Override
        public int recentRefaults(int start, int end) {
            return 0;
        }

        @Override
        public void clearRecentRefaults() {
            // nothing is paged out here
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        memory = new StripedAccess();
        config = new MonitorConfig(5_000, 100_000, 60_000_000, 10, maxRegions);
        monitor = new DamonMonitor(config, memory, new MersenneTwister(11));
        for (int i = 0; i < 60; i++) {
            interval();
        }
        if (monitor.regions().count() < 100) {
            throw new IllegalStateException("striped workload left only " + monitor.regions().count() + " regions");
        }
    }

    /** One sampling interval: its touches, then the sample at its end. */
    private void samplingInterval() {
        nowUs += config.samplingUs();
        memory.touchInterval();
        monitor.sample(nowUs);
    }

    /** One aggregation interval: its sampling intervals, then the aggregation; returns the regions before it. */
    private int interval() {
        for (int s = 0; s < config.maxNrAccesses(); s++) {
            samplingInterval();
        }
        int n = monitor.regions().count();
        monitor.aggregate(nowUs);
        return n;
    }

    @TearDown(Level.Trial)
    public void report() {
        if (mostRegions > 0) {
            System.out.println("# regions before each aggregation: " + fewestRegions + ".." + mostRegions);
        }
    }

    @Benchmark
    public void aggregationInterval(Blackhole bh) {
        int n = interval();
        if (n < fewestRegions) {
            fewestRegions = n;
        }
        if (n > mostRegions) {
            mostRegions = n;
        }
        bh.consume(monitor.regions().count());
    }

    @Benchmark
    public void sample(Blackhole bh) {
        samplingInterval();
        bh.consume(monitor.regions().count());
    }
}
