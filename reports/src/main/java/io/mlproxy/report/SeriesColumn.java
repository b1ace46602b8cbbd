package io.mlproxy.report;

/** The numeric columns of {@code timeseries.csv} ({@code mode} is kept apart, as a {@link Mode}). */
public enum SeriesColumn {
  TIME_S("time_s", true),
  RESIDENT_PAGES("resident_pages", true),
  FOOTPRINT_PAGES("footprint_pages", true),
  TOUCHES("touches", true),
  HITS("hits", true),
  FAULTS("faults", true),
  REFAULTS("refaults", true),
  PAGES_PAGED_OUT("pages_paged_out", true),
  DIRECT_RECLAIMS("direct_reclaims", true),
  RECLAIM_CPU_US("reclaim_cpu_us", true),
  STALL_US("stall_us", true),
  ACCESS_TIME_US("access_time_us", true),
  ML_SHARE_PERMILLE("ml_share_permille", false),
  ML_PAGEOUTS("ml_pageouts", false),
  ML_EFFICIENCY("ml_efficiency", false),
  DEFAULT_EFFICIENCY("default_efficiency", false),
  KNOWN_PAGES("known_pages", false),
  KNOWN_DECISIONS("known_decisions", false),
  KNOWN_MEAN_MS("known_mean_ms", false),
  KNOWN_LOWER_MS("known_lower_ms", false),
  RECENT_PAGES("recent_pages", false),
  RECENT_DECISIONS("recent_decisions", false),
  RECENT_MEAN_MS("recent_mean_ms", false),
  RECENT_UPPER_MS("recent_upper_ms", false),
  PROMOTE_ABOVE_MS("promote_above_ms", false),
  DEMOTE_BELOW_MS("demote_below_ms", false),
  HINTS_IN_FORCE("hints_in_force", false),
  DATASET_AGE_MS("dataset_age_ms", false),
  RECOMMENDATION_STALENESS_MS("recommendation_staleness_ms", false),
  FREE_PERMILLE("free_permille", false);

  private final String column;
  private final boolean required;

  SeriesColumn(String column, boolean required) {
    this.column = column;
    this.required = required;
  }

  /** The column name in timeseries.csv. */
  public String column() {
    return column;
  }

  /** Whether every row must have a value (otherwise empty means "not yet defined"). */
  public boolean required() {
    return required;
  }
}
