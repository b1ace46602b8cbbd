package io.mlproxy.engine;

import io.mlproxy.scenario.FaultSpec;
import io.mlproxy.scenario.PhaseSpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

/**
 * A shipped scenario run at full length over its own replications, with the figures its
 * description promises: paired score differences, gap shares, time in modes, transitions and
 * ML's pageouts by mode. Runs are cached per scenario so each runs once per test JVM.
 */
final class ShippedRun {

  static final Path SCENARIOS = Path.of("..", "scenarios");
  private static final Map<String, ShippedRun> CACHE = new ConcurrentHashMap<>();

  final Scenario scenario;
  final RunPlan plan;
  final List<ReplicationResult> results;

  private ShippedRun(Scenario scenario) {
    this.scenario = scenario;
    this.plan = ScenarioCompiler.compile(scenario);
    this.results = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
  }

  static ShippedRun of(String name) {
    return CACHE.computeIfAbsent(name, n -> new ShippedRun(ScenarioLoader.load(SCENARIOS.resolve(n + ".yaml"))));
  }

  int replications() {
    return scenario.replications();
  }

  ReplicationResult result(Variant v, int rep) {
    return results.stream()
        .filter(r -> r.outcome().variant() == v && r.outcome().rep() == rep)
        .findFirst()
        .orElseThrow(() -> new AssertionError(scenario.name() + ": no run of " + v + " rep " + rep));
  }

  /** Score of {@code v} in each replication over the rows whose start time passes {@code keep}. */
  double[] scores(Variant v, LongPredicate keep) {
    double[] s = new double[replications()];
    for (int rep = 1; rep <= s.length; rep++) {
      s[rep - 1] = score(result(v, rep).rows(), result(Variant.NONE, rep).rows(), keep);
    }
    return s;
  }

  /** Score of {@code v} in each replication over the whole run. */
  double[] scores(Variant v) {
    return scores(v, t -> true);
  }

  /** saving − λ·slowdown over the kept rows, as SummaryCalculator scores a whole run. */
  private double score(List<TimeseriesRow> rows, List<TimeseriesRow> none, LongPredicate keep) {
    double resident = 0;
    double footprint = 0;
    double access = 0;
    double reference = 0;
    long stepUs = scenario.outputStepUs();
    for (int i = 0; i < rows.size(); i++) {
      TimeseriesRow r = rows.get(i);
      if (!keep.test(r.timeUs() - stepUs)) {
        continue;
      }
      resident += r.residentPages();
      footprint += r.footprintPages();
      access += r.accessTimeUs();
      reference += none.get(i).accessTimeUs();
    }
    double saving = footprint <= 0 ? 0 : 1 - resident / footprint;
    double slowdown = reference <= 0 ? 0 : (access - reference) / reference;
    return saving - scenario.objective().lambda() * slowdown;
  }

