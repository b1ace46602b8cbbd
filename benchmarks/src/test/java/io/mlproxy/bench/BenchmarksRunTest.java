package io.mlproxy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every benchmark runs for one short iteration in this JVM (JMH's {@code -f 0 -wi 0 -i 1}), over its
 * whole parameter matrix unless a parameter would make it slow, so the suite cannot rot. Nothing
 * here looks at the speed: the benchmarks are the measurement.
 */
class BenchmarksRunTest {

    @TempDir
    static Path tmp;

    @BeforeAll
    static void repositoryRoot() {
        // the benchmarks resolve shipped files against the repository root; surefire runs in benchmarks/
        Path root = RepoPaths.root();
        assertThat(root.resolve("scenarios/static-hot-cold.yaml")).exists();
        System.setProperty(RepoPaths.ROOT_PROPERTY, root.toString());
    }

    private static ChainedOptionsBuilder once(Class<?> benchmark) {
        return once(benchmark, "");
    }

    /** One short iteration of the benchmark methods of {@code benchmark} whose names match {@code method}. */
    private static ChainedOptionsBuilder once(Class<?> benchmark, String method) {
        return new OptionsBuilder()
                .include("^" + benchmark.getName().replace(".", "\\.") + "\\." + method)
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .timeout(TimeValue.minutes(2))
                .shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    private static void assertScored(Collection<RunResult> results, int expectedRuns) {
        assertThat(results).hasSize(expectedRuns);
        for (RunResult r : results) {
            assertThat(r.getPrimaryResult().getScore()).as(r.getParams().toString()).isPositive();
        }
    }

    @Test
    void executeOperationRunsEveryModeSizeLookupAndOrder() throws RunnerException {
        // 4 modes x 3 table sizes x hit/miss x ascending/shuffled; setup checks each candidate's lookup,
        // in the proxy and in the sorted-array baseline
        assertScored(run(once(ExecuteOperationBenchmark.class, "decide$")), 4 * 3 * 2 * 2);
    }

    @Test
    void theExecuteOperationBaselineRunsEverySizeLookupAndOrder() throws RunnerException {
        // the baseline ignores the mode: one mode here keeps the suite short
        assertScored(run(once(ExecuteOperationBenchmark.class, "baseline$").param("mode", "EMERGENCY")), 3 * 2 * 2);
    }

    @Test
    void applyRecommendationRunsBothPathsAndSizes() throws RunnerException {
        Collection<RunResult> results = run(once(ApplyRecommendationBenchmark.class));
        assertScored(results, 2 * 2);
        for (RunResult r : results) {
            int hints = Integer.parseInt(r.getParams().getParam("hints"));
            double messages = r.getPrimaryResult().getScore();
            double hintRate = r.getSecondaryResults().get("hints").getScore();
            // every measured message was checked to be applied, and its table's hints counted
            assertThat(hintRate / messages).isCloseTo(hints, org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    @Test
    void aRejectedMessageFailsTheApplyBenchmarkInsteadOfCountingItsHints() {
        ApplyRecommendationBenchmark b = new ApplyRecommendationBenchmark();
        b.hints = 1024;
        b.setUp();
        b.corruptMessage();
        ApplyRecommendationBenchmark.Installed installed = new ApplyRecommendationBenchmark.Installed();
        // the channel swallows the rejection and returns the full length: the benchmark must notice
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.channelWrite(installed))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("not applied");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> b.submit(installed))
            .isInstanceOf(io.mlproxy.proxy.MlLibException.class);
        assertThat(installed.hints).isZero();
    }

    @Test
    void datasetExportRunsBothSizes() throws RunnerException {
        Collection<RunResult> results = run(once(DatasetExportBenchmark.class));
        assertScored(results, 2);
        for (RunResult r : results) {
            int regions = Integer.parseInt(r.getParams().getParam("regions"));
            double bytesPerDataset = r.getSecondaryResults().get("bytes").getScore() / r.getPrimaryResult().getScore();
            // 40-byte records after a header: the rate ratio is the dataset size
            assertThat(bytesPerDataset).isBetween(regions * 40.0, regions * 40.0 + 128);
        }
    }

    @Test
    void monitorAggregationRuns() throws RunnerException {
        // sample and aggregationInterval at 1,000 and 2,000 max regions
        assertScored(run(once(MonitorAggregationBenchmark.class)), 2 * 2);
    }

    @Test
    void theMonitorSamplesBitsTheStripedTouchesSet() {
        MonitorAggregationBenchmark.StripedAccess access = new MonitorAggregationBenchmark.StripedAccess();
        access.touchInterval(); // interval 0: levels 1 and 3 are touched, bands 1 and 3 of each 4
        assertThat(access.testAndClearAccessed(0)).isFalse();
        assertThat(access.testAndClearAccessed(8)).isTrue();
        assertThat(access.testAndClearAccessed(8)).isFalse();
        assertThat(access.testAndClearAccessed(16)).isFalse();
        assertThat(access.testAndClearAccessed(24 + 64 * 7)).isTrue();
        access.touchInterval(); // interval 1: levels 2 and 3
        assertThat(access.testAndClearAccessed(8)).isFalse();
        assertThat(access.testAndClearAccessed(16)).isTrue();
    }

    @Test
    void replayRunsEverySourceEvictionAndSetup() throws RunnerException, java.io.IOException {
        Path trace = tmp.resolve("small.oracleGeneral");
        OracleGeneralFile.write(ReplayBenchmark.zipf(50_000), 4096, trace);
        assertThat(Files.size(trace)).isEqualTo(50_000L * OracleGeneralFile.RECORD);
        Collection<RunResult> results = run(once(ReplayBenchmark.class)
                .param("touches", "50000")
                .param("oracleTrace", trace.toString()));
        assertScored(results, 3 * 2 * 2);
        for (RunResult r : results) {
            double perReplay = r.getSecondaryResults().get("touches").getScore() / r.getPrimaryResult().getScore();
            long expected = switch (r.getParams().getParam("source")) {
                case "lackey" -> 89_020; // data touches of the shipped trace, see scenarios/traces/README.md
                default -> 50_000;
            };
            assertThat(perReplay).as(r.getParams().toString()).isCloseTo(expected,
                    org.assertj.core.data.Percentage.withPercentage(0.5));
        }
    }

    @Test
    void generateAndReplayRuns() throws RunnerException {
        assertScored(run(once(GenerateAndReplayBenchmark.class).param("touches", "50000")), 2);
    }

    @Test
    void engineRunsBothLoops() throws RunnerException {
        // the trial setup also checks that both loops executed the same events in the same order
        Collection<RunResult> results = run(once(EngineBenchmark.class).param("seconds", "2"));
        assertScored(results, 2);
        for (RunResult r : results) {
            double perRun = r.getSecondaryResults().get("events").getScore() / r.getPrimaryResult().getScore();
            // 2 s: ticks at 0, 5, ..., 2000 ms (401), aggregations at 100..2000 ms (20), agent at 1 s, 2 s (2)
            assertThat(perRun).isCloseTo(423, org.assertj.core.data.Percentage.withPercentage(0.5));
        }
    }

    @Test
    void externalAgentRunsEveryAgentWithTheSmallDataset() throws RunnerException {
        // the agents are real processes: one short iteration of each, at 1,000 regions
        assertScored(run(once(ExternalAgentBenchmark.class).param("regions", "1000")), 3);
    }

    @Test
    void scenarioRunsOnce() throws RunnerException {
        assertScored(run(new OptionsBuilder()
                .include("^io\\.mlproxy\\.bench\\.ScenarioBenchmark\\.")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .param("duration", "3s")
                .timeout(TimeValue.minutes(2))
                .shouldFailOnError(true)
                .verbosity(org.openjdk.jmh.runner.options.VerboseMode.SILENT)), 1);
    }

}
