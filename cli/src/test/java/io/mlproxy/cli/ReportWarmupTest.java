package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWarmupTest {

  @Test
  void earlyWarmUpDrawsAChartWithoutAScenario() throws InterruptedException {
    Thread t = ReportWarmup.startEarly();
    t.join(60_000);
    assertThat(t.isAlive()).isFalse();
    ReportWarmup.early(); // throws if any part of it fails
  }

  @Test
  void theWarmUpScenarioRunsTheRunsVariantsOrAllOfThem() {
    assertThat(ReportWarmup.withVariants(List.of(Variant.ORACLE, Variant.NONE)))
        .endsWith("variants: [none, oracle]\n");
    assertThat(ReportWarmup.withVariants(List.of()))
        .endsWith("variants: [none, handcrafted, proxy, ml-only, oracle]\n");
  }

  @Test
  void theWarmUpRunLeavesNoFolderBehind(@TempDir Path parent) throws IOException {
    ReportWarmup.run(ReportWarmup.withVariants(EnumSet.of(Variant.NONE, Variant.PROXY)), parent);
    try (Stream<Path> s = Files.list(parent)) {
      assertThat(s.toList()).isEmpty();
    }
  }

  @Test
  void onlyRunsLongEnoughToHideItStartTheWarmUpScenario() {
    // the run checks' estimate: 10 M touches/s x 2 s of a trace replay, one variant
    assertThat(ReportWarmup.worthIt(20_000_000L)).isFalse();
    // scan-storms: 100,000 touches/s x 180 s x 5 variants x 3 replications
    assertThat(ReportWarmup.worthIt(270_000_000L)).isTrue();
    assertThat(ReportWarmup.worthIt(ReportWarmup.WORTH_TOUCHES)).isTrue();
    assertThat(ReportWarmup.worthIt(ReportWarmup.WORTH_TOUCHES - 1)).isFalse();
  }
}
