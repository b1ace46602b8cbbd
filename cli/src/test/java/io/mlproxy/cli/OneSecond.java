package io.mlproxy.cli;

import io.mlproxy.scenario.Scenario;

/**
 * The 1-second version of a scenario the campaign runs: its first second (or its first
 * aggregation interval, if longer), one replication, every variant. Nothing else changes, so
 * what the scenario does in that second is what the full run would do.
 */
final class OneSecond {
  private OneSecond() {}

  static Scenario of(Scenario s) {
    return of(s, 1_000_000L);
  }

  /** The first {@code cutUs} of {@code s} (at least one aggregation interval). */
  static Scenario of(Scenario s, long cutUs) {
    long aggregation = s.monitor().aggregationUs();
    long cut = Math.min(s.durationUs(), Math.max(cutUs, aggregation));
    long whole = cut / aggregation * aggregation;
    long step = Math.min(s.outputStepUs(), Math.max(aggregation, whole));
    return new Scenario(s.name(), s.description(), cut, s.seed(), 1, s.variants(), step, s.objective(),
        s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(), s.workload(), s.faults(), s.oracle());
  }
}
