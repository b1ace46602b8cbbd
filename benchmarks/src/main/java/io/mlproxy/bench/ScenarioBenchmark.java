package io.mlproxy.bench;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.RunPlan;
import io.mlproxy.engine.ScenarioCompiler;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Units;
import io.mlproxy.scenario.Variant;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Wall time of one shipped scenario, one replication of the {@code proxy} variant, on one thread
 * ({@code ExperimentRunner.simulate(plan, 1, ...)}). {@code simulate} always adds the {@code none}
 * variant (the no-reclaim reference that slowdown is measured against), so each measured run is
 * two replications: none and proxy, one after the other. Loading and compiling the YAML is setup,
 * writing results is not included.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class ScenarioBenchmark {

    @Param("scenarios/static-hot-cold.yaml")
    public String scenario;

    /** Simulated duration override such as {@code 10s} (for the suite's smoke test); empty = as shipped. */
    @Param("")
    public String duration;

    private RunPlan plan;

    @Setup(Level.Trial)
    public void compile() {
        Scenario loaded = ScenarioLoader.load(RepoPaths.resolve(scenario));
        Scenario one = ExperimentRunner.withOverrides(loaded,
                new ExperimentRunner.Options(List.of(Variant.PROXY), 1, null, 1, "bench", (d, t) -> { }));
        if (!duration.isEmpty()) {
            one = withDuration(one, Units.parseDurationNs(duration) / 1_000);
        }
        plan = ScenarioCompiler.compile(one);
    }

    static Scenario withDuration(Scenario s, long durationUs) {
        return new Scenario(s.name(), s.description(), durationUs, s.seed(), s.replications(), s.variants(),
                s.outputStepUs(), s.objective(), s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(),
                s.workload(), s.faults(), s.oracle());
    }

    @Benchmark
    public List<ReplicationResult> simulate() {
        return ExperimentRunner.simulate(plan, 1, (done, total) -> { });
    }
}
