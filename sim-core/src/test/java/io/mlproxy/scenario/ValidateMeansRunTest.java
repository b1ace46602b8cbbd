package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's "validate accepts, run fails" reproducers that the loader itself now refuses: each
 * was accepted and then failed in the run (or ran with a silently changed value); each is now one
 * error {@code file:line:column: field: message} naming the bound. The reproducers that need the
 * engine's arithmetic or the trace are in {@code io.mlproxy.engine.RunChecksTest}.
 */
class ValidateMeansRunTest {

  /** MINIMAL with the memory section's {@code pages: 1024} line replaced by {@code memory}. */
  private static String memory(String memory) {
    return ScenarioLoaderTest.MINIMAL.replace("pages: 1024", memory);
  }

  private static String plus(String extra) {
    return ScenarioLoaderTest.MINIMAL + extra;
  }

  private static String pattern(String entry) {
    return ScenarioLoaderTest.MINIMAL.replace("pattern: uniform", entry.replace("\n", "\n          "));
  }

  static Stream<Arguments> reproducers() {
    String max = "9223372036854775807ns";
    return Stream.of(
        // int overflow: capacityPages -1610612738
        Arguments.of(memory("pages: 2147483647\n  capacity: 125%"), "memory.pages", "between 3 and 16777216"),
        Arguments.of(memory("size: 8TiB"), "memory.size", "expected at most 16777216 pages"),
        // 13 int arrays of max_regions + 8 entries per run (2^31 - 1 overflowed to a tiny capacity)
        Arguments.of(plus("monitor:\n  max_regions: 2147483647\n"), "monitor.max_regions", "between 3 and 1000000"),
        // costs in ns that went negative once divided into us, or overflowed the sums
        Arguments.of(memory("pages: 1024\n  fault_cost: " + max), "memory.fault_cost", "from 0s to 1s"),
        Arguments.of(memory("pages: 1024\n  hit_cost: " + max), "memory.hit_cost", "from 1ns to 1ms"),
        Arguments.of(memory("pages: 1024\n  pageout_cost_per_page: " + max), "memory.pageout_cost_per_page", "to 1s"),
        Arguments.of(memory("pages: 1024\n  direct_reclaim_stall_per_page: " + max),
            "memory.direct_reclaim_stall_per_page", "to 1s"),
        Arguments.of(plus("agent:\n  read_cost_per_kib: " + max + "\n"), "agent.read_cost_per_kib", "to 1s"),
        Arguments.of(plus("agent:\n  train_cost_per_sample: " + max + "\n"), "agent.train_cost_per_sample", "to 1s"),
        // B divides by the hit cost
        Arguments.of(memory("pages: 1024\n  hit_cost: 0ns"), "memory.hit_cost", "from 1ns to 1ms"),
        // charged in whole microseconds: 1500ns silently became 2us
        Arguments.of(memory("pages: 1024\n  fault_cost: 1500ns"), "memory.fault_cost", "whole number of microseconds"),
        // rounded to 0 ms (after 9 s of simulation)
        Arguments.of(plus("policy:\n  quota_reset_interval: 5us\n"), "policy.quota_reset_interval", "from 1ms"),
        Arguments.of(plus("agent:\n  horizon: 5us\n"), "agent.horizon", "from 1ms"),
        // 5us of time quota silently became no quota at all
        Arguments.of(plus("policy:\n  quota_time: 5us\n"), "policy.quota_time", "whole number of milliseconds"),
        // undocumented bounds of the mode controller
        Arguments.of(plus("proxy:\n  thresholds:\n    min_samples: 2147483647\n"), "proxy.thresholds.min_samples",
            "between 1 and 1000000000"),
        Arguments.of(plus("proxy:\n  thresholds:\n    window: 100000h\n"), "proxy.thresholds.window", "to 24h"),
        Arguments.of(plus("proxy:\n  thresholds:\n    staleness_timeout: 25h\n"), "proxy.thresholds.staleness_timeout",
            "to 24h"),
        Arguments.of(plus("proxy:\n  thresholds:\n    min_dwell: 25h\n"), "proxy.thresholds.min_dwell", "to 24h"),
        Arguments.of(plus("proxy:\n  feedback_window: 25h\n"), "proxy.feedback_window", "to 24h"),
        // a start of 1 with a subnormal length passed start + length <= 1, then failed in SubRange
        Arguments.of(pattern("pattern: scan\nstart: 1\nlength: 4.9e-324"), "workload.phases[0].mix[0].start",
            "< 1"),
        Arguments.of(pattern("pattern: uniform\nstart: 0.5\nlength: 4.9e-324"), "workload.phases[0].mix[0].length",
            "too small to compute with"),
        // failed only when writing results (file name too long)
        Arguments.of(ScenarioLoaderTest.MINIMAL.replace("name: minimal", "name: " + "a".repeat(300)), "name",
            "at most 100 characters"),
        // a lone surrogate failed when writing run.properties and left .NAME.writing behind
        Arguments.of(plus("description: \"\\uD800\"\n"), "description", "\\uD800 at character 1"),
        Arguments.of(plus("description: \"\\e]0;pwned\\a\"\n"), "description", "\\e at character 1"),
        // weights overflowed the int score: ArrayIndexOutOfBoundsException in the scheme
        Arguments.of(plus("policy:\n  weight_age: 2147483647\n"), "policy.weight_age", "between 0 and 1000"),
        // ran for hours
        Arguments.of(ScenarioLoaderTest.MINIMAL.replace("duration: 1m", "duration: 2562047h"), "duration",
            "to 576h"),
        // max nr_accesses overflowed DAMON's int scores
        Arguments.of(plus("monitor:\n  sampling: 1us\n  aggregation: 2s\n"), "monitor.aggregation",
            "expected at most 1000000"),
        // an apply interval beyond the run overflowed the int count of aggregations
        Arguments.of(plus("policy:\n  apply_interval: 9223372036800000us\n"), "policy.apply_interval", "to 576h"),
        Arguments.of(plus("policy:\n  apply_interval: 2m\n"), "policy.apply_interval", "longer than the scenario"),
        // fault end time at + duration overflowed the event time
        Arguments.of(plus("faults:\n  - {type: agent_crash, at: 1s, duration: 9223372036854775us}\n"),
            "faults[0].duration", "to 576h"),
        Arguments.of(plus("faults:\n  - {type: agent_slow, at: 1s, duration: 1s, factor: 1e308}\n"),
            "faults[0].factor", "≤ 1000"),
        Arguments.of(plus("agent:\n  learning_rate: 1e308\n"), "agent.learning_rate", "≤ 100"),
        Arguments.of(plus("objective:\n  lambda: 1e308\n"), "objective.lambda", "≤ 1000000"),
        Arguments.of(pattern("pattern: uniform\nweight: 1e308"), "workload.phases[0].mix[0].weight", "≤ 1000000"),
        Arguments.of(pattern("pattern: hotset\ndrift: 1e308/s"), "workload.phases[0].mix[0].drift", "1000000000/s"));
  }

  @ParameterizedTest
  @MethodSource("reproducers")
  void isOneErrorWithFileLineColumnAndField(String yaml, String field, String says) {
    List<ScenarioError> errors = ScenarioLoaderTest.errors(yaml);
    assertThat(errors).as(errors.toString()).isNotEmpty()
        .allSatisfy(err -> assertThat(err.toString()).matches("test\\.yaml:\\d+:\\d+: [a-z_.\\[\\]0-9]+: .+"));
    ScenarioError e = errors.get(0);
    assertThat(e.field()).isEqualTo(field);
    assertThat(e.message()).contains(says);
    assertThat(e.toString()).matches("test\\.yaml:\\d+:\\d+: " + java.util.regex.Pattern.quote(field) + ": .+");
    assertThat(e.line()).isPositive();
  }
}
