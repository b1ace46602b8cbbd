package io.mlproxy.tune;

import io.mlproxy.engine.ConfidenceInterval;
import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationExecutor;
import io.mlproxy.engine.ReplicationOutcome;
import io.mlproxy.engine.ReplicationResult;
import io.mlproxy.engine.ReplicationScore;
import io.mlproxy.engine.ScenarioCompiler;
import io.mlproxy.engine.SummaryCalculator;
import io.mlproxy.scenario.ProxySpec;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores candidates on a fixed set of scenarios and seeds (common random numbers): every
 * candidate sees the same replication seeds. `none` and `handcrafted` do not depend on the
 * thresholds, so they run once per scenario and seed; each candidate then runs `proxy` (with the
 * engine's own `none` reference) and is scored against the cached runs. Replication outcomes are
 * deterministic for a seed, so this equals running all three variants together.
 */
public final class CandidateEvaluator {

  private final List<Scenario> scenarios;
  private final ReplicationExecutor executor;
  private final List<List<ReplicationOutcome>> baselines = new ArrayList<>();

  /**
   * @param scenarios the scenarios, with their seeds and replications already chosen
   * @param jobs threads per simulation batch (results do not depend on it)
   */
  public CandidateEvaluator(List<Scenario> scenarios, int jobs) {
    this(scenarios, ReplicationExecutor.threads(jobs));
  }

  /**
   * @param scenarios the scenarios, with their seeds and replications already chosen
   * @param executor where the simulations run (results do not depend on it)
   */
  public CandidateEvaluator(List<Scenario> scenarios, ReplicationExecutor executor) {
    if (scenarios.isEmpty()) {
      throw new IllegalArgumentException("no scenario to tune on");
    }
    this.scenarios = List.copyOf(scenarios);
    this.executor = executor;
  }

  /** {@code s} with another seed and replication count. */
  public static Scenario reseeded(Scenario s, long seed, int replications) {
    return ExperimentRunner.withOverrides(
        s, new ExperimentRunner.Options(null, replications, seed, 1, "tune", (d, t) -> {}));
  }

  /** The scenarios scored, in order. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** Scores of {@code c} on every scenario, in scenario order. */
  public List<ScenarioScore> score(Candidate c) {
    return scoreReplications(c).stream().map(ReplicatedScore::score).toList();
  }

  /** As {@link #score}, with the proxy's score in each replication, for paired comparisons. */
  public List<ReplicatedScore> scoreReplications(Candidate c) {
    List<ReplicatedScore> out = new ArrayList<>(scenarios.size());
    for (int i = 0; i < scenarios.size(); i++) {
      out.add(score(i, c));
    }
    return out;
  }

  private ReplicatedScore score(int index, Candidate c) {
    Scenario s = scenarios.get(index);
    List<ReplicationOutcome> baseline = baseline(index);
    ProxySpec p = s.proxy();
    Scenario withCandidate =
        variantsOnly(s, List.of(Variant.PROXY), new ProxySpec(p.mode(), c.applyTo(p.thresholds()), p.feedbackWindowUs()));
    List<ReplicationOutcome> outcomes = new ArrayList<>(baseline);
    for (ReplicationResult r : simulate(withCandidate)) {
      if (r.outcome().variant() == Variant.PROXY) {
        outcomes.add(r.outcome());
      }
    }
    SummaryCalculator calc = new SummaryCalculator(s.name(), s.objective().lambda());
    List<ReplicationScore> scores = calc.score(outcomes);
    double[] hand = scores.stream().filter(x -> x.outcome().variant() == Variant.HANDCRAFTED)
        .mapToDouble(ReplicationScore::score).toArray();
    double[] proxy = scores.stream().filter(x -> x.outcome().variant() == Variant.PROXY)
        .sorted(java.util.Comparator.comparingInt(x -> x.outcome().rep()))
        .mapToDouble(ReplicationScore::score).toArray();
    ConfidenceInterval handCi = ConfidenceInterval.of95(hand);
    double lower = Double.isNaN(handCi.halfWidth()) ? handCi.mean() : handCi.lower();
    double proxyMean = ConfidenceInterval.of95(proxy).mean();
    return new ReplicatedScore(new ScenarioScore(
        s.name(),
        ScenarioScore.round6(proxyMean),
        ScenarioScore.round6(handCi.mean()),
        ScenarioScore.round6(lower)), proxy);
  }

  private synchronized List<ReplicationOutcome> baseline(int index) {
    while (baselines.size() <= index) {
      Scenario s = scenarios.get(baselines.size());
      List<ReplicationOutcome> list = new ArrayList<>();
      for (ReplicationResult r : simulate(variantsOnly(s, List.of(Variant.HANDCRAFTED), s.proxy()))) {
        list.add(r.outcome());
      }
      baselines.add(List.copyOf(list));
    }
    return baselines.get(index);
  }

  private List<ReplicationResult> simulate(Scenario s) {
    return ExperimentRunner.simulate(ScenarioCompiler.compile(s), executor, (d, t) -> {});
  }

  private static Scenario variantsOnly(Scenario s, List<Variant> variants, ProxySpec proxy) {
    return new Scenario(
        s.name(), s.description(), s.durationUs(), s.seed(), s.replications(), variants, s.outputStepUs(),
        s.objective(), s.memory(), s.monitor(), s.policy(), proxy, s.agent(), s.workload(), s.faults(),
        s.oracle());
  }
}
