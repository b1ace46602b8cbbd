package io.mlproxy.report;

/** The numeric columns of {@code summary.csv} after scenario, variant and replications. */
public enum SummaryMetric {
  SAVING_MEAN("saving_mean"),
  SAVING_CI95("saving_ci95"),
  SLOWDOWN_MEAN("slowdown_mean"),
  SLOWDOWN_CI95("slowdown_ci95"),
  SCORE_MEAN("score_mean"),
  SCORE_CI95("score_ci95"),
  FAULTS_MEAN("faults_mean"),
  REFAULTS_MEAN("refaults_mean"),
  RECLAIM_CPU_S_MEAN("reclaim_cpu_s_mean"),
  TIME_EMERGENCY_PCT("time_emergency_pct"),
  TIME_LEARNING_PCT("time_learning_pct"),
  TIME_COLLABORATION_PCT("time_collaboration_pct"),
  TIME_RECOMMENDATION_PCT("time_recommendation_pct"),
  TRANSITIONS_MEAN("transitions_mean"),
  HINTS_APPLIED_MEAN("hints_applied_mean"),
  RECS_REJECTED_MEAN("recs_rejected_mean"),
  GAP_CLOSED("gap_closed");

  private final String column;

  SummaryMetric(String column) {
    this.column = column;
  }

  /** The column name in summary.csv. */
  public String column() {
    return column;
  }
}
