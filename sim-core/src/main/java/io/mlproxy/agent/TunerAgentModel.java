package io.mlproxy.agent;

import io.mlproxy.proxy.DecisionSource;
import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.Recommendation;

/**
 * DAMOOS-style auto-tuning: recommends DAMON_RECLAIM's min_age instead of per-region actions,
 * choosing among a ladder of values with a UCB1 bandit rewarded by the judged value of the
 * default algorithm's decisions while that value was in force.
 */
public final class TunerAgentModel implements AgentModel {

  /** The knob this model tunes; the subsystem declares it. */
  public static final String MIN_AGE_KNOB = "min_age_ms";

  /** Candidate min_age values, ms: from aggressive to mainline's 120 s and beyond. */
  static final long[] MIN_AGES_MS = {2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 240_000};

  private final UcbBandit bandit;
  private int current = -1;
  private long valueSum;
  private long decisions;

  public TunerAgentModel(double exploration) {
    this.bandit = new UcbBandit(MIN_AGES_MS.length, exploration);
  }

  @Override
  public int observe(RegionTable table) {
    if (current >= 0 && decisions > 0) {
      // normalise per judged decision so arms with more decisions are not favoured by volume
      bandit.reward(current, (double) valueSum / decisions);
    }
    valueSum = 0;
    decisions = 0;
    current = bandit.select();
    return 1;
  }

  @Override
  public void feedback(FeedbackCodec.Record r) {
    if (r.source() == DecisionSource.CODE_DEFAULT) {
      valueSum += r.valuePageMs();
      decisions++;
    }
  }

  @Override
  public void recommend(RegionTable table, Recommendation.Builder out) {
    if (current >= 0) {
      out.param(MIN_AGE_KNOB, MIN_AGES_MS[current]);
    }
  }

  /** The min_age this model currently recommends, ms, or −1 before the first dataset. */
  public long currentMinAgeMs() {
    return current < 0 ? -1 : MIN_AGES_MS[current];
  }
}
