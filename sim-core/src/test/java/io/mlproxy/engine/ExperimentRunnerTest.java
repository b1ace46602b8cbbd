package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExperimentRunnerTest {

  @TempDir Path tmp;

  private static Map<String, byte[]> csvFiles(Path dir) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".csv")).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  @Test
  void sameSeedGivesByteIdenticalCsvsWhateverTheNumberOfJobs() throws IOException {
    Scenario s = TinyScenario.hotCold(20, "");
    ExperimentRunner.Outcome one = ExperimentRunner.run(s, "x", tmp.resolve("a"), TinyScenario.options(1));
    ExperimentRunner.Outcome two = ExperimentRunner.run(s, "x", tmp.resolve("b"), TinyScenario.options(2));
    Map<String, byte[]> a = csvFiles(one.folder());
    Map<String, byte[]> b = csvFiles(two.folder());
    assertThat(a.keySet())
        .contains("summary.csv", "replications.csv", "events.csv", "proxy/rep-1/timeseries.csv",
            "proxy/rep-2/timeseries.csv", "oracle/rep-1/heatmap.csv")
        .isEqualTo(b.keySet());
    a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    assertThat(new String(a.get("summary.csv")).lines().findFirst().orElseThrow())
        .isEqualTo(String.join(",", ResultsWriter.SUMMARY_HEADER));
    assertThat(new String(a.get("summary.csv")).lines()).hasSize(6);
  }

  @Test
  void runFilesWrittenAsEachReplicationEndsAreTheFilesWrittenFromHeldResults() throws IOException {
    // some variants unreported: `none` still runs (the slowdown's reference) but writes no files
    Scenario s = TinyScenario.hotCold(8, "variants: [handcrafted, proxy, oracle]\n");
    Path streamed = ExperimentRunner.run(s, "x", tmp.resolve("a"), TinyScenario.options(2)).folder();
    RunPlan plan = ScenarioCompiler.compile(s);
    List<ReplicationResult> held = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
    assertThat(held).allSatisfy(r -> assertThat(r.rows()).isNotEmpty());
    Path written;
    try (ResultsFolder folder = ResultsFolder.open(tmp.resolve("b"), "test", false, m -> { })) {
      written = ExperimentRunner.write(plan, "x", held, folder, TinyScenario.options(2),
          ResultsWriter.Finishing.NONE).folder();
    }
    Map<String, byte[]> a = csvFiles(streamed);
    Map<String, byte[]> b = csvFiles(written);
    assertThat(a.keySet()).contains("proxy/rep-2/damon.csv", "oracle/rep-1/heatmap.csv")
        .noneMatch(name -> name.startsWith("none/")).isEqualTo(b.keySet());
    a.forEach((name, bytes) -> assertThat(bytes).as(name).isEqualTo(b.get(name)));
    assertThat(Files.list(tmp.resolve("a")).map(p -> p.getFileName().toString()))
        .as("no staging folder left").noneMatch(n -> n.startsWith("."  + s.name()));
  }

  @Test
  void aReplicationsResultsGoToDiskAndOnlyWhatTheSummaryNeedsStays() throws IOException {
    Scenario s = TinyScenario.hotCold(4, "");
    RunPlan plan = ScenarioCompiler.compile(s);
    List<ReplicationResult> one = ExperimentRunner.simulate(plan, 2, (d, t) -> {}).subList(0, 5);
    Path dir = Files.createDirectory(tmp.resolve("staging"));
    List<ReplicationResult> kept = ExperimentRunner.writeAndDropRunFiles(dir, s, one);
    assertThat(kept).hasSameSizeAs(one);
    for (int i = 0; i < one.size(); i++) {
      ReplicationResult full = one.get(i);
      ReplicationResult light = kept.get(i);
      assertThat(light.outcome()).isEqualTo(full.outcome());
      assertThat(light.events()).isEqualTo(full.events());
      assertThat(light.touches()).isEqualTo(full.touches());
      assertThat(light.proxyCounters()).isEqualTo(full.proxyCounters());
      assertThat(light.rows()).isEmpty();
      assertThat(light.damon()).isEmpty();
      assertThat(light.heatmap()).isEmpty();
      Path rep = dir.resolve(full.outcome().variant().yamlName()).resolve("rep-" + full.outcome().rep());
      assertThat(Files.readAllLines(rep.resolve("timeseries.csv"))).hasSize(full.rows().size() + 1);
      assertThat(Files.readAllLines(rep.resolve("damon.csv"))).hasSize(full.damon().size() + 1);
    }
  }

  @Test
  void aFinishedReplicationIsCollectedOnlyWhenTheHeapInUseIsLarge() {
    assertThat(ExperimentRunner.worthCollecting(ExperimentRunner.COLLECT_ABOVE_BYTES)).isFalse();
    assertThat(ExperimentRunner.worthCollecting(ExperimentRunner.COLLECT_ABOVE_BYTES + 1)).isTrue();
    assertThat(ExperimentRunner.worthCollecting(10L << 20)).isFalse();
  }

  @Test
  void aDifferentSeedGivesDifferentResults() throws IOException {
    Scenario s = TinyScenario.hotCold(10, "");
    Path a = ExperimentRunner.run(s, "x", tmp.resolve("a"), TinyScenario.options(2)).folder();
    ExperimentRunner.Options other = new ExperimentRunner.Options(null, null, 99L, 2, "test", (d, t) -> {});
    Path b = ExperimentRunner.run(s, "x", tmp.resolve("b"), other).folder();
    assertThat(Files.readAllBytes(b.resolve("proxy/rep-1/timeseries.csv")))
        .isNotEqualTo(Files.readAllBytes(a.resolve("proxy/rep-1/timeseries.csv")));
  }

  @Test
  void allVariantsOfAReplicationSeeTheSameTouches() {
    RunPlan plan = ScenarioCompiler.compile(TinyScenario.hotCold(15, ""));
    List<ReplicationResult> results = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
    Map<Integer, List<ReplicationResult>> byRep =
        results.stream().collect(Collectors.groupingBy(r -> r.outcome().rep()));
    assertThat(byRep).hasSize(2);
    byRep.forEach(
        (rep, list) -> {
          assertThat(list).hasSize(Variant.values().length);
          List<Long> perRow = list.get(0).rows().stream().map(TimeseriesRow::touches).toList();
          for (ReplicationResult r : list) {
            assertThat(r.touches()).as("touches of %s", r.outcome().variant()).isEqualTo(list.get(0).touches());
            assertThat(r.rows().stream().map(TimeseriesRow::touches).toList()).isEqualTo(perRow);
          }
        });
    // the two replications are different streams
    assertThat(byRep.get(1).get(0).rows().get(0).hits()).isNotEqualTo(byRep.get(2).get(0).rows().get(0).hits());
  }

  @Test
  void proxyCountersBalanceInEveryVariant() {
    RunPlan plan =
        ScenarioCompiler.compile(
            TinyScenario.hotCold(40, "faults:\n  - {type: corrupt_recommendations, at: 12s, count: 4}\n"));
    for (ReplicationResult r : ExperimentRunner.simulate(plan, 2, (d, t) -> {})) {
      Map<String, Long> c = r.proxyCounters();
      if (!r.outcome().variant().usesProxy()) {
        assertThat(c).isEmpty();
        continue;
      }
      assertThat(c.get("messages_written"))
          .as("written = accepted + rejected (+ pending) in %s", r.outcome().variant())
          .isEqualTo(c.get("messages_accepted") + c.get("messages_rejected") + c.get("messages_pending"));
      assertThat(c.get("hints_accepted"))
          .as("accepted hints = applied + superseded + expired + in force")
          .isEqualTo(c.get("hints_applied") + c.get("hints_superseded") + c.get("hints_expired")
              + c.get("hints_in_force"));
      if (r.outcome().variant().runsAgent()) {
        assertThat(c.get("messages_written")).isGreaterThan(20);
        assertThat(c.get("messages_rejected")).isGreaterThanOrEqualTo(4);
        assertThat(r.events()).filteredOn(e -> e.kind().equals(EventLog.RECOMMENDATION_REJECTED)).isNotEmpty();
      }
    }
  }

  @Test
  void aFailedRunLeavesEarlierResultsIntact() throws IOException {
    Scenario s = TinyScenario.hotCold(5, "");
    Path folder = ExperimentRunner.run(s, "x", tmp, TinyScenario.options(2)).folder();
    byte[] before = Files.readAllBytes(folder.resolve("summary.csv"));
    // a scenario whose feedback window cannot exceed its break-even time fails to compile
    Scenario bad = TinyScenario.hotCold(5, "objective:\n  lambda: 100\n");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ExperimentRunner.run(bad, "x", tmp, TinyScenario.options(2)))
        .hasMessageContaining("feedback_window");
    assertThat(Files.readAllBytes(folder.resolve("summary.csv"))).isEqualTo(before);
  }
}
