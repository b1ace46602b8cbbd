package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class ThresholdsFragmentTest {

  @Test
  void defaultsAreWrittenInReadableUnits() {
    String yaml = ThresholdsFragment.toYaml(ThresholdsSpec.defaults());
    assertThat(yaml).startsWith("thresholds:\n  learning_share: 100\n")
        .contains("  window: 10s\n", "  min_dwell: 2s\n", "  min_samples: 64\n", "  confidence: 990\n");
  }

  /** The shipped example; EvidenceFalsePromotionTest measures these very values against a null model. */
  @Test
  void theShippedTunedFragmentLoadsWithTheSafetyThresholdsAtTheirDefaults() {
    ThresholdsSpec t = ScenarioLoader.loadThresholdsFragment(Path.of("..", "scenarios", "thresholds", "tuned.yaml"));
    ThresholdsSpec d = ThresholdsSpec.defaults();
    assertThat(t).isEqualTo(new ThresholdsSpec(290, 535, 0, 295, 1_000_000, 64, 0, d.emergencyPressurePermille(),
        d.stalenessTimeoutUs(), d.maxRejectRatePermille(), d.minConfidencePermille(), 995));
  }

  @Property(tries = 300)
  void writtenFragmentsLoadBackEqual(@ForAll("thresholds") ThresholdsSpec t) {
    String yaml = ThresholdsFragment.toYaml(t);
    assertThat(ScenarioLoader.parseThresholdsFragment(yaml, Path.of("t.yaml"))).isEqualTo(t);
  }

  @Provide
  Arbitrary<ThresholdsSpec> thresholds() {
    Arbitrary<Integer> pm = Arbitraries.integers().between(0, 1000);
    Arbitrary<Long> ms = Arbitraries.longs().between(1, 10_000_000).map(v -> v * 1000);
    Arbitrary<int[]> permilles = pm.array(int[].class).ofSize(8);
    return Combinators.combine(permilles, ms, Arbitraries.integers().between(1, 1_000_000),
            ms.map(v -> v - 1000), ms)
        .as((p, window, samples, dwell, staleness) -> new ThresholdsSpec(
            Math.min(p[0], p[1]), Math.max(p[0], p[1]), p[2], p[3], window, samples, dwell, p[4],
            staleness, p[5], p[6], 500 + p[7] % 500));
  }
}
