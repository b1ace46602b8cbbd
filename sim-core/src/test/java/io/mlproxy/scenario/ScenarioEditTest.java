package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Setting fields of scenario text as a sweep does, and checking paths and values. */
class ScenarioEditTest {

  private static final Path FILE = Path.of("..", "scenarios", "static-hot-cold.yaml");

  private static String text() throws IOException {
    return Files.readString(FILE);
  }

  @Test
  void replacesAnExistingValueAndAddsAnAbsentOne() throws IOException {
    String edited = ScenarioEdit.apply(text(), Map.of("memory.capacity", "50%", "policy.min_age", "5s",
        "monitor.max_regions", "500", "proxy.thresholds.window", "20s"));
    Scenario s = ScenarioLoader.parse(edited, FILE);
    assertThat(s.memory().capacityPages()).isEqualTo(1024);
    assertThat(s.policy().minAgeUs()).isEqualTo(5_000_000);
    assertThat(s.monitor().maxRegions()).isEqualTo(500);
    assertThat(s.proxy().thresholds().windowUs()).isEqualTo(20_000_000);
    Scenario original = ScenarioLoader.load(FILE);
    assertThat(s.workload()).isEqualTo(original.workload());
    assertThat(s.agent()).isEqualTo(original.agent());
  }

  @Test
  void listItemsAreAddressedByIndexAndPatternParametersByThePatternThere() throws IOException {
    String t = text();
    assertThat(ScenarioEdit.fieldOf(t, "workload.phases[0].mix[1].hot_fraction")).contains("pattern.hotset.hot_fraction");
    assertThat(ScenarioEdit.fieldOf(t, "workload.phases[0].mix[0].looping")).contains("pattern.scan.looping");
    assertThat(ScenarioEdit.fieldOf(t, "workload.phases[0].mix[0].hot_fraction")).isEmpty();
    assertThat(ScenarioEdit.fieldOf(t, "workload.phases[0].at")).contains("workload.phases.at");
    Scenario s = ScenarioLoader.parse(
        ScenarioEdit.apply(t, Map.of("workload.phases[0].mix[1].hot_fraction", "0.5")), FILE);
    assertThat(((PatternSpec.Hotset) s.workload().phases().get(0).mix().get(1).pattern()).hotFraction()).isEqualTo(0.5);
    assertThatThrownBy(() -> ScenarioEdit.apply(t, Map.of("workload.phases[3].at", "1s")))
        .hasMessageContaining("has 1 items");
  }

  @Test
  void defaultsThatFollowAFieldStillFollowIt() throws IOException {
    Scenario s = ScenarioLoader.parse(ScenarioEdit.apply(text(), Map.of("monitor.aggregation", "200ms")), FILE);
    assertThat(s.outputStepUs()).isEqualTo(200_000);
    assertThat(s.policy().applyIntervalUs()).isEqualTo(200_000);
  }

  @Test
  void checksNameTheProblem() throws IOException {
    String t = text();
    assertThat(ScenarioEdit.check(t, "memory.capacity", "50%")).isEmpty();
    assertThat(ScenarioEdit.check(t, "memory.capacity", "4MiB")).isEmpty();
    assertThat(ScenarioEdit.check(t, "memory.capacity", "2000%")).get().asString().contains("out of range");
    assertThat(ScenarioEdit.check(t, "policy.min_age", "50%")).get().asString().contains("expected");
    assertThat(ScenarioEdit.check(t, "proxy.thresholds.learning_share", "10%")).isEmpty();
    assertThat(ScenarioEdit.check(t, "memory.capacty", "50%")).get().asString()
        .contains("unknown field").contains("memory.capacity");
    assertThat(ScenarioEdit.check(t, "seed", "3")).get().asString().contains("cannot be swept");
    assertThat(ScenarioEdit.check(t, "memory", "3")).get().asString().contains("unknown field");
    assertThat(ScenarioEdit.check(t, "Memory..x", "3")).get().asString().contains("not a field path");
  }

  @Test
  void numbersToDrawValuesAt() {
    assertThat(ScenarioEdit.numeric("50%")).contains(new ScenarioEdit.Numeric(50, "%"));
    assertThat(ScenarioEdit.numeric("1.5s")).contains(new ScenarioEdit.Numeric(1.5, "s"));
    assertThat(ScenarioEdit.numeric("250ms")).contains(new ScenarioEdit.Numeric(0.25, "s"));
    assertThat(ScenarioEdit.numeric("4MiB")).contains(new ScenarioEdit.Numeric(4, "MiB"));
    assertThat(ScenarioEdit.numeric("100000/s")).contains(new ScenarioEdit.Numeric(100000, "/s"));
    assertThat(ScenarioEdit.numeric("0.25")).contains(new ScenarioEdit.Numeric(0.25, ""));
    assertThat(ScenarioEdit.numeric("auto")).isEmpty();
    assertThat(ScenarioEdit.numeric("clock")).isEmpty();
  }
}
