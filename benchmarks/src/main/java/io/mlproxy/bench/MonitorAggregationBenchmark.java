package io.mlproxy.bench;

import io.mlproxy.damon.DamonMonitor;
import io.mlproxy.damon.MonitorConfig;
import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
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
 * One DAMON sampling interval ({@code sample}: check and re-arm one sampled page per region) and
 * one aggregation ({@code aggregate}: age update, merge, reset, split, memory figures, next
 * sampling pages) with mainline intervals (5 ms / 100 ms, min_nr_regions 10), microseconds per call.
 *
 * <p>The monitored memory of 16,384 pages is striped into 2,048 bands of 8 pages whose access
 * frequency cycles through 0, ⅓, ⅔ and all of the sampling intervals, so neighbouring regions
 * rarely merge. DAMON splits only while nr_regions ≤ max_nr_regions / 2, so with the default
 * {@code maxRegions = 1000} such a stable pattern parks at just over 500 regions; {@code maxRegions =
 * 2000} lets it grow to about 1,000. The range of region counts seen is printed at the end of each
 * trial. Before each measured aggregation the invocation setup replays one
 * aggregation interval of touches and samples, so every aggregation sees fresh counts; that setup
 * is not timed.
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

    private Memory memory;
    private DamonMonitor monitor;
    private long nowUs;
    private int sampleIndex;
    private int fewestRegions = Integer.MAX_VALUE;
    private int mostRegions;

    @Setup(Level.Trial)
    public void setUp() {
        memory = new Memory(MemoryConfig.withDefaults(PAGES, PAGES));
        config = new MonitorConfig(5_000, 100_000, 60_000_000, 10, maxRegions);
        monitor = new DamonMonitor(config, memory, new MersenneTwister(11));
        for (int i = 0; i < 60; i++) {
            oneAggregationIntervalOfSamples();
            monitor.aggregate(nowUs);
        }
        oneAggregationIntervalOfSamples();
        if (monitor.regions().count() < 100) {
            throw new IllegalStateException("striped workload left only " + monitor.regions().count() + " regions");
        }
    }

    /** Touches for each sampling interval of one aggregation interval, each followed by its sample. */
    private void oneAggregationIntervalOfSamples() {
        int samples = config.maxNrAccesses();
        for (int s = 0; s < samples; s++) {
            nowUs += config.samplingUs();
            touchBands(sampleIndex++);
            monitor.sample(nowUs);
        }
    }

    /** Touches the bands due in sampling interval {@code k}: band b at level b mod 4 of 0, 1/3, 2/3, 1. */
    private void touchBands(int k) {
        int bands = PAGES / BAND_PAGES;
        for (int b = 0; b < bands; b++) {
            int level = b & 3; // 0 never, 1 every third, 2 two of three, 3 always
            boolean touched = level == 3 || level == 2 && k % 3 != 0 || level == 1 && k % 3 == 0;
            if (touched) {
                int first = b * BAND_PAGES;
                for (int p = first; p < first + BAND_PAGES; p++) {
                    memory.touch(p, nowUs);
                }
            }
        }
    }

    /** Invocation setup of {@link #aggregate}: a fresh interval of samples, untimed. */
    @State(Scope.Thread)
    public static class FreshInterval {
        @Setup(Level.Invocation)
        public void sampleOneInterval(MonitorAggregationBenchmark b) {
            b.oneAggregationIntervalOfSamples();
            int n = b.monitor.regions().count();
            b.fewestRegions = Math.min(b.fewestRegions, n);
            b.mostRegions = Math.max(b.mostRegions, n);
        }
    }

    @TearDown(Level.Trial)
    public void report() {
        if (mostRegions > 0) {
            System.out.println("# regions before each aggregation: " + fewestRegions + ".." + mostRegions);
        }
    }

    @Benchmark
    public void aggregate(FreshInterval interval, Blackhole bh) {
        monitor.aggregate(nowUs);
        bh.consume(monitor.regions().count());
    }

    @Benchmark
    public void sample(Blackhole bh) {
        nowUs += config.samplingUs();
        monitor.sample(nowUs);
        bh.consume(monitor.regions().count());
    }
}
