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
      String test = "paired t-test over " + reps + ", p = " + Fmt.sig(c.pValue(), 2);
      String ci = "difference " + diff + " ± " + Fmt.sig(c.halfWidth(), 2) + " at 95%";
      if (c.significant()) {
        s.append(c.meanDifference() > 0 ? " is better than" : " is worse than")
            .append(" handcrafted on score (").append(ci).append("; ").append(test).append(")");
      } else {
        s.append(" is not significantly different from handcrafted on score (").append(ci)
            .append("; ").append(test).append(")");
      }
    }
    double gap = v.get().get(SummaryMetric.GAP_CLOSED);
    if (Double.isNaN(gap)) {
      s.append("; the handcrafted→oracle gap is undefined (no oracle, or oracle does not beat "
          + "handcrafted).");
    } else {
      s.append(" and closed ").append(Fmt.percent(gap)).append(" of the handcrafted→oracle gap.");
    }
    return s.toString();
  }
}
