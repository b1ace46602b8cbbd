package io.mlproxy.engine;

/**
 * Derives every random seed of an experiment from the scenario seed.
 *
 * <p>Replication r (1-based) gets {@code replicationSeed(seed, r)}; within a replication each
 * purpose (workload, monitor, agent, ...) gets its own stream seeded from the replication seed
 * and the purpose's name. The variant is deliberately not an input: every variant of a
 * replication sees the same workload and monitor streams (common random numbers). DSOL's
 * MersenneTwister uses only the low 32 bits of a seed and needs it positive, so all seeds are in
 * 1..2^31−1.
 */
public final class SeedPlan {

  private SeedPlan() {}

  /** The seed of replication {@code rep} (1-based) of a scenario seeded with {@code seed}. */
  public static long replicationSeed(long scenarioSeed, int rep) {
    return positive31(mix(scenarioSeed * 0x9E3779B97F4A7C15L + rep));
  }

  /** The seed of the stream named {@code purpose} within a replication. */
  public static long streamSeed(long replicationSeed, String purpose) {
    long h = replicationSeed;
    for (int i = 0; i < purpose.length(); i++) {
      h = h * 31 + purpose.charAt(i);
    }
    return positive31(mix(h));
  }

  /** SplitMix64's finaliser: spreads nearby inputs over the whole range. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private static long positive31(long z) {
    long s = z & 0x7FFF_FFFFL;
    return s == 0 ? 1 : s;
  }
}
