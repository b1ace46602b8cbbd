package io.mlproxy.bench;

import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.HintTable;
import io.mlproxy.proxy.MlModelProxy;
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
 * ml_lib preprocess_recommendation + apply_recommendation of one message of {@code hints} region
 * hints: decode, CRC, validation of every hint, generation and deadline checks, and the hint-table
 * swap. The primary score is messages per second; the {@code hints} secondary score is region hints
 * per second (the target is at least 20 M/s, with a per-hint rate that does not fall with the size).
 *
 * <p>{@code submit} hands the message to the proxy directly; {@code channelWrite} writes it through
 * the {@link DataChannel} as the agent does (one more copy into and out of the bounded buffer).
 * Re-submitting the same message is legal: it answers the current generation, which the installed
 * table does not outdate, and the stopped clock keeps it inside its deadline.
 *
 * <p>Only applied hints count: after every call the benchmark checks that the message replaced the
 * hint table (a rejected message leaves it in place; the channel returns the full length either
 * way) and adds the new table's hints. A rejection fails the run with the proxy's reason instead
 * of counting hints that were never applied.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ApplyRecommendationBenchmark {

    @Param({"1024", "65536"})
    public int hints;

    private MlModelProxy proxy;
    private DataChannel channel;
    private byte[] message;

    /** Region hints installed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Installed {
        /** Region hints installed in this iteration. */
        public long hints;

        @Setup(Level.Iteration)
        public void reset() {
            hints = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        long stride = 32;
        long pages = hints * stride;
        proxy = Proxies.started("bench-apply", pages, Proxies.oneRegion(pages));
        channel = new DataChannel(proxy);
        long gen = proxy.prepareDataset();
        message = Proxies.stripedRecommendation(gen, hints, stride, 16);
        long before = proxy.counters().get("messages_accepted");
        proxy.submitRecommendation(message, 0, message.length);
        channel.writeRecommendation(message, 0, message.length);
        if (proxy.counters().get("messages_accepted") != before + 2) {
            throw new IllegalStateException("benchmark message rejected: " + proxy.lastReject());
        }
    }

    @Benchmark
    public MlModelProxy submit(Installed installed) {
        HintTable before = table();
        proxy.submitRecommendation(message, 0, message.length);
        installed.hints += applied(before);
        return proxy;
    }

    @Benchmark
    public int channelWrite(Installed installed) {
        HintTable before = table();
        int n = channel.writeRecommendation(message, 0, message.length);
        installed.hints += applied(before);
        return n;
    }

    private HintTable table() {
        return proxy.hintTable().orElse(null);
    }

    /** Hints of the table the message installed; fails when it installed none (the message was rejected). */
    private int applied(HintTable before) {
        HintTable now = table();
        if (now == null || now == before) {
            throw new IllegalStateException("message not applied: " + proxy.lastReject());
        }
        return now.size();
    }

    /** Corrupts the benchmark's message (one byte of a hint, so its CRC fails): for the test that rejection is not counted. */
    void corruptMessage() {
        message = message.clone();
        message[message.length - 1] ^= 0x5a;
    }
}
