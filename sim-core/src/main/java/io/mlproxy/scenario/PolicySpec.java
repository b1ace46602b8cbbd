package io.mlproxy.scenario;

/**
 * The handcrafted policy: the DAMON_RECLAIM scheme (page out regions not accessed for
 * {@code minAge}), its quota, prioritisation weights and watermarks on the free memory rate, all
 * with DAMON_RECLAIM's defaults. Times in microseconds, watermarks in per-mille.
 */
public record PolicySpec(
    long minAgeUs,
    long quotaTimeUs,
    long quotaSizeBytes,
    long quotaResetIntervalUs,
    long wmarksIntervalUs,
    int wmarksHighPermille,
    int wmarksMidPermille,
    int wmarksLowPermille,
    int weightSz,
    int weightNrAccesses,
    int weightAge,
    long applyIntervalUs) {

  /** DAMON_RECLAIM's defaults, applied every default aggregation interval (100 ms). */
  public static PolicySpec defaults() {
    return defaults(MonitorSpec.defaults().aggregationUs());
  }

  /** DAMON_RECLAIM's defaults, applied every {@code aggregationUs}. */
  public static PolicySpec defaults(long aggregationUs) {
    return new PolicySpec(
        120_000_000, 10_000, 128L << 20, 1_000_000, 5_000_000, 500, 400, 200, 0, 0, 1, aggregationUs);
  }
}
