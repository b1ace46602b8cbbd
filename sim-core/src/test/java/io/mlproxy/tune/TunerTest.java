package io.mlproxy.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlproxy.scenario.ProxySpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.ThresholdsSpec;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end tuning on a tiny scenario (20 s, 512 pages): about 0.5 s per evaluation. */
class TunerTest {

  /** Thresholds that keep ML out: no ML share in LEARNING, and no promotion out of it. */
  static final ThresholdsSpec BAD =
      new ThresholdsSpec(0, 500, 1000, 50, 10_000_000, 64, 5_000_000, 950, 10_000_000, 200, 500, 990);

  @TempDir Path tmp;

  static Scenario tiny() {
    try {
      return ScenarioLoader.load(Path.of(TunerTest.class.getResource("/tune/tiny-hotset.yaml").toURI()));
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Scenario withThresholds(Scenario s, ThresholdsSpec t) {
    ProxySpec p = s.proxy();
    return new Scenario(s.name(), s.description(), s.durationUs(), s.seed(), s.replications(), s.variants(),
        s.outputStepUs(), s.objective(), s.memory(), s.monitor(), s.policy(),
        new ProxySpec(p.mode(), t, p.feedbackWindowUs()), s.agent(), s.workload(), s.faults(), s.oracle());
  }

  private TuningResult tune(Scenario s, SearchMethod m, int budget, int jobs, Path out, boolean resume,
      java.util.function.BooleanSupplier stop) {
    return new Tuner(List.of(s), new TuningSettings(m, budget, 2, 5L, 0.01, jobs, out, resume),
        (d, b, e, r, best) -> {}, stop).run();
  }

  @Test
  void cmaesImprovesOnThresholdsThatKeepMlOut() throws Exception {
    Scenario bad = withThresholds(tiny(), BAD);
    Path out = tmp.resolve("cmaes");
    TuningResult r = tune(bad, SearchMethod.CMAES, 14, 2, out, false, () -> false);
    // with EMERGENCY at 500‰ pressure the proxy never leaves the default algorithm: no advantage
    assertThat(r.start().meanAdvantage()).isEqualTo(0.0);
    assertThat(r.best().meanAdvantage()).isGreaterThan(0.005);
    assertThat(r.best().guardOk()).isTrue();
    assertThat(r.evaluations()).isEqualTo(14);
    assertThat(TuningLog.read(out.resolve(Tuner.LOG_FILE))).hasSize(14);
    // the fragment loads back to the best candidate
    ThresholdsSpec loaded = ScenarioLoader.loadThresholdsFragment(out.resolve(Tuner.BEST_FILE));
    assertThat(Candidate.nearest(loaded)).isEqualTo(r.best().candidate());
    assertThat(loaded.minSamples()).isEqualTo(BAD.minSamples());
    // held-out figures exist for both thresholds sets and differ from the tuning seeds' figures
    assertThat(r.heldOutBest()).hasSize(1);
    assertThat(r.heldOutDefault()).hasSize(1);
    assertThat(r.heldOutBest().get(0).score().handcrafted()).isNotEqualTo(r.best().scores().get(0).handcrafted());
    // the gain over the default thresholds, paired over the 2 held-out replications
    HeldOutTable.Row tuned = r.heldOutBest().get(0);
    assertThat(tuned.gain()).isCloseTo(tuned.score().proxy() - r.heldOutDefault().get(0).proxy(),
        org.assertj.core.data.Offset.offset(1e-5));
    assertThat(tuned.gainHalfWidth()).isNotNaN().isGreaterThanOrEqualTo(0);
    List<HeldOutTable.Row> file = HeldOutTable.read(out.resolve(Tuner.HELD_OUT_FILE));
    assertThat(file).hasSize(2);
    assertThat(file.get(0).gain()).isNaN();
    assertThat(file.get(1).gain()).isCloseTo(tuned.gain(), org.assertj.core.data.Offset.offset(1e-6));
  }

  @Test
  void sameSeedSameResultWhateverTheJobs() {
    Scenario s = tiny();
    TuningResult one = tune(s, SearchMethod.RANDOM, 4, 1, tmp.resolve("j1"), false, () -> false);
    TuningResult two = tune(s, SearchMethod.RANDOM, 4, 2, tmp.resolve("j2"), false, () -> false);
    assertThat(two.best()).isEqualTo(one.best());
    assertThat(two.heldOutBest()).isEqualTo(one.heldOutBest());
    assertThat(read(tmp.resolve("j2").resolve(Tuner.LOG_FILE))).isEqualTo(read(tmp.resolve("j1").resolve(Tuner.LOG_FILE)));
  }

  @Test
  void resumeAfterInterruptionReachesTheSameResult() {
    Scenario s = withThresholds(tiny(), BAD);
    TuningResult whole = tune(s, SearchMethod.BOBYQA, 8, 2, tmp.resolve("whole"), false, () -> false);

    Path out = tmp.resolve("parts");
    AtomicInteger evaluations = new AtomicInteger();
    TuningResult cut = new Tuner(List.of(s), new TuningSettings(SearchMethod.BOBYQA, 8, 2, 5L, 0.01, 2, out, false),
        (d, b, e, r, best) -> evaluations.incrementAndGet(), () -> evaluations.get() >= 3).run();
    assertThat(cut.stopped()).isTrue();
    assertThat(cut.evaluations()).isEqualTo(3);
    assertThat(cut.heldOutBest()).isEmpty();
    assertThat(TuningLog.read(out.resolve(Tuner.LOG_FILE))).hasSize(3);

    assertThatThrownBy(() -> tune(s, SearchMethod.BOBYQA, 8, 2, out, false, () -> false))
        .hasMessageContaining("--resume");
    TuningResult resumed = tune(s, SearchMethod.BOBYQA, 8, 1, out, true, () -> false);
    assertThat(resumed.stopped()).isFalse();
    assertThat(resumed.best()).isEqualTo(whole.best());
    assertThat(resumed.heldOutBest()).isEqualTo(whole.heldOutBest());
    assertThat(read(out.resolve(Tuner.LOG_FILE))).isEqualTo(read(tmp.resolve("whole").resolve(Tuner.LOG_FILE)));
  }

  @Test
  void otherSettingsInTheSameFolderAreRefused() {
    Scenario s = tiny();
    Path out = tmp.resolve("x");
    tune(s, SearchMethod.RANDOM, 1, 2, out, false, () -> false);
    assertThatThrownBy(() -> new Tuner(List.of(s),
        new TuningSettings(SearchMethod.CMAES, 1, 3, 5L, 0.01, 2, out, false), (d, b, e, r, best) -> {}, () -> false).run())
        .hasMessageContaining("other settings");
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
