package io.mlproxy.bench;

import io.mlproxy.memory.Eviction;
import io.mlproxy.memory.Memory;
import io.mlproxy.memory.MemoryConfig;
import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.SyntheticWorkload;
import io.mlproxy.workload.Zipf;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The zipf stream of {@link ReplayBenchmark} generated and replayed together (cache mode): the
 * workload generator reads batches of 8,192 touches into a reused buffer and the memory touches them.
 * Set beside {@code ReplayBenchmark.replay} (source = zipf, setup = cache) it shows what the
 * generator costs. Primary score: replays per second; {@code touches}: touches per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GenerateAndReplayBenchmark {

    @Param({"LRU", "CLOCK"})
    public Eviction eviction;

    @Param("10000000")
    public int touches;

    private final int[] pages = new int[Touches.MAX_BATCH];
    private final long[] times = new long[Touches.MAX_BATCH];
    private Memory memory;

    @Setup(Level.Invocation)
    public void emptyMemory() {
        int n = ReplayBenchmark.ZIPF_PAGES;
        memory = new Memory(MemoryConfig.withDefaults(n, n / 2).withEviction(eviction));
    }

    @Benchmark
    public long generateAndReplay(ReplayBenchmark.Replayed replayed) {
        long durationUs = touches / ReplayBenchmark.RATE * 1_000_000L + 1_000_000L;
        var workload = SyntheticWorkload.of(ReplayBenchmark.ZIPF_PAGES, ReplayBenchmark.RATE, new Zipf(0.99, true));
        long done = 0;
        try (AccessStream s = workload.open(new MersenneTwister(ReplayBenchmark.SEED), durationUs)) {
            int got;
            while (done < touches
                    && (got = s.read(pages, times, (int) Math.min(pages.length, touches - done))) > 0) {
                memory.touchAll(pages, 0, got, times[got - 1]);
                done += got;
            }
        }
        replayed.touches += done;
        return memory.counters().majorFaults();
    }
}
