package io.mlproxy.engine;

import io.mlproxy.damon.DamonMonitor;
import io.mlproxy.damon.DamosScheme;
import io.mlproxy.damon.DamosStats;
import io.mlproxy.damon.RegionsView;

/**
 * One row of damon.csv: DAMON's regions at the end of an output step and the DAMON_RECLAIM
 * scheme's cumulative statistics (see docs/results-format.md). Variants without the scheme
 * ({@code none}, {@code oracle}) leave the scheme's columns empty ({@code applications} &lt; 0).
 */
public record DamonRow(
    long timeUs,
    int nrRegions,
    int regionPagesMin,
    double regionPagesMean,
    int regionPagesMax,
    boolean kdamondActive,
    long applications,
    long quotaLimited,
    long qtExceeds,
    long nrTried,
    long szTriedBytes,
    long nrApplied,
    long szAppliedBytes,
    long effectiveQuotaBytes) implements java.io.Serializable {

  /** The header of damon.csv, matching {@link #write(Csv)}. */
  public static final String[] HEADER = {
    "time_s", "nr_regions", "region_pages_min", "region_pages_mean", "region_pages_max", "kdamond_active",
    "applications", "quota_limited", "qt_exceeds", "nr_tried", "sz_tried_bytes", "nr_applied", "sz_applied_bytes",
    "effective_quota_bytes"
  };

  /** The row of {@code monitor} (and {@code scheme}, null for variants without it) at {@code nowUs}. */
  static DamonRow of(long nowUs, DamonMonitor monitor, DamosScheme scheme) {
    RegionsView r = monitor.regions();
    int n = r.count();
    int min = Integer.MAX_VALUE;
    int max = 0;
    long total = 0;
    for (int i = 0; i < n; i++) {
      int size = r.sizePages(i);
      min = Math.min(min, size);
      max = Math.max(max, size);
      total += size;
    }
    boolean active = !monitor.waitingForActivation();
    if (scheme == null) {
      return new DamonRow(nowUs, n, n == 0 ? 0 : min, n == 0 ? 0 : (double) total / n, max, active,
          -1, -1, -1, -1, -1, -1, -1, -1);
    }
    DamosStats st = scheme.stats();
    long esz = scheme.effectiveQuotaBytes();
    return new DamonRow(nowUs, n, n == 0 ? 0 : min, n == 0 ? 0 : (double) total / n, max, active,
        scheme.applications(), scheme.quotaLimitedApplications(), st.qtExceeds(), st.nrTried(), st.szTriedBytes(),
        st.nrApplied(), st.szAppliedBytes(), esz == Long.MAX_VALUE ? -1 : esz);
  }

  /** Writes this row; the scheme's columns are empty without a scheme, the quota's without a quota. */
  public void write(Csv csv) {
    csv.num(timeUs / 1e6).num(nrRegions).num(regionPagesMin).num(regionPagesMean).num(regionPagesMax)
        .num(kdamondActive ? 1 : 0);
    if (applications < 0) {
      for (int i = 0; i < 8; i++) {
        csv.text("");
      }
    } else {
      csv.num(applications).num(quotaLimited).num(qtExceeds).num(nrTried).num(szTriedBytes).num(nrApplied)
          .num(szAppliedBytes);
      if (effectiveQuotaBytes < 0) {
        csv.text("");
      } else {
        csv.num(effectiveQuotaBytes);
      }
    }
    csv.end();
  }
}
