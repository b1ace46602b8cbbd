package io.mlproxy.bench;

import io.mlproxy.engine.DsolReplicationRunner;
import io.mlproxy.engine.DsolReplicationRunner.Scheduler;
import java.util.PriorityQueue;
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
 * The simulator's event mix (a workload tick every 5 ms, an aggregation every 100 ms at LATE
 * priority so it follows the tick of the same instant, an agent wake-up every 1 s), each event
 * doing the same small fixed work, run by DSOL ({@code dsol}: {@link DsolReplicationRunner}, worker
 * thread and replication set-up included) and by a bare {@link PriorityQueue} loop ordered by
 * (time, priority, sequence) ({@code priorityQueue}). Primary score: runs per second; {@code events}:
 * events per second. Their ratio is DSOL's overhead, measured in one run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EngineBenchmark {
    static final long TICK_US = 5_000;
    static final long AGGREGATION_US = 100_000;
    static final long AGENT_US = 1_000_000;
    static final short NORMAL = Scheduler.NORMAL;
    static final short LATE = Scheduler.LATE;
    static final int KIND_TICK = 0;
    static final int KIND_AGGREGATION = 1;
    static final int KIND_AGENT = 2;

    /** Simulated seconds per run (plus half a tick, so no event falls on the end instant). */
    @Param("60")
    public int seconds;

    /** Events executed, reported as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Executed {
        /** Events executed in this iteration. */
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    /** The per-event work and its result, identical for both engines. */
    static final class Work {
        long state = 0x9E3779B97F4A7C15L;
        long events;
        final long[] perKind = new long[3];

        void run(int kind, long nowUs) {
            long x = state ^ nowUs ^ kind;
            for (int i = 0; i < 32; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
            }
            state = x;
            perKind[kind]++;
            events++;
        }
    }

    long durationUs() {
        return seconds * 1_000_000L + TICK_US / 2;
    }

    @Setup(Level.Trial)
    public void checkSameWork() {
        Work a = dsolRun();
        Work b = queueRun();
        if (a.state != b.state || !java.util.Arrays.equals(a.perKind, b.perKind)) {
            throw new IllegalStateException("DSOL and the PriorityQueue loop did different work: "
                    + java.util.Arrays.toString(a.perKind) + " vs " + java.util.Arrays.toString(b.perKind));
        }
    }

    Work dsolRun() {
        Work w = new Work();
        DsolReplicationRunner.run("bench-engine", durationUs(), new MersenneTwister(1), scheduler -> {
            scheduler.at(0, NORMAL, new Runnable() {
                @Override
                public void run() {
                    w.run(KIND_TICK, scheduler.nowUs());
                    scheduler.after(TICK_US, this::run);
                }
            }::run);
            scheduler.at(AGGREGATION_US, LATE, new Runnable() {
                @Override
                public void run() {
                    w.run(KIND_AGGREGATION, scheduler.nowUs());
                    scheduler.at(scheduler.nowUs() + AGGREGATION_US, LATE, this::run);
                }
            }::run);
            scheduler.at(AGENT_US, NORMAL, new Runnable() {
                @Override
                public void run() {
                    w.run(KIND_AGENT, scheduler.nowUs());
                    scheduler.after(AGENT_US, this::run);
                }
            }::run);
        });
        return w;
    }

    /** One event of the bare loop: earlier time first, then higher priority (DSOL's rule), then FIFO. */
    record Event(long timeUs, short priority, long seq, int kind) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            if (timeUs != o.timeUs) {
                return Long.compare(timeUs, o.timeUs);
            }
            if (priority != o.priority) {
                return Short.compare(o.priority, priority);
            }
            return Long.compare(seq, o.seq);
        }
    }

    Work queueRun() {
        Work w = new Work();
        PriorityQueue<Event> queue = new PriorityQueue<>();
        long seq = 0;
        queue.add(new Event(0, NORMAL, seq++, KIND_TICK));
        queue.add(new Event(AGGREGATION_US, LATE, seq++, KIND_AGGREGATION));
        queue.add(new Event(AGENT_US, NORMAL, seq++, KIND_AGENT));
        long end = durationUs();
        Event e;
        while ((e = queue.poll()) != null && e.timeUs <= end) {
            w.run(e.kind, e.timeUs);
            long period = switch (e.kind) {
                case KIND_TICK -> TICK_US;
                case KIND_AGGREGATION -> AGGREGATION_US;
                default -> AGENT_US;
            };
            queue.add(new Event(e.timeUs + period, e.priority, seq++, e.kind));
        }
        return w;
    }

    @Benchmark
    public long dsol(Executed executed) {
        Work w = dsolRun();
        executed.events += w.events;
        return w.state;
    }

    @Benchmark
    public long priorityQueue(Executed executed) {
        Work w = queueRun();
        executed.events += w.events;
        return w.state;
    }
}
