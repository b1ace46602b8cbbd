package io.mlproxy.engine;

/**
 * One row of timeseries.csv: what happened during one output step (see docs/results-format.md).
 *
 * <p>Empty optional values (no dataset or recommendation yet) are −1.
 */
public record TimeseriesRow(
    long timeUs,
    long residentPages,
    long footprintPages,
    long touches,
    long hits,
    long faults,
    long refaults,
    long pagesPagedOut,
    long directReclaims,
    long reclaimCpuUs,
    long stallUs,
    long accessTimeUs,
    String mode,
    int mlSharePermille,
    long mlEfficiency,
    long defaultEfficiency,
    int hintsInForce,
    long datasetAgeMs,
    long recommendationStalenessMs,
    int freePermille) {

  /** The header of timeseries.csv, matching {@link #write(Csv)}. */
  public static final String[] HEADER = {
    "time_s", "resident_pages", "footprint_pages", "touches", "hits", "faults", "refaults",
    "pages_paged_out", "direct_reclaims", "reclaim_cpu_us", "stall_us", "access_time_us", "mode",
    "ml_share_permille", "ml_efficiency", "default_efficiency", "hints_in_force", "dataset_age_ms",
    "recommendation_staleness_ms", "free_permille"
  };

  /** Writes this row. */
  public void write(Csv csv) {
    csv.num(timeUs / 1e6)
        .num(residentPages)
        .num(footprintPages)
        .num(touches)
        .num(hits)
        .num(faults)
        .num(refaults)
        .num(pagesPagedOut)
        .num(directReclaims)
        .num(reclaimCpuUs)
        .num(stallUs)
        .num(accessTimeUs)
        .text(mode)
        .num(mlSharePermille)
        .num(mlEfficiency)
        .num(defaultEfficiency)
        .num(hintsInForce);
    optional(csv, datasetAgeMs);
    optional(csv, recommendationStalenessMs);
    csv.num(freePermille).end();
  }

  private static void optional(Csv csv, long v) {
    if (v < 0) {
      csv.text("");
    } else {
      csv.num(v);
    }
  }
}
