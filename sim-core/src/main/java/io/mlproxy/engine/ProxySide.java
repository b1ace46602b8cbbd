package io.mlproxy.engine;

import io.mlproxy.damon.DamosScheme;
import io.mlproxy.damon.RegionsView;
import io.mlproxy.memory.Memory;
import io.mlproxy.policy.DecisionLedger;
import io.mlproxy.policy.JudgementSink;
import io.mlproxy.policy.ProxyReclaimHook;
import io.mlproxy.proxy.DecisionSource;
import io.mlproxy.proxy.HintTable;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeSignals;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModeTransition;
import io.mlproxy.proxy.ProxyConfig;
import io.mlproxy.proxy.SystemMode;
import java.util.List;
import java.util.Locale;

/**
 * The kernel side of one ML variant: the DAMON_RECLAIM scheme decided through the proxy, the
 * ledger that judges every decision in the shadow, and the plumbing between them each aggregation:
 * judged batches go to estimate_efficiency, closed decisions to error_backpropagation, then
 * correct_system_state lets the controller act on the fresh evidence.
 */
final class ProxySide implements JudgementSink {

  private final MlModelProxy proxy;
  private final DamonSubsystem subsystem;
  private final DecisionLedger ledger;
  private final ProxyReclaimHook hook;
  private int transitionsLogged;
  private long lastDecisionsMl;
  private long lastDecisionsDefault;
  private long lastMlPageouts;

  ProxySide(RunPlan plan, String name, Memory memory, DamosScheme scheme, RegionsView regions,
            ProxyClockSource clock) {
    subsystem = new DamonSubsystem(scheme, plan.reclaim(), plan.monitor());
    proxy = MlModelProxy.create(name, subsystem, subsystem, clock::nowMs);
    proxy.init(
        ProxyConfig.forAddressSpace(plan.addressPages()).withJudgement(plan.breakEvenMs(), plan.feedbackWindowMs()),
        plan.thresholds());
    ledger = new DecisionLedger(memory, plan.feedbackWindowMs(), plan.breakEvenMs());
    ledger.setSink(this);
    memory.setWatchListener(ledger);
    hook = new ProxyReclaimHook(proxy, scheme, ledger, memory, regions);
    scheme.setDecisionHook(hook);
  }

  /** The simulated millisecond clock the proxy reads. */
  @FunctionalInterface
  interface ProxyClockSource {
    long nowMs();
  }

  MlModelProxy proxy() {
    return proxy;
  }

  DamonSubsystem subsystem() {
    return subsystem;
  }

  /** Before the scheme is applied at {@code nowUs}: the hook stamps its decisions with that time. */
  void beforeDecisions(long nowUs) {
    hook.at(nowUs, subsystem.recommendedMinAge(proxy));
  }

  /**
   * At an aggregation: closes the decisions whose window ended (feedback to the agent), then lets
   * the controller act on the evidence. Returns the mode the proxy is in afterwards.
   */
  SystemMode judgeAndCorrect(long nowUs, int pressurePermille) {
    ledger.flush(nowUs);
    return proxy.correctSystemState(pressurePermille);
  }

  @Override
  public void opened(long decisionId, int mlOpinion, int defaultAction, int pages) {
    proxy.estimateEfficiency(decisionId, mlOpinion, defaultAction, pages);
  }

  @Override
  public void outcome(long decisionId, long delayMs) {
    proxy.reportOutcome(decisionId, delayMs);
  }

  @Override
  public void judged(long decidedAtMs, long adviceGeneration, int start, int end, int ml, int dflt,
                     boolean mlDecided, long value, int pages, int touched) {
    if (ml < 0) {
      return; // the model had no opinion: there is no error of its to propagate
    }
    // the error of the model's opinion, whoever decided: in LEARNING most of what the model learns
    // from is what its advice would have done where the default decided
    boolean mlPagesOut = ml == io.mlproxy.proxy.HintAction.CODE_PAGEOUT;
    proxy.errorBackpropagation(
        adviceGeneration,
        start,
        end,
        mlDecided ? DecisionSource.CODE_ML : DecisionSource.CODE_DEFAULT,
        ml,
        mlPagesOut ? value : 0,
        touched);
  }

  /** Appends the controller's transitions since the last call to {@code events}. */
  void logTransitions(EventLog events) {
    List<ModeTransition> all = proxy.transitions();
    for (; transitionsLogged < all.size(); transitionsLogged++) {
      ModeTransition t = all.get(transitionsLogged);
      String reason = t.reason().name().toLowerCase(Locale.ROOT);
      if (t.detail() != null && !t.detail().isEmpty()) {
        reason = reason + ": " + t.detail();
      }
      events.add(t.atMs() * 1000, EventLog.MODE_TRANSITION, t.from().name(), t.to().name(), reason, t.evidence());
    }
  }

  /** The proxy's columns of the row ending at {@code nowUs}. */
  ProxyColumns columns(long nowUs, int pressurePermille) {
    long[] decisions = proxy.decisionCounts();
    long ml = decisions[0];
    long def = decisions[1];
    long dm = ml - lastDecisionsMl;
    long dd = def - lastDecisionsDefault;
    lastDecisionsMl = ml;
    lastDecisionsDefault = def;
    int mlShare = dm + dd == 0 ? 0 : (int) (dm * 1000 / (dm + dd));
    long mlOut = hook.mlPagesPagedOut();
    long mlPageouts = mlOut - lastMlPageouts;
    lastMlPageouts = mlOut;
    ModeSignals sig = proxy.estimateSystemState(pressurePermille);
    ModeThresholds th = proxy.thresholds();
    int hints = 0;
    long staleness = ProxyColumns.ABSENT;
    HintTable t = proxy.hintTable().orElse(null);
    if (t != null) {
      hints = t.size();
      staleness = Math.max(0, nowUs / 1000 - t.installedAtMs());
    }
    return new ProxyColumns(
        proxy.mode().name(),
        mlShare,
        mlPageouts,
        sig.mlPages() == 0 ? ProxyColumns.ABSENT : Math.floorDiv(sig.mlValueSum(), sig.mlPages()),
        sig.defaultPages() == 0 ? ProxyColumns.ABSENT : Math.floorDiv(sig.defaultValueSum(), sig.defaultPages()),
        sig.evidence(),
        sig.recentEvidence(),
        sig.evidence().margin(th.promoteMarginPermille()),
        -sig.recentEvidence().margin(th.demoteMarginPermille()),
        hints,
        sig.recommendationAgeMs() < 0 ? ProxyColumns.ABSENT : sig.recommendationAgeMs(),
        staleness);
  }

  /** Pages paged out by decisions ML took, over the run. */
  long mlPagesPagedOut() {
    return hook.mlPagesPagedOut();
  }
}
