package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerdictTest {

  @TempDir Path root;

  private ScenarioResults results(double[] handcrafted, double[] proxy, double[] mlOnly) {
    ResultsFixture f = new ResultsFixture();
    f.reps = handcrafted.length;
    f.steps = 50;
    f.heatmap = false;
    f.scoreOverride.put(Variants.HANDCRAFTED, handcrafted);
    f.scoreOverride.put(Variants.PROXY, proxy);
    f.scoreOverride.put(Variants.ML_ONLY, mlOnly);
    return ScenarioResults.load(f.write(root));
  }

  @Test
  void pairedTestMatchesAHandComputation() {
    // differences 0.01, 0.02, 0.03: mean 0.02, sd 0.01, t = 0.02 / (0.01/sqrt 3) = 2 sqrt 3.
    // With 2 degrees of freedom the t CDF is 1/2 + t / (2 sqrt(2 + t^2)), so the two-sided
    // p = 1 - t / sqrt(2 + t^2) = 1 - 2 sqrt 3 / sqrt 14 = 0.074180.
    // 95% half-width: t_{0.975,2} = 4.302653 times 0.01 / sqrt 3 = 0.024841.
    ScenarioResults r = results(new double[] {0.10, 0.20, 0.30}, new double[] {0.11, 0.22, 0.33},
        new double[] {0.10, 0.20, 0.30});
    PairedComparison c = PairedComparison.of(r, Variants.PROXY, Variants.HANDCRAFTED).orElseThrow();
    assertThat(c.n()).isEqualTo(3);
    assertThat(c.meanDifference()).isCloseTo(0.02, within(1e-12));
    assertThat(c.pValue()).isCloseTo(1 - 2 * Math.sqrt(3) / Math.sqrt(14), within(1e-9));
    assertThat(c.halfWidth()).isCloseTo(4.302653 * 0.01 / Math.sqrt(3), within(1e-6));
    assertThat(c.significant()).isFalse();
    String s = Verdict.sentence(r, Variants.PROXY);
    assertThat(s).startsWith("The adaptive proxy is not significantly different from handcrafted")
        .contains("+0.02 ± 0.0248", "p = 0.074", "3 common-random-number replications", "gap");
  }

  @Test
  void significantImprovementAndGapClosed() {
    // differences 0.10, 0.11, 0.12: t = 0.11 / (0.01/sqrt 3) = 19.05, p = 1 - t/sqrt(2+t^2)
    ScenarioResults r = results(new double[] {0.10, 0.20, 0.30}, new double[] {0.20, 0.31, 0.42},
        new double[] {0.05, 0.16, 0.27});
    double t = 0.11 / (0.01 / Math.sqrt(3));
    PairedComparison c = PairedComparison.of(r, Variants.PROXY, Variants.HANDCRAFTED).orElseThrow();
    assertThat(c.pValue()).isCloseTo(1 - t / Math.sqrt(2 + t * t), within(1e-9));
    double gap = r.variant(Variants.PROXY).orElseThrow().get(SummaryMetric.GAP_CLOSED);
    List<String> s = Verdict.sentences(r);
    assertThat(s.get(0)).startsWith("The adaptive proxy is better than handcrafted on score")
        .endsWith(gap > 1 ? "scored above the oracle (by " + Fmt.percent(gap - 1) + " of the handcrafted→oracle gap)."
            : "closed " + Fmt.percent(gap) + " of the handcrafted→oracle gap.");
    // ml-only: differences -0.05, -0.04, -0.03, t = -0.04 / (0.01/sqrt 3) = -6.93, p = 0.020
    double mlGap = r.variant(Variants.ML_ONLY).orElseThrow().get(SummaryMetric.GAP_CLOSED);
    assertThat(mlGap).isNegative();
    // a negative share of the gap is said as how far below handcrafted, not as "closed −x %"
    assertThat(s.get(1)).startsWith("ML-only is worse than handcrafted")
        .endsWith("closed none of the handcrafted→oracle gap: it scored below handcrafted by "
            + Fmt.num(-mlGap) + " times that gap (" + Fmt.num(
                r.variant(Variants.ORACLE).orElseThrow().get(SummaryMetric.SCORE_MEAN)
                    - r.variant(Variants.HANDCRAFTED).orElseThrow().get(SummaryMetric.SCORE_MEAN)) + ").")
        .doesNotContain("−", "closed -");
  }

  @Test
  void identicalScoresAndSingleReplication() {
    ScenarioResults same = results(new double[] {0.1, 0.2}, new double[] {0.1, 0.2},
        new double[] {0.1, 0.2});
    assertThat(Verdict.sentence(same, Variants.PROXY))
        .startsWith("The adaptive proxy scores exactly the same as handcrafted in all 2");
  }

  @Test
  void singleReplicationAllowsNoTest() throws Exception {
    ResultsFixture f = new ResultsFixture();
    f.reps = 1;
    f.steps = 30;
    f.heatmap = false;
    ScenarioResults r = ScenarioResults.load(f.write(root));
    assertThat(Verdict.sentence(r, Variants.PROXY))
        .contains("in its single replication; with one replication no test is possible");
  }

  @Test
  void missingVariants() {
    ResultsFixture f = new ResultsFixture();
    f.variants = List.of(Variants.NONE, Variants.HANDCRAFTED, Variants.PROXY);
    f.steps = 30;
    f.heatmap = false;
    ScenarioResults r = ScenarioResults.load(f.write(root));
    assertThat(Verdict.sentence(r, Variants.ML_ONLY)).isEqualTo("ML-only was not run in this scenario.");
    assertThat(Verdict.sentence(r, Variants.PROXY)).contains("gap is undefined");
  }
}
