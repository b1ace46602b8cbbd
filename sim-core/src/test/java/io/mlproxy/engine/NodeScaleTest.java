package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code node-64g} (64 GiB at 10^8 accesses/s, mainline defaults) is simulated with the rate model
 * and DAMON's limits bind there: regions of thousands of pages, and DAMON_RECLAIM's quota runs out
 * once regions pass min_age (120 s). Shortened to 150 s and the handcrafted variant; the full run's
 * figures are in the README ("Rate-based workloads").
 */
class NodeScaleTest {

  @org.junit.jupiter.api.Test
  void damonRegionsAreThousandsOfPagesAndTheQuotaBindsAfterMinAge() {
    Scenario shipped = ScenarioLoader.load(ShippedRun.SCENARIOS.resolve("node-64g.yaml"));
    long durationUs = 150_000_000L;
    Scenario s = new Scenario(shipped.name(), shipped.description(), durationUs, shipped.seed(), 1,
        List.of(Variant.HANDCRAFTED), shipped.outputStepUs(), shipped.objective(), shipped.memory(),
        shipped.monitor(), shipped.policy(), shipped.proxy(), shipped.agent(), shipped.workload(),
        List.of(), shipped.oracle());
    RunPlan plan = ScenarioCompiler.compile(s);
    assertThat(plan.rate()).as("node-64g is rate-based by size").isNotNull();
    // the run adds none, the reference of slowdown
    ReplicationResult r = ExperimentRunner.simulate(plan, 1, (d, t) -> {}).stream()
        .filter(x -> x.outcome().variant() == Variant.HANDCRAFTED).findFirst().orElseThrow();
    List<DamonRow> rows = r.damon();
    assertThat(rows).isNotEmpty();
    DamonRow last = rows.get(rows.size() - 1);
    // 2^24 pages over at most 1,000 regions: at least 16,777 pages each on average
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.nrRegions()).isBetween(10, 1000);
      assertThat(row.regionPagesMean()).isGreaterThanOrEqualTo((1 << 24) / 1000.0);
    });
    // nothing is old enough before min_age; after it, the quota ends applications
    assertThat(rows.stream().filter(row -> row.timeUs() <= 110_000_000L)).allSatisfy(row ->
        assertThat(row.quotaLimited()).isZero());
    assertThat(last.applications()).isPositive();
    assertThat(last.quotaLimited()).isPositive();
    assertThat(last.qtExceeds()).isPositive();
    assertThat(last.effectiveQuotaBytes()).isBetween(1L, 128L << 20);
    // the first pageout of a region clears its pages' young bits, set at their first touch and
    // never sampled since (one page per region per sampling): it charges the quota, pages little out
    assertThat(last.szTriedBytes()).isGreaterThanOrEqualTo(128L << 20);
  }
}
