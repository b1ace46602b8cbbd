package io.mlproxy.engine;

import io.mlproxy.damon.AggregationListener;
import io.mlproxy.damon.DamonReclaim;
import io.mlproxy.damon.DamosScheme;
import io.mlproxy.damon.MonitorConfig;
import io.mlproxy.damon.RegionsView;
import io.mlproxy.proxy.DatasetOperations;
import io.mlproxy.proxy.DatasetWriter;
import io.mlproxy.proxy.HintTable;
import io.mlproxy.proxy.KnobSpec;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ModeTransition;
import io.mlproxy.proxy.SystemMode;
import io.mlproxy.proxy.MlModelProxy;
import java.util.List;
import java.util.OptionalLong;

/**
 * The DAMON side of ml_lib: what {@code ml_lib_dataset_operations} and
 * {@code ml_lib_model_operations} would be for an "ML-based DAMON".
 *
 * <p>At each aggregation it keeps a copy of the aggregated regions (nr_accesses of the finished
 * interval, the one before, age, residency, refaults), which a PREPARE_DATASET later extracts.
 * A recommended min_age is not written into the scheme: it becomes ML's per-region opinion
 * ({@link #recommendedMinAge}), which the proxy bounds and judges like region hints. Recommended
 * quotas change the budget itself, which ML and the default share in LEARNING and COLLABORATION,
 * so they take effect only in RECOMMENDATION; any other mode restores the handcrafted quotas.
 */
final class DamonSubsystem implements DatasetOperations, ModelOperations, AggregationListener {

  static final String MIN_AGE_MS = "min_age_ms";
  static final String QUOTA_MS = "quota_ms";
  static final String QUOTA_BYTES = "quota_bytes";

  private final DamosScheme scheme;
  private final DamonReclaim defaults;
  private final MonitorConfig monitor;
  private int count;
  private int[] start = new int[0];
  private int[] end = new int[0];
  private int[] nrAccesses = new int[0];
  private int[] lastNrAccesses = new int[0];
  private int[] age = new int[0];
  private int[] resident = new int[0];
  private int[] refaults = new int[0];
  private SystemMode mode = SystemMode.EMERGENCY;
  private HintTable quotaTable;

  DamonSubsystem(DamosScheme scheme, DamonReclaim defaults, MonitorConfig monitor) {
    this.scheme = scheme;
    this.defaults = defaults;
    this.monitor = monitor;
  }

  @Override
  public void onAggregated(RegionsView r, long nowUs) {
    int n = r.count();
    if (start.length < n) {
      int cap = Math.max(n, start.length * 2);
      start = new int[cap];
      end = new int[cap];
      nrAccesses = new int[cap];
      lastNrAccesses = new int[cap];
      age = new int[cap];
      resident = new int[cap];
      refaults = new int[cap];
    }
    for (int i = 0; i < n; i++) {
      start[i] = r.start(i);
      end[i] = r.end(i);
      nrAccesses[i] = r.nrAccesses(i);
      lastNrAccesses[i] = r.lastNrAccesses(i);
      age[i] = r.age(i);
      resident[i] = r.residentPermille(i);
      refaults[i] = r.recentRefaults(i);
    }
    count = n;
  }

  @Override
  public void extract(DatasetWriter sink) {
    for (int i = 0; i < count; i++) {
      sink.region(start[i], end[i], nrAccesses[i], lastNrAccesses[i], age[i], resident[i], refaults[i]);
    }
  }

  @Override
  public List<KnobSpec> knobs() {
    return List.of(
        new KnobSpec(MIN_AGE_MS, 0, 3_600_000),
        new KnobSpec(QUOTA_MS, 0, 10_000),
        new KnobSpec(QUOTA_BYTES, 0, 1L << 40));
  }

  @Override
  public void recommendationApplied(HintTable table) {
    quotaTable = table;
    if (mode == SystemMode.RECOMMENDATION) {
      applyQuotas();
    }
  }

  @Override
  public void modeChanged(ModeTransition transition) {
    mode = transition.to();
    if (mode == SystemMode.RECOMMENDATION) {
      applyQuotas();
    } else {
      restoreDefaults();
    }
  }

  private void applyQuotas() {
    if (quotaTable != null) {
      quotaTable.param(QUOTA_MS).ifPresent(scheme::setQuotaMs);
      quotaTable.param(QUOTA_BYTES).ifPresent(scheme::setQuotaBytes);
    }
  }

  /** Puts the handcrafted quotas back. */
  void restoreDefaults() {
    scheme.setQuotaMs(defaults.quotaMs());
    scheme.setQuotaBytes(defaults.quotaBytes());
  }

  /**
   * The min_age the installed recommendation asks for, in aggregation intervals, or -1 when it
   * recommends none; the hook turns it into ML's opinion on each region.
   */
  int recommendedMinAge(MlModelProxy proxy) {
    OptionalLong ms = proxy.parameterHint(MIN_AGE_MS);
    return ms.isPresent() ? DamonReclaim.minAgeAggregations(ms.getAsLong() * 1000, monitor) : -1;
  }

  /** Size-weighted mean nr_accesses over [from, to) of the last snapshot, in per-mille of max. */
  int accessPermille(int from, int to, int maxNrAccesses) {
    long weighted = 0;
    long pages = 0;
    for (int i = 0; i < count; i++) {
      int s = Math.max(from, start[i]);
      int e = Math.min(to, end[i]);
      if (e > s) {
        weighted += (long) (e - s) * nrAccesses[i];
        pages += e - s;
      }
    }
    return pages == 0 ? 0 : (int) (weighted * 1000 / (pages * maxNrAccesses));
  }
}
