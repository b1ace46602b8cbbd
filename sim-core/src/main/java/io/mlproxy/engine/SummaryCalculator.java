package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns replication outcomes into per-replication scores and per-variant summary rows.
 *
 * <p>Slowdown is always measured against the `none` variant of the same replication (common
 * random numbers make the pairing meaningful), so outcomes must include `none` for every
 * replication even when it is not reported.
 */
public final class SummaryCalculator {

  private final String scenario;
  private final double lambda;

  public SummaryCalculator(String scenario, double lambda) {
    this.scenario = scenario;
    this.lambda = lambda;
  }

  /** Scores every outcome; fails when a replication lacks its `none` reference. */
  public List<ReplicationScore> score(List<ReplicationOutcome> outcomes) {
    Map<Integer, ReplicationOutcome> reference = new java.util.HashMap<>();
    for (ReplicationOutcome o : outcomes) {
      if (o.variant() == Variant.NONE) {
        reference.put(o.rep(), o);
      }
    }
    List<ReplicationScore> scores = new ArrayList<>(outcomes.size());
    for (ReplicationOutcome o : outcomes) {
      ReplicationOutcome ref = reference.get(o.rep());
      if (ref == null) {
        throw new IllegalArgumentException("replication " + o.rep() + " has no 'none' reference run");
      }
      double slowdown = o.slowdownAgainst(ref);
      double saving = o.saving();
      scores.add(new ReplicationScore(o, saving, slowdown, saving - lambda * slowdown));
    }
    return scores;
  }

  /** One row per variant in {@code reported}, in enum order. */
  public List<SummaryRow> summarize(List<ReplicationScore> scores, List<Variant> reported) {
    Map<Variant, List<ReplicationScore>> byVariant = new EnumMap<>(Variant.class);
    for (ReplicationScore s : scores) {
      byVariant.computeIfAbsent(s.outcome().variant(), v -> new ArrayList<>()).add(s);
    }
    Map<Variant, Double> meanScore = new EnumMap<>(Variant.class);
    byVariant.forEach((v, list) -> meanScore.put(v, mean(list, ReplicationScore::score)));

    List<SummaryRow> rows = new ArrayList<>();
    for (Variant v : Variant.values()) {
      List<ReplicationScore> list = byVariant.get(v);
      if (!reported.contains(v) || list == null) {
        continue;
      }
      ReplicationOutcome.ModeTime modes = totalModeTime(list);
      boolean hasModes = modes.total() > 0;
      rows.add(
          new SummaryRow(
              scenario,
              v,
              list.size(),
              interval(list, ReplicationScore::saving),
              interval(list, ReplicationScore::slowdown),
              interval(list, ReplicationScore::score),
              mean(list, s -> s.outcome().faults()),
              mean(list, s -> s.outcome().refaults()),
              mean(list, s -> s.outcome().reclaimCpuUs() / 1e6),
              hasModes ? modes.percent(modes.emergency()) : Double.NaN,
              hasModes ? modes.percent(modes.learning()) : Double.NaN,
              hasModes ? modes.percent(modes.collaboration()) : Double.NaN,
              hasModes ? modes.percent(modes.recommendation()) : Double.NaN,
              mean(list, s -> s.outcome().transitions()),
              mean(list, s -> s.outcome().hintsApplied()),
              mean(list, s -> s.outcome().recsRejected()),
              gapClosed(v, meanScore)));
    }
    return rows;
  }

  /** (score − handcrafted) / (oracle − handcrafted) for the ML variants, NaN otherwise. */
  static double gapClosed(Variant v, Map<Variant, Double> meanScore) {
    if (v != Variant.PROXY && v != Variant.ML_ONLY) {
      return Double.NaN;
    }
    Double own = meanScore.get(v);
    Double hand = meanScore.get(Variant.HANDCRAFTED);
    Double oracle = meanScore.get(Variant.ORACLE);
    if (own == null || hand == null || oracle == null || oracle.doubleValue() == hand.doubleValue()) {
      return Double.NaN;
    }
    return (own - hand) / (oracle - hand);
  }

  private static ReplicationOutcome.ModeTime totalModeTime(List<ReplicationScore> list) {
    long e = 0;
    long l = 0;
    long c = 0;
    long r = 0;
    for (ReplicationScore s : list) {
      ReplicationOutcome.ModeTime m = s.outcome().modeTimeUs();
      e += m.emergency();
      l += m.learning();
      c += m.collaboration();
      r += m.recommendation();
    }
    return new ReplicationOutcome.ModeTime(e, l, c, r);
  }

  private static ConfidenceInterval interval(
      List<ReplicationScore> list, ToDoubleFunction<ReplicationScore> f) {
    return ConfidenceInterval.of95(list.stream().mapToDouble(f).toArray());
  }

  private static double mean(List<ReplicationScore> list, ToDoubleFunction<ReplicationScore> f) {
    return list.stream().mapToDouble(f).average().orElse(Double.NaN);
  }
}
