package io.mlproxy.bench;

import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.MlModelProxy;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Dataset export: PREPARE_DATASET (ml_lib get_dataset, which lets the subsystem write its regions,
 * then preprocess_data, which sorts, validates and encodes them, and publish_data) followed by the
 * agent reading the whole dataset through the {@link DataChannel} in 4 KiB portions, as it would
 * read a character device. The primary score is datasets per second; the {@code bytes} secondary
 * score is dataset bytes per second (target: at least 1 GB/s).
 *
 * <p>The regions are written in ascending address order, as DAMON keeps them, with varied
 * nr_accesses, ages and residency drawn once at setup.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DatasetExportBenchmark {
    static final int PORTION = 4096;

    @Param({"1000", "10000"})
    public int regions;

    private MlModelProxy proxy;
    private DataChannel channel;
    private final byte[] portion = new byte[PORTION];

    /** Dataset bytes delivered to the reader, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Delivered {
        /** Bytes read back in this iteration. */
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        long[] starts = new long[regions];
        long[] ends = new long[regions];
        int[] nr = new int[regions];
        int[] lastNr = new int[regions];
        int[] age = new int[regions];
        int[] resident = new int[regions];
        int[] refaults = new int[regions];
        SplittableRandom rnd = new SplittableRandom(7);
        long page = 0;
        for (int i = 0; i < regions; i++) {
            starts[i] = page;
            page += 1 + rnd.nextInt(256);
            ends[i] = page;
            nr[i] = rnd.nextInt(21);
            lastNr[i] = rnd.nextInt(21);
            age[i] = rnd.nextInt(1200);
            resident[i] = rnd.nextInt(1001);
            refaults[i] = rnd.nextInt(4);
        }
        long pages = page;
        proxy = Proxies.started("bench-dataset", pages, sink -> {
            for (int i = 0; i < starts.length; i++) {
                sink.region(starts[i], ends[i], nr[i], lastNr[i], age[i], resident[i], refaults[i]);
            }
        });
        channel = new DataChannel(proxy);
        long gen = proxy.prepareDataset();
        long expected = proxy.datasetSizeBytes();
        long read = drain(gen);
        if (read != expected || expected < (long) regions * 40) {
            throw new IllegalStateException("read " + read + " of " + expected + " dataset bytes");
        }
    }

    private long drain(long gen) {
        long offset = 0;
        int n;
        while ((n = channel.readDataset(gen, offset, portion, 0, PORTION)) > 0) {
            offset += n;
        }
        return offset;
    }

    @Benchmark
    public byte prepareAndRead(Delivered delivered) {
        long gen = proxy.prepareDataset();
        delivered.bytes += drain(gen);
        return portion[0];
    }
}
