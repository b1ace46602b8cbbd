package io.mlproxy.bench;

import io.mlproxy.damon.DamonMonitor;
import io.mlproxy.damon.DamonReclaim;
import io.mlproxy.damon.DamosWatermarks;
import io.mlproxy.damon.MonitorConfig;
import io.mlproxy.memory.Eviction;
import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.TraceFootprint;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import io.mlproxy.workload.Zipf;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import nl.tudelft.simulation.jstats.streams.MersenneTwister;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Replay of a whole pre-read touch stream through the memory model, in batches of one 5 ms
 * sampling interval. {@code setup = cache}: the memory alone (residency, accessed bits, direct
 * reclaim by {@code eviction}) with DRAM for half of the source's pages. {@code setup = full}: the
 * same plus the DAMON monitor (5 ms / 100 ms, 10..1000 regions) stepped at every sampling interval and
 * DAMON_RECLAIM (watermarks off, min_age shortened to 1 s so it pages out within the replay). Each
 * invocation starts from an empty memory (built in untimed setup). The primary score is replays
 * per second; {@code touches} is page touches per second (targets: 25 M/s cache, 10 M/s full).
 *
 * <p>Sources: {@code zipf}, {@code touches} touches of Zipf(0.99, scrambled) over 65,536 pages at
 * 1 M touches/s of simulated time; {@code lackey}, the shipped valgrind trace (89,020 data touches on
 * 98 pages, replayed at 1 M touches/s, so it spans less than one aggregation interval);
 * {@code oracleGeneral}, a libCacheSim oracleGeneral file ({@code oracleTrace}, or when empty the
 * zipf stream written to {@code java.io.tmpdir} once, so libCacheSim can replay the same file).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class ReplayBenchmark {
    static final int ZIPF_PAGES = 65_536;
    static final long RATE = 1_000_000;
    static final long SEED = 7;
    static final MonitorConfig MONITOR = new MonitorConfig(5_000, 100_000, 60_000_000, 10, 1_000);

    @Param({"zipf", "lackey", "oracleGeneral"})
    public String source;

    @Param({"LRU", "CLOCK"})
    public Eviction eviction;

    @Param({"cache", "full"})
    public String setup;

    /** Touches of the zipf stream (also of the generated oracleGeneral file). */
    @Param("10000000")
    public int touches;

    @Param("scenarios/traces/hotcold.lackey.gz")
    public String lackeyTrace;

    /** An oracleGeneral file to replay; empty = generate one from the zipf stream. */
    @Param("")
    public String oracleTrace;

    private Touches stream;
    private Memory memory;
    private DamonMonitor monitor;

    /** Touches replayed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Replayed {
        /** Page touches replayed in this iteration. */
        public long touches;

        @Setup(Level.Iteration)
        public void reset() {
            touches = 0;
        }
    }

    @Setup(Level.Trial)
    public void load() {
        stream = switch (source) {
            case "zipf" -> zipf(touches);
            case "lackey" -> lackey(RepoPaths.resolve(lackeyTrace));
            case "oracleGeneral" -> oracleGeneral(oracleTrace.isEmpty() ? generatedOracleTrace(touches)
                    : RepoPaths.resolve(oracleTrace));
            default -> throw new IllegalArgumentException("source must be zipf, lackey or oracleGeneral, got "
                    + source);
        };
        if (!setup.equals("cache") && !setup.equals("full")) {
            throw new IllegalArgumentException("setup must be cache or full, got " + setup);
        }
    }

    static Touches zipf(int touches) {
        long durationUs = touches / RATE * 1_000_000L + 1_000_000L;
        var workload = SyntheticWorkload.of(ZIPF_PAGES, RATE, new Zipf(0.99, true));
        return Touches.read(workload.open(new MersenneTwister(SEED), durationUs), MONITOR.samplingUs(), touches);
    }

    static Touches lackey(Path path) {
        TraceFootprint fp = Traces.scan(TraceSpec.lackey(path, Integer.MAX_VALUE, RATE));
        int pages = (int) Math.max(MONITOR.minRegions(), fp.distinctPages());
        return Touches.read(Traces.open(TraceSpec.lackey(path, pages, RATE)), MONITOR.samplingUs(),
                Integer.MAX_VALUE);
    }

    static Touches oracleGeneral(Path path) {
        return Touches.read(Traces.open(TraceSpec.oracleGeneral(path, ZIPF_PAGES)), MONITOR.samplingUs(),
                Integer.MAX_VALUE);
    }

    /** The zipf stream as an oracleGeneral file in java.io.tmpdir, written once and then reused. */
    static Path generatedOracleTrace(int touches) {
        Path file = Path.of(System.getProperty("java.io.tmpdir"),
                "mlproxy-bench-zipf099-" + ZIPF_PAGES + "p-" + touches + "t-seed" + SEED + ".oracleGeneral");
        try {
            if (!Files.isRegularFile(file) || Files.size(file) != (long) touches * OracleGeneralFile.RECORD) {
                OracleGeneralFile.write(zipf(touches), 4096, file);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        System.out.println("# oracleGeneral trace: " + file);
        return file;
    }

    @Setup(Level.Invocation)
    public void emptyMemory() {
        int pages = stream.pageCount();
        memory = new Memory(MemoryConfig.withDefaults(pages, Math.max(1, pages / 2)).withEviction(eviction));
        monitor = null;
        if (setup.equals("full")) {
            monitor = new DamonMonitor(MONITOR, memory, new MersenneTwister(SEED));
            monitor.addScheme(DamonReclaim.defaults().withMinAgeUs(1_000_000).withWatermarks(DamosWatermarks.none())
                    .newScheme(MONITOR, memory.pageSizeBytes()), memory);
        }
    }

    @Benchmark
    public long replay(Replayed replayed) {
        int[] pages = stream.pages();
        int[] ends = stream.batchEnds();
        long[] times = stream.batchTimes();
        Memory m = memory;
        DamonMonitor mon = monitor;
        long nextSampleUs = MONITOR.samplingUs();
        int from = 0;
        for (int b = 0; b < ends.length; b++) {
            int to = ends[b];
            long t = times[b];
            m.touchAll(pages, from, to, t);
            if (mon != null) {
                while (nextSampleUs <= t) {
                    mon.step(nextSampleUs);
                    nextSampleUs += MONITOR.samplingUs();
                }
            }
            from = to;
        }
        replayed.touches += pages.length;
        return m.counters().majorFaults();
    }
}
