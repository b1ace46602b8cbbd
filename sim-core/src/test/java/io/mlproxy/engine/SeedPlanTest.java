package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SeedPlanTest {

  @Property
  void seedsArePositiveAndFitDsolsThirtyTwoBits(@ForAll long scenarioSeed, @ForAll @IntRange(min = 1, max = 1000) int rep) {
    long r = SeedPlan.replicationSeed(scenarioSeed, rep);
    assertThat(r).isBetween(1L, 0x7FFF_FFFFL);
    assertThat(SeedPlan.streamSeed(r, "workload")).isBetween(1L, 0x7FFF_FFFFL);
  }

  @Test
  void replicationsAndPurposesGetDistinctSeeds() {
    Set<Long> seen = new HashSet<>();
    for (int rep = 1; rep <= 100; rep++) {
      long r = SeedPlan.replicationSeed(42, rep);
      assertThat(seen.add(r)).isTrue();
      assertThat(SeedPlan.streamSeed(r, "workload")).isNotEqualTo(SeedPlan.streamSeed(r, "monitor"));
    }
    assertThat(SeedPlan.replicationSeed(42, 1)).isEqualTo(SeedPlan.replicationSeed(42, 1));
  }
}
