package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

  private static ReplicationResult proxyRun(String faults, int seconds) {
    RunPlan plan = ScenarioCompiler.compile(TinyScenario.hotCold(seconds, faults));
    return ExperimentRunner.simulate(plan, 2, (d, t) -> {}).stream()
        .filter(r -> r.outcome().variant() == Variant.PROXY && r.outcome().rep() == 1)
        .findFirst()
        .orElseThrow();
  }

  private static List<EventLog.Entry> transitions(ReplicationResult r) {
    return r.events().stream().filter(e -> e.kind().equals(EventLog.MODE_TRANSITION)).toList();
  }

  @Test
  void aCrashedAgentSendsTheProxyToEmergencyWithinTheStalenessTimeoutAndItRecoversAfterwards() {
    // staleness_timeout 3 s, min_dwell 2 s (TinyScenario); the agent is down from 15 s to 30 s
    ReplicationResult r = proxyRun("faults:\n  - {type: agent_crash, at: 15s, duration: 15s}\n", 45);
    List<EventLog.Entry> t = transitions(r);
    assertThat(r.events()).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(EventLog.FAULT_INJECTED);
      assertThat(e.timeUs()).isEqualTo(15_000_000L);
    });
    EventLog.Entry emergency =
        t.stream().filter(e -> e.timeUs() > 15_000_000L && e.to().equals("EMERGENCY")).findFirst().orElseThrow();
    // the last dataset before the crash was prepared at most one agent period (1 s) earlier, so its
    // hints go stale at most 3 s after the crash; the controller acts at the next aggregation
    assertThat(emergency.timeUs()).isLessThanOrEqualTo(15_000_000L + 3_000_000L + 100_000L);
    assertThat(emergency.reason()).containsIgnoringCase("stale");
    // back to LEARNING only after the agent is back (30 s) and the cause cleared for the dwell
    EventLog.Entry learning =
        t.stream().filter(e -> e.timeUs() > emergency.timeUs() && e.to().equals("LEARNING")).findFirst().orElseThrow();
    assertThat(learning.timeUs()).isGreaterThanOrEqualTo(30_000_000L + 2_000_000L);
    assertThat(learning.timeUs()).isLessThan(40_000_000L);
  }

  @Test
  void staleRecommendationsAreRejectedAndCounted() {
    ReplicationResult r = proxyRun("faults:\n  - {type: stale_recommendations, at: 12s, duration: 10s}\n", 30);
    assertThat(r.proxyCounters().get("messages_rejected")).isGreaterThanOrEqualTo(5);
    assertThat(r.events())
        .filteredOn(e -> e.kind().equals(EventLog.RECOMMENDATION_REJECTED))
        .allSatisfy(e -> assertThat(e.reason()).containsIgnoringCase("stale"));
  }

  @Test
  void memoryPressureEvictsByDirectReclaimAndTheRunGoesOn() {
    // capacity drops from 640 to 100 pages for 5 s: less than the 128-page hot set
    ReplicationResult r = proxyRun("faults:\n  - {type: memory_pressure, at: 10s, duration: 5s, capacity: 400KiB}\n", 20);
    long during = r.rows().stream()
        .filter(row -> row.timeUs() > 10_000_000L && row.timeUs() < 15_000_000L)
        .mapToLong(TimeseriesRow::residentPages).max().orElseThrow();
    assertThat(during).isLessThanOrEqualTo(100);
    assertThat(r.rows().stream().mapToLong(TimeseriesRow::directReclaims).sum()).isPositive();
    assertThat(r.rows().get(r.rows().size() - 1).timeUs()).isEqualTo(20_000_000L);
  }

  @Test
  void aSlowAgentDeliversLessOftenButTheRunCompletes() {
    ReplicationResult fast = proxyRun("", 30);
    // ten times slower for 20 s: a cycle every 10 s instead of every second
    ReplicationResult slow = proxyRun("faults:\n  - {type: agent_slow, at: 5s, duration: 20s, factor: 10}\n", 30);
    assertThat(slow.proxyCounters().get("messages_written"))
        .isLessThanOrEqualTo(fast.proxyCounters().get("messages_written") - 15);
    assertThat(slow.rows()).hasSameSizeAs(fast.rows());
  }

  @Test
  void aWorkloadShiftIsLoggedAsAPhaseChangeAtItsTime() {
    String shift =
        "    - at: 20s\n      mix: [{pattern: hotset, hot_fraction: 0.25, hot_share: 1.0, position: 0.5}]\n"
            + "faults:\n  - {type: workload_shift, at: 10s, to_phase: 1}\n";
    ReplicationResult r = proxyRun(shift, 25);
    assertThat(r.events())
        .filteredOn(e -> e.kind().equals(EventLog.PHASE_CHANGE))
        .extracting(EventLog.Entry::timeUs, EventLog.Entry::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(10_000_000L, "phase 1"),
            org.assertj.core.groups.Tuple.tuple(20_000_000L, "phase 2"));
  }
}
