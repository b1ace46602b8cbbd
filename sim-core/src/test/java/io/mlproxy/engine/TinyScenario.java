package io.mlproxy.engine;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import java.nio.file.Path;

/** Small scenarios for engine tests: half a second of work each, every feature reachable. */
final class TinyScenario {

  private TinyScenario() {}

  /** A 2 MiB hot/cold scenario of {@code seconds} with extra YAML appended at the top level. */
  static Scenario hotCold(int seconds, String extra) {
    return withAgent(seconds, "  horizon: 8s\n", extra);
  }

  /**
   * The same scenario with {@code agent} as the body of its agent section (indented by two spaces);
   * relative paths resolve against the working directory (the module folder).
   */
  static Scenario withAgent(int seconds, String agent, String extra) {
    return withAgent(seconds, agent, extra, "adaptive");
  }

  /** As {@link #withAgent(int, String, String)} with the proxy's {@code mode} (adaptive or a forced one). */
  static Scenario withAgent(int seconds, String agent, String extra, String proxyMode) {
    String text =
        """
        name: tiny
        description: engine test
        duration: %ds
        seed: 5
        replications: 2
        memory:
          pages: 512
          capacity: 125%%
        policy:
          min_age: 5s
          wmarks_high: 1000
          wmarks_mid: 1000
          wmarks_low: 0
        proxy:
          mode: %s
          feedback_window: 10s
          thresholds:
            staleness_timeout: 3s
            min_dwell: 2s
            window: 5s
            min_samples: 8
        agent:
        %sworkload:
          rate: 50000/s
          phases:
            - at: 0s
              mix:
                - {pattern: scan, looping: false, weight: 0.05}
                - {pattern: hotset, hot_fraction: 0.25, hot_share: 1.0, weight: 0.9499}
                - {pattern: uniform, start: 0.25, length: 0.75, weight: 0.0001}
        """
            .formatted(seconds, proxyMode, agent)
            + extra;
    return ScenarioLoader.parse(text, Path.of("tiny.yaml"));
  }

  static ExperimentRunner.Options options(int jobs) {
    return new ExperimentRunner.Options(null, null, null, jobs, "test", (d, t) -> {});
  }
}
