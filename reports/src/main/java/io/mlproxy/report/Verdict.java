package io.mlproxy.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sentence per comparison, from the numbers: does a variant beat handcrafted on score
 * (paired t-test over the common-random-number replications), and how much of the
 * handcrafted→oracle gap did it close.
 */
public final class Verdict {

  private Verdict() {}

  /** The sentences for the adaptive proxy and for ML-only, in that order. */
  public static List<String> sentences(ScenarioResults r) {
    List<String> out = new ArrayList<>();
    out.add(sentence(r, Variants.PROXY));
    out.add(sentence(r, Variants.ML_ONLY));
    return out;
  }

  /**
   * What the variant did to the handcrafted→oracle gap, in words: closed a share of it, went past
   * the oracle, or fell below handcrafted (then the gap closed is negative: say by how many gaps).
   */
  static String gapClause(double gap, ScenarioResults r) {
    if (Double.isNaN(gap)) {
      return "; the handcrafted→oracle gap is undefined (no oracle, or oracle does not beat handcrafted).";
    }
    if (gap > 1) {
      return " and scored above the oracle (by " + Fmt.percent(gap - 1) + " of the handcrafted→oracle gap).";
    }
    if (gap >= 0) {
      return " and closed " + Fmt.percent(gap) + " of the handcrafted→oracle gap.";
    }
    double width = r.variant(Variants.ORACLE).map(o -> o.get(SummaryMetric.SCORE_MEAN)).orElse(Double.NaN)
        - r.variant(Variants.HANDCRAFTED).map(o -> o.get(SummaryMetric.SCORE_MEAN)).orElse(Double.NaN);
    return " and closed none of the handcrafted→oracle gap: it scored below handcrafted by "
        + Fmt.num(-gap) + " times that gap" + (Double.isNaN(width) ? "" : " (" + Fmt.num(width) + ")") + ".";
  }

  /** The verdict on {@code variant} against handcrafted. */
  public static String sentence(ScenarioResults r, String variant) {
    String who = variant.equals(Variants.PROXY) ? "The adaptive proxy" : "ML-only";
    Optional<VariantSummary> v = r.variant(variant);
    if (v.isEmpty()) {
      return who + " was not run in this scenario.";
    }
    if (r.variant(Variants.HANDCRAFTED).isEmpty()) {
      return who + " cannot be compared: the scenario did not run handcrafted.";
    }
    PairedComparison c = PairedComparison.of(r, variant, Variants.HANDCRAFTED).orElse(null);
    if (c == null) {
      return who + " cannot be compared: it shares no replication with handcrafted.";
    }
    StringBuilder s = new StringBuilder(who);
    String diff = Fmt.signed(c.meanDifference(), 3);
    String reps = c.n() + " common-random-number replication" + (c.n() == 1 ? "" : "s");
    if (c.n() < 2) {
      s.append(c.meanDifference() > 0 ? " scores higher than" : c.meanDifference() < 0
          ? " scores lower than" : " scores the same as")
          .append(" handcrafted (difference ").append(diff)
          .append(") in its single replication; with one replication no test is possible");
    } else if (c.constantDifference()) {
      if (c.meanDifference() == 0) {
        s.append(" scores exactly the same as handcrafted in all ").append(reps);
      } else {
        s.append(c.meanDifference() > 0 ? " is better than" : " is worse than")
            .append(" handcrafted on score by the same ").append(diff).append(" in all ")
            .append(reps).append(" (no variance, so the t-test is degenerate)");
      }
    } else {
      String test = "paired t-test over " + reps + ", " + Fmt.pValue(c.pValue());
      String ci = "difference " + diff + " ± " + Fmt.sig(c.halfWidth(), 3) + " at 95%";
      if (c.significant()) {
        s.append(c.meanDifference() > 0 ? " is better than" : " is worse than")
            .append(" handcrafted on score (").append(ci).append("; ").append(test).append(")");
      } else {
        s.append(" is not significantly different from handcrafted on score (").append(ci)
            .append("; ").append(test).append(")");
      }
    }
    s.append(gapClause(v.get().get(SummaryMetric.GAP_CLOSED), r));
    return s.toString();
  }
}
