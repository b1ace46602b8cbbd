package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped scenario runs end to end (shortened), and at full length, over its own
 * replications, does what its description promises. Score comparisons use the paired interval of
 * the per-replication differences (the replications share their random numbers).
 */
class ShippedScenariosTest {

  /** Margin by which the adaptive proxy may trail handcrafted (means over replications). */
  static final double NO_WORSE = 0.01;

  static Stream<Path> shipped() throws IOException {
    return Files.list(ShippedRun.SCENARIOS).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  private static Scenario shortened(Scenario s, long durationUs) {
    return new Scenario(s.name(), s.description(), durationUs, s.seed(), 1, s.variants(), s.outputStepUs(),
        s.objective(), s.memory(), s.monitor(), s.policy(), s.proxy(), s.agent(), s.workload(),
        s.faults().stream().filter(f -> f.atUs() < durationUs).toList(), s.oracle());
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void runsEndToEndShortened(Path file, @TempDir Path out) {
    Scenario s = shortened(ScenarioLoader.load(file), 15_000_000L);
    ExperimentRunner.Outcome o = ExperimentRunner.run(s, "shortened", out, TinyScenario.options(2));
    assertThat(o.summary()).extracting(SummaryRow::variant).containsExactlyElementsOf(s.variants());
    assertThat(o.folder().resolve("summary.csv")).isRegularFile();
    assertThat(o.folder().resolve("proxy").resolve("rep-1").resolve("timeseries.csv")).isRegularFile();
    for (SummaryRow r : o.summary()) {
      assertThat(r.saving().mean()).isBetween(0.0, 1.0);
      assertThat(r.slowdown().mean()).isGreaterThanOrEqualTo(-1e-9);
    }
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void theAdaptiveProxyScoresAtLeastHandcraftedMinusOneHundredth(Path file) {
    ShippedRun run = ShippedRun.of(name(file));
    ConfidenceInterval d = run.paired(Variant.PROXY, Variant.HANDCRAFTED);
    assertThat(d.mean()).as("%s: proxy − handcrafted %s", run.scenario.name(), d).isGreaterThanOrEqualTo(-NO_WORSE);
  }

  private static String name(Path file) {
    String f = file.getFileName().toString();
    return f.substring(0, f.length() - ".yaml".length());
  }

  // ---- where ML is much better: the proxy earns RECOMMENDATION and most of ML's gain

  @ParameterizedTest
  @ValueSource(strings = {"static-hot-cold", "shifting-hotset", "agent-faults"})
  void whereMlWinsTheProxyReachesRecommendationStaysUpAndClosesNinetyPercentOfTheGap(String name) {
    ShippedRun run = ShippedRun.of(name);
    LongPredicate judged = name.equals("agent-faults") ? run.outsideFaults() : t -> true;
    ConfidenceInterval mlGain = run.paired(Variant.ML_ONLY, Variant.HANDCRAFTED, judged);
    assertThat(mlGain.mean()).as("%s: ml-only − handcrafted %s", name, mlGain).isGreaterThanOrEqualTo(0.1);
    ConfidenceInterval proxyGain = run.paired(Variant.PROXY, Variant.HANDCRAFTED, judged);
    assertThat(proxyGain.lower()).as("%s: proxy − handcrafted %s", name, proxyGain).isPositive();
    assertThat(run.gapShare(judged)).as("%s: share of ml-only's gap", name).isGreaterThanOrEqualTo(0.9);
    double upShare = 0;
    for (int rep = 1; rep <= run.replications(); rep++) {
      int r = rep;
      assertThat(run.transitions(rep)).as("%s rep %d reaches RECOMMENDATION", name, rep)
          .anySatisfy(e -> assertThat(e.to()).isEqualTo("RECOMMENDATION"));
      upShare += run.sharedOrRecommendedAfterFirstPromotion(r) / run.replications();
    }
    assertThat(upShare).as("%s: time in COLLABORATION or RECOMMENDATION after the first promotion", name)
        .isGreaterThanOrEqualTo(0.5);
  }

  // ---- where ML loses: bounded exposure in LEARNING, EMERGENCY for an unreliable model

  @ParameterizedTest
  @ValueSource(strings = {"scan-storms", "adversarial-flip"})
  void whereMlLosesLearningExposesATenthAndAClearlyWorseModelGoesToEmergency(String name) {
    ShippedRun run = ShippedRun.of(name);
    ConfidenceInterval mlLoss = run.paired(Variant.ML_ONLY, Variant.HANDCRAFTED);
    assertThat(mlLoss.upper()).as("%s: ml-only − handcrafted %s", name, mlLoss).isNegative();
    double share = run.plan.thresholds().learningSharePermille() / 1000.0;
    for (int rep = 1; rep <= run.replications(); rep++) {
      assertThat(run.learningExposure(rep)).as("%s rep %d: ML's pageouts in LEARNING / ml-only's", name, rep)
          .isLessThanOrEqualTo(1.5 * share);
      assertThat(run.modelUnreliable(rep)).as("%s rep %d: EMERGENCY, model_unreliable", name, rep).isNotEmpty();
    }
  }

  @Test
  void scanStormsSendTheModelToEmergencyAtEachStormAndBringItBackBetweenThem() {
    ShippedRun run = ShippedRun.of("scan-storms");
    assertThat(run.paired(Variant.PROXY, Variant.HANDCRAFTED).lower()).isPositive();
    assertThat(run.paired(Variant.PROXY, Variant.ML_ONLY).lower()).isPositive();
    for (int rep = 1; rep <= run.replications(); rep++) {
      List<EventLog.Entry> unreliable = run.modelUnreliable(rep);
      // storms start at 35, 75, 115 and 155 s; each is seen within a second
      assertThat(unreliable).extracting(e -> e.timeUs() / 1_000_000L).containsExactly(35L, 75L, 115L, 155L);
      for (EventLog.Entry e : unreliable) {
        assertThat(run.transitions(rep)).as("rep %d: back from the EMERGENCY at %d us", rep, e.timeUs())
            .anySatisfy(t -> {
              assertThat(t.timeUs()).isGreaterThan(e.timeUs());
              assertThat(t.from()).isEqualTo("EMERGENCY");
              assertThat(t.reason()).startsWith("recovered");
            });
      }
    }
  }

  @Test
  void adversarialFlipIsPromotedWhileRightThenSentToEmergencyAtTheFirstSwapAndKeptThere() {
    ShippedRun run = ShippedRun.of("adversarial-flip");
    assertThat(run.paired(Variant.PROXY, Variant.ML_ONLY).lower()).isPositive();
    for (int rep = 1; rep <= run.replications(); rep++) {
      long promoted = run.firstPromotionUs(rep);
      assertThat(promoted).isBetween(0L, 60_000_000L);
      List<EventLog.Entry> unreliable = run.modelUnreliable(rep);
      assertThat(unreliable).hasSize(1);
      assertThat(unreliable.get(0).timeUs()).isBetween(60_000_000L, 62_000_000L);
      // the halves keep swapping: the shadow evidence never clears
      assertThat(run.transitions(rep)).filteredOn(t -> t.timeUs() > unreliable.get(0).timeUs()).isEmpty();
    }
  }

  // ---- the whole ladder

  @Test
  void modelMaturesIsKeptOutWhileWrongThenClimbsToRecommendation() {
    ShippedRun run = ShippedRun.of("model-matures");
    assertThat(run.paired(Variant.PROXY, Variant.HANDCRAFTED).lower()).isPositive();
    assertThat(run.paired(Variant.PROXY, Variant.ML_ONLY).lower()).isPositive();
    for (int rep = 1; rep <= run.replications(); rep++) {
      List<EventLog.Entry> unreliable = run.modelUnreliable(rep);
      assertThat(unreliable).as("rep %d", rep).isNotEmpty();
      long firstPromotion = run.firstPromotionUs(rep);
      // never promoted while wrong (the halves swap until 90 s), promoted once right
      assertThat(firstPromotion).as("rep %d", rep).isGreaterThan(90_000_000L);
      assertThat(unreliable.get(0).timeUs()).isBetween(30_000_000L, 90_000_000L);
      assertThat(run.transitions(rep)).as("rep %d", rep)
          .anySatisfy(e -> assertThat(e.to()).isEqualTo("RECOMMENDATION"));
      assertThat(run.sharedOrRecommendedAfterFirstPromotion(rep)).isGreaterThanOrEqualTo(0.9);
    }
  }

  @Test
  void modelDegradesIsDemotedToEmergencyWhileBadAndClimbsBackAfterwards() {
    ShippedRun run = ShippedRun.of("model-degrades");
    assertThat(run.paired(Variant.PROXY, Variant.HANDCRAFTED).lower()).isPositive();
    for (int rep = 1; rep <= run.replications(); rep++) {
      List<EventLog.Entry> t = run.transitions(rep);
      assertThat(t).as("rep %d: RECOMMENDATION while the model is right", rep)
          .anySatisfy(e -> {
            assertThat(e.to()).isEqualTo("RECOMMENDATION");
            assertThat(e.timeUs()).isLessThan(90_000_000L);
          });
      assertThat(run.modelUnreliable(rep)).as("rep %d: EMERGENCY while it is wrong (90-150 s)", rep)
          .isNotEmpty()
          .allSatisfy(e -> assertThat(e.timeUs()).isBetween(90_000_000L, 150_000_000L));
      long down = run.modelUnreliable(rep).get(0).timeUs();
      assertThat(t).as("rep %d: RECOMMENDATION again once it is right", rep)
          .anySatisfy(e -> {
            assertThat(e.to()).isEqualTo("RECOMMENDATION");
            assertThat(e.timeUs()).isGreaterThan(Math.max(down, 150_000_000L));
          });
    }
  }

  // ---- the rest

  @Test
  void agentFaultsSendTheProxyToEmergencyAndRejectCorruptAndStaleMessages() {
    ShippedRun run = ShippedRun.of("agent-faults");
    for (int rep = 1; rep <= run.replications(); rep++) {
      List<EventLog.Entry> t = run.transitions(rep);
      // the crash at 50 s: stale within the 10 s staleness timeout and a second of aggregation
      assertThat(t).anySatisfy(e -> {
        assertThat(e.to()).isEqualTo("EMERGENCY");
        assertThat(e.reason()).startsWith("emergency_stale");
        assertThat(e.timeUs()).isBetween(50_000_000L, 61_000_000L);
      });
      assertThat(run.rejected(rep, "BAD_CRC")).as("rep %d corrupt", rep).isEqualTo(5);
      assertThat(run.rejected(rep, "STALE")).as("rep %d stale", rep).isGreaterThanOrEqualTo(10);
      assertThat(run.result(Variant.PROXY, rep).outcome().modeTimeUs().emergency()).isPositive();
    }
  }

  @Test
  void driftingZipfTunerStaysWithinAHundredthOfHandcraftedFarFromTheOracle() {
    ShippedRun run = ShippedRun.of("drifting-zipf");
    assertThat(run.paired(Variant.PROXY, Variant.HANDCRAFTED).mean()).isGreaterThanOrEqualTo(-NO_WORSE);
    assertThat(run.paired(Variant.ORACLE, Variant.PROXY).lower()).isGreaterThan(0.3);
    // the tuner's advice is judged: it is decided by ML somewhere
    for (int rep = 1; rep <= run.replications(); rep++) {
      assertThat(run.result(Variant.PROXY, rep).proxyCounters().get("decisions_ml")).isPositive();
    }
  }

  @Test
  void traceReplayDoesNoHarmAndIsNotPromotedWithoutEvidence() {
    ShippedRun run = ShippedRun.of("trace-replay");
    ConfidenceInterval d = run.paired(Variant.PROXY, Variant.HANDCRAFTED);
    assertThat(d.mean()).as("proxy − handcrafted %s", d).isBetween(-NO_WORSE, NO_WORSE);
    for (int rep = 1; rep <= run.replications(); rep++) {
      assertThat(run.transitions(rep)).as("rep %d", rep)
          .allSatisfy(e -> assertThat(e.to()).isIn("LEARNING", "EMERGENCY"));
    }
  }

  @Test
  void windowedScoresOverTheWholeRunAreTheSummaryScores() {
    ShippedRun run = ShippedRun.of("static-hot-cold");
    SummaryCalculator calc = new SummaryCalculator(run.scenario.name(), run.scenario.objective().lambda());
    List<ReplicationScore> scores = calc.score(run.results.stream().map(ReplicationResult::outcome).toList());
    double[] windowed = run.scores(Variant.PROXY);
    for (ReplicationScore s : scores) {
      if (s.outcome().variant() == Variant.PROXY) {
        assertThat(windowed[s.outcome().rep() - 1]).isCloseTo(s.score(), org.assertj.core.data.Offset.offset(2e-3));
      }
    }
  }
}
