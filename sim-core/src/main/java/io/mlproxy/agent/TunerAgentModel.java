package io.mlproxy.agent;

import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.Recommendation;

/**
 * DAMOOS-style auto-tuning: recommends DAMON_RECLAIM's min_age instead of per-region actions,
 * choosing among a ladder of values with a UCB1 bandit. Each value is rewarded by the judged value
 * of what it said about each region while it was the advice in force (the proxy's feedback judges
 * the model's opinion whoever decided, and names the advice's generation).
 */
public final class TunerAgentModel implements AgentModel {

  /** The knob this model tunes; the subsystem declares it. */
  public static final String MIN_AGE_KNOB = "min_age_ms";

  /** Candidate min_age values, ms: from aggressive to mainline's 120 s and beyond. */
  static final long[] MIN_AGES_MS = {2_000, 5_000, 10_000, 30_000, 60_000, 120_000, 240_000};

  /**
   * Recommendations remembered for attributing feedback: a judgement arrives W after its decision,
   * many recommendations later, and names the generation of the advice that was in force.
   */
  private static final int REMEMBERED = 1024;

  private final UcbBandit bandit;
  private final long[] generationOf = new long[REMEMBERED];
  private final int[] armOf = new int[REMEMBERED];
  private final long[] valueSum = new long[MIN_AGES_MS.length];
  private final long[] decisions = new long[MIN_AGES_MS.length];
  private int current = -1;

  public TunerAgentModel(double exploration) {
    this.bandit = new UcbBandit(MIN_AGES_MS.length, exploration);
    java.util.Arrays.fill(generationOf, -1);
  }

  @Override
  public int observe(RegionTable table) {
    for (int arm = 0; arm < MIN_AGES_MS.length; arm++) {
      if (decisions[arm] > 0) {
        // normalised per judged decision so arms with more decisions are not favoured by volume
        bandit.reward(arm, (double) valueSum[arm] / decisions[arm]);
        valueSum[arm] = 0;
        decisions[arm] = 0;
      }
    }
    current = bandit.select();
    return 1;
  }

  @Override
  public void feedback(FeedbackCodec.Record r) {
    int slot = (int) Math.floorMod(r.generation(), (long) REMEMBERED);
    if (generationOf[slot] != r.generation()) {
      return; // advice older than we remember, or none of ours
    }
    int arm = armOf[slot];
    valueSum[arm] += r.valuePageMs();
    decisions[arm]++;
  }

  @Override
  public void recommend(RegionTable table, Recommendation.Builder out) {
    if (current >= 0) {
      out.param(MIN_AGE_KNOB, MIN_AGES_MS[current]);
      int slot = (int) Math.floorMod(table.generation(), (long) REMEMBERED);
      generationOf[slot] = table.generation();
      armOf[slot] = current;
    }
  }

  /** The min_age this model currently recommends, ms, or −1 before the first dataset. */
  public long currentMinAgeMs() {
    return current < 0 ? -1 : MIN_AGES_MS[current];
  }
}
