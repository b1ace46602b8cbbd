package io.mlproxy.tune;

import java.util.List;

/**
 * What a tuning run found.
 *
 * @param evaluations distinct candidates evaluated by this method (replayed ones included)
 * @param stopped the run was stopped before its budget was spent (no held-out figures then)
 * @param start the starting thresholds (the first scenario's) on the tuning seeds
 * @param best the best candidate on the tuning seeds
 * @param heldOutDefault default thresholds on the held-out seeds, empty when stopped
 * @param heldOutBest the best candidate on the held-out seeds with its gain over the defaults, empty when
 *     stopped
 */
public record TuningResult(
    SearchMethod method,
    int evaluations,
    boolean stopped,
    Evaluation start,
    Evaluation best,
    List<ScenarioScore> heldOutDefault,
    List<HeldOutTable.Row> heldOutBest) {

  /** Mean advantage over handcrafted of the held-out rows, NaN when empty. */
  public static double meanAdvantageOfRows(List<HeldOutTable.Row> rows) {
    return meanAdvantage(rows.stream().map(HeldOutTable.Row::score).toList());
  }

  /** Mean advantage over handcrafted of {@code scores}, NaN when empty. */
  public static double meanAdvantage(List<ScenarioScore> scores) {
    return scores.stream().mapToDouble(ScenarioScore::advantage).average().orElse(Double.NaN);
  }
}
