package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the reports and the progress bar read from a run: the heatmap's residency per bucket, the
 * oracle's memory up to the last step, and simulated time as it passes.
 */
class ReportInputsTest {

  /**
   * Everything touched for 1 s, then only the first quarter: the rest goes cold for good. λ = 0.25
   * puts the break-even time B (the oracle's horizon) at 1.33 s, within the run.
   */
  static final String COOLING = """
      name: cooling
      duration: 4s
      replications: 1
      variants: [none, oracle]
      objective:
        lambda: 0.25
      memory:
        pages: 1024
      workload:
        rate: 100000/s
        phases:
          - at: 0s
            mix:
              - pattern: uniform
          - at: 1s
            mix:
              - pattern: hotset
                hot_fraction: 0.25
                hot_share: 1.0
      """;

  @TempDir Path dir;

  private ExperimentRunner.Outcome run(String yaml) {
    Scenario s = ScenarioLoader.parse(yaml, dir.resolve("s.yaml"), RunChecks.standard());
    return ExperimentRunner.run(s, yaml, dir.resolve("out"), TinyScenario.options(2));
  }

  @Test
  void theHeatmapRecordsTheResidentShareOfEveryBucket() throws IOException {
    ExperimentRunner.Outcome o = run(COOLING);
    for (String variant : List.of("none", "oracle")) {
      List<String> rows = Files.readAllLines(o.folder().resolve(variant + "/rep-1/heatmap.csv"));
      assertThat(rows.get(0)).isEqualTo("time_s,bucket,start_page,end_page,access_permille,resident_permille");
      List<String> last = rows.subList(rows.size() - 64, rows.size());
      for (String row : last) {
        String[] f = row.split(",");
        int bucket = Integer.parseInt(f[1]);
        int resident = Integer.parseInt(f[5]);
        assertThat(resident).isBetween(0, 1000);
        if (variant.equals("none") || bucket < 16) {
          // nothing reclaims for none; the hot quarter stays resident for the oracle
          assertThat(resident).as(variant + " bucket " + bucket).isEqualTo(1000);
        } else {
          // the oracle pages out what is never touched again
          assertThat(resident).as(variant + " bucket " + bucket).isLessThan(500);
        }
      }
    }
  }

  @Test
  void theOracleKeepsItsWorkingSetUpToTheLastStep() throws IOException {
    // its look-ahead reads past the run's end: the end is not a future without touches
    ExperimentRunner.Outcome o = run(COOLING);
    List<String> rows = Files.readAllLines(o.folder().resolve("oracle/rep-1/timeseries.csv"));
    int resident = Integer.parseInt(rows.get(rows.size() - 1).split(",")[1]);
    int before = Integer.parseInt(rows.get(rows.size() - 2).split(",")[1]);
    assertThat(resident).isEqualTo(before).isGreaterThanOrEqualTo(256);
  }

  @Test
  void progressReportsSimulatedTimeAsItPasses() {
    Scenario s = ScenarioLoader.parse(COOLING, dir.resolve("s.yaml"), RunChecks.standard());
    RunPlan plan = ScenarioCompiler.compile(s);
    LongSupplier[] simulated = new LongSupplier[1];
    AtomicLong total = new AtomicLong();
    int[] finished = new int[2];
    ExperimentRunner.simulate(plan, 1, new ExperimentRunner.Progress() {
      @Override
      public void started(LongSupplier simulatedUs, long totalUs, int tasks) {
        simulated[0] = simulatedUs;
        total.set(totalUs);
        assertThat(simulatedUs.getAsLong()).isZero();
        assertThat(tasks).isEqualTo(2);
      }

      @Override
      public void update(int done, int tasks) {
        finished[0] = done;
        finished[1] = tasks;
        // a finished run has reported all of its simulated time
        assertThat(simulated[0].getAsLong()).isGreaterThanOrEqualTo(done * 4_000_000L);
      }
    });
    assertThat(total.get()).isEqualTo(2 * 4_000_000L);
    assertThat(simulated[0].getAsLong()).isEqualTo(total.get());
    assertThat(finished).containsExactly(2, 2);
  }
}
