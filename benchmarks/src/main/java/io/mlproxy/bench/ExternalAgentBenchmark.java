package io.mlproxy.bench;

import io.mlproxy.agent.AgentCosts;
import io.mlproxy.agent.AgentProcess;
import io.mlproxy.agent.LogisticAgentModel;
import io.mlproxy.agent.UserAgent;
import io.mlproxy.agent.external.ExternalAgent;
import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ProxyConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * The cost of the process boundary: agent round trips (one wake-up: WAKE, the agent's requests
 * PREPARE_DATASET, two attribute reads, the dataset read, DISCARD_DATASET, a feedback read and the
 * recommendation write, each answered by the proxy, then DONE; the written recommendation is then
 * applied) per second of wall time, with datasets of 1,000 and 10,000 DAMON regions.
 *
 * <p>{@code threshold} is agents/python/threshold_agent.py (almost no computation: the protocol and
 * Python's decoding), {@code reference} agents/python/reference_agent.py (the online logistic model
 * in Python), {@code builtin} the same model in the JVM ({@link AgentProcess}, no process boundary).
 * The simulated clock advances one second per round trip, so the models see a steady stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExternalAgentBenchmark {

    @Param({"1000", "10000"})
    public int regions;

    @Param({"threshold", "reference", "builtin"})
    public String agent;

    private long nowMs = 1_000;
    private UserAgent user;

    @Setup(Level.Trial)
    public void setUp() {
        long[] starts = new long[regions];
        long[] ends = new long[regions];
        int[] nr = new int[regions];
        int[] age = new int[regions];
        SplittableRandom rnd = new SplittableRandom(7);
        long page = 0;
        for (int i = 0; i < regions; i++) {
            starts[i] = page;
            page += 1 + rnd.nextInt(256);
            ends[i] = page;
            boolean busy = i % 4 == 0;
            nr[i] = busy ? 1 + rnd.nextInt(20) : 0;
            age[i] = busy ? rnd.nextInt(10) : rnd.nextInt(1200);
        }
        long pages = page;
        MlModelProxy proxy = MlModelProxy.create("bench", ModelOperations.GENERIC, sink -> {
            for (int i = 0; i < regions; i++) {
                sink.region(starts[i], ends[i], nr[i], nr[i], age[i], 1000, 0);
            }
        }, () -> nowMs);
        proxy.init(ProxyConfig.forAddressSpace(pages), ModeThresholds.defaults());
        ControlInterface control = new ControlInterface(proxy);
        DataChannel channel = new DataChannel(proxy);
        if (agent.equals("builtin")) {
            user = new AgentProcess(control, channel, new LogisticAgentModel(20, 30_000, 0.05, 1e-4, 600),
                    new AgentCosts(10_000, 2_000, 4096));
        } else {
            Path script = RepoPaths.resolve("agents/python/" + agent + "_agent.py");
            Map<String, String> hello = Map.of("max_nr_accesses", "20", "agent.horizon_ms", "30000",
                    "agent.learning_rate", "0.05", "agent.l2", "1.0E-4", "agent.min_confidence_permille", "600",
                    "agent.train_cost_per_sample_ns", "2000");
            ExternalAgent.Settings s = new ExternalAgent.Settings(List.of("python3", script.toString()),
                    script.getParent(), Map.of(), 0, 30_000, 30_000, 0, 0, 1 << 20, 10_000, hello);
            user = new ExternalAgent(s, control, channel, proxy.config(), () -> nowMs * 1000);
        }
        user.attach();
    }

    /** One wake-up of the agent, its recommendation applied. */
    @Benchmark
    public int roundTrip() {
        nowMs += 1_000;
        user.readDataset();
        user.train();
        byte[] message = user.recommendation();
        if (message == null) {
            throw new IllegalStateException("the " + agent + " agent wrote no recommendation");
        }
        user.write(message);
        return message.length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        user.close();
    }
}