  /** The paired 95 % interval of score(a) − score(b) over the replications. */
  ConfidenceInterval paired(Variant a, Variant b, LongPredicate keep) {
    double[] x = scores(a, keep);
    double[] y = scores(b, keep);
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i] - y[i];
    }
    return ConfidenceInterval.of95(d);
  }

  ConfidenceInterval paired(Variant a, Variant b) {
    return paired(a, b, t -> true);
  }

  /** (proxy − handcrafted) / (ml-only − handcrafted), means over the replications. */
  double gapShare(LongPredicate keep) {
    return paired(Variant.PROXY, Variant.HANDCRAFTED, keep).mean()
        / paired(Variant.ML_ONLY, Variant.HANDCRAFTED, keep).mean();
  }

  /** The proxy's mode transitions of one replication. */
  List<EventLog.Entry> transitions(int rep) {
    return result(Variant.PROXY, rep).events().stream()
        .filter(e -> e.kind().equals(EventLog.MODE_TRANSITION))
        .toList();
  }

  /** Time of the proxy's first promotion to COLLABORATION or RECOMMENDATION, -1 if none. */
  long firstPromotionUs(int rep) {
    return transitions(rep).stream()
        .filter(e -> e.reason().startsWith("promote"))
        .mapToLong(EventLog.Entry::timeUs)
        .findFirst()
        .orElse(-1);
  }

  /** Share of the rows after the first promotion the proxy spent in COLLABORATION or RECOMMENDATION. */
  double sharedOrRecommendedAfterFirstPromotion(int rep) {
    long first = firstPromotionUs(rep);
    List<TimeseriesRow> after = result(Variant.PROXY, rep).rows().stream()
        .filter(r -> r.timeUs() > first)
        .toList();
    long up = after.stream()
        .filter(r -> r.proxy().mode().equals("COLLABORATION") || r.proxy().mode().equals("RECOMMENDATION"))
        .count();
    return after.isEmpty() ? 0 : (double) up / after.size();
  }

  /** Workload phases as [start, end) in µs. */
  List<long[]> phases() {
    List<long[]> out = new ArrayList<>();
    List<PhaseSpec> p = scenario.workload().phases();
    for (int i = 0; i < p.size(); i++) {
      out.add(new long[] {p.get(i).atUs(), i + 1 < p.size() ? p.get(i + 1).atUs() : scenario.durationUs()});
    }
    return out;
  }

  /**
   * ML's pageouts while the proxy was in LEARNING, over ml-only's in the same workload phases.
   * Compared phase by phase rather than row by row: ml-only acts on a phase's cold pages the
   * moment they qualify, the proxy a little later, once its evidence allows LEARNING again.
   */
  double learningExposure(int rep) {
    List<TimeseriesRow> proxy = result(Variant.PROXY, rep).rows();
    List<TimeseriesRow> mlOnly = result(Variant.ML_ONLY, rep).rows();
    long stepUs = scenario.outputStepUs();
    long inLearning = 0;
    long mlOnlyInThosePhases = 0;
    for (long[] ph : phases()) {
      long learning = 0;
      long learningRows = 0;
      long other = 0;
      for (int i = 0; i < proxy.size(); i++) {
        long t = proxy.get(i).timeUs() - stepUs;
        if (t < ph[0] || t >= ph[1]) {
          continue;
        }
        if (proxy.get(i).proxy().mode().equals("LEARNING")) {
          learning += proxy.get(i).proxy().mlPageouts();
          learningRows++;
        }
        other += mlOnly.get(i).proxy().mlPageouts();
      }
      if (learningRows > 0) {
        inLearning += learning;
        mlOnlyInThosePhases += other;
      }
    }
    return mlOnlyInThosePhases == 0 ? Double.NaN : (double) inLearning / mlOnlyInThosePhases;
  }

  /** Rows start times outside every fault's window ([at, at + duration), or the next count agent periods). */
  LongPredicate outsideFaults() {
    List<long[]> windows = new ArrayList<>();
    for (FaultSpec f : scenario.faults()) {
      long length = f.durationUs() > 0 ? f.durationUs() : (long) Math.max(1, f.count()) * scenario.agent().periodUs();
      windows.add(new long[] {f.atUs(), f.atUs() + length});
    }
    return t -> windows.stream().noneMatch(w -> t >= w[0] && t < w[1]);
  }

  /** Proxy transitions of one replication into EMERGENCY because the model was unreliable. */
  List<EventLog.Entry> modelUnreliable(int rep) {
    return transitions(rep).stream()
        .filter(e -> e.to().equals("EMERGENCY") && e.reason().startsWith("emergency_model_unreliable"))
        .toList();
  }

  /** Rejected recommendations of the proxy in one replication whose reason contains {@code word}. */
  long rejected(int rep, String word) {
    return result(Variant.PROXY, rep).events().stream()
        .filter(e -> e.kind().equals(EventLog.RECOMMENDATION_REJECTED) && e.reason().contains(word))
        .count();
  }
}
