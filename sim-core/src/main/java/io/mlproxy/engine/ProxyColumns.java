package io.mlproxy.engine;

import io.mlproxy.proxy.PairedEvidence;

/**
 * The proxy's columns of one timeseries.csv row (see docs/results-format.md); {@link #NONE} for the
 * variants without a proxy. Values that may be absent are {@link #ABSENT} and written as empty fields.
 *
 * @param mode                      mode at the end of the step
 * @param mlSharePermille           share of the step's decisions ML took
 * @param mlPageouts                pages paged out by decisions ML took during the step
 * @param mlEfficiencyMs            mean value per judged page of ML's opinions over the window
 * @param defaultEfficiencyMs       the same for the default
 * @param known                     lower bounds of ML − default, as known over the window (promotion)
 * @param recent                    upper bounds over the window's decisions (demotion)
 * @param promoteAboveMs            the known lower bound must exceed this to promote
 * @param demoteBelowMs             a recent mean below this demotes, a recent upper bound below it means
 *                                  EMERGENCY
 * @param hintsInForce              hints of the installed table
 * @param datasetAgeMs              age of the dataset the table answers
 * @param recommendationStalenessMs time since the table was installed
 */
record ProxyColumns(
    String mode,
    int mlSharePermille,
    long mlPageouts,
    long mlEfficiencyMs,
    long defaultEfficiencyMs,
    PairedEvidence known,
    PairedEvidence recent,
    long promoteAboveMs,
    long demoteBelowMs,
    int hintsInForce,
    long datasetAgeMs,
    long recommendationStalenessMs) implements java.io.Serializable {

  /** An absent value. */
  static final long ABSENT = Long.MIN_VALUE;

  /** The columns of a variant without a proxy. */
  static final ProxyColumns NONE =
      new ProxyColumns("", 0, 0, ABSENT, ABSENT, PairedEvidence.NONE, PairedEvidence.NONE, ABSENT, ABSENT, 0, ABSENT,
          ABSENT);

  static final String[] HEADER = {
    "mode", "ml_share_permille", "ml_pageouts", "ml_efficiency", "default_efficiency", "known_pages",
    "known_decisions", "known_mean_ms", "known_lower_ms", "recent_pages", "recent_decisions",
    "recent_mean_ms", "recent_upper_ms", "promote_above_ms", "demote_below_ms", "hints_in_force",
    "dataset_age_ms", "recommendation_staleness_ms"
  };

  void write(Csv csv) {
    csv.text(mode).num(mlSharePermille).num(mlPageouts);
    optional(csv, mlEfficiencyMs);
    optional(csv, defaultEfficiencyMs);
    boolean anyKnown = known.pages() > 0;
    csv.num(known.pages()).num(known.decisions());
    optional(csv, anyKnown ? known.meanMs() : ABSENT);
    optional(csv, anyKnown ? known.lowerMs() : ABSENT);
    boolean anyRecent = recent.pages() > 0;
    csv.num(recent.pages()).num(recent.decisions());
    optional(csv, anyRecent ? recent.meanMs() : ABSENT);
    optional(csv, anyRecent ? recent.upperMs() : ABSENT);
    optional(csv, anyKnown ? promoteAboveMs : ABSENT);
    optional(csv, anyRecent ? demoteBelowMs : ABSENT);
    csv.num(hintsInForce);
    optional(csv, datasetAgeMs);
    optional(csv, recommendationStalenessMs);
  }

  private static void optional(Csv csv, long v) {
    if (v == ABSENT) {
      csv.text("");
    } else {
      csv.num(v);
    }
  }
}
