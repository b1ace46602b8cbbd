package io.mlproxy.policy;

import io.mlproxy.damon.DamosAccessPattern;
import io.mlproxy.damon.DamosAction;
import io.mlproxy.damon.DamosDecisionHook;
import io.mlproxy.damon.DamosScheme;
import io.mlproxy.damon.RegionsView;
import io.mlproxy.memory.Memory;
import io.mlproxy.proxy.Decision;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.HintTable;
import io.mlproxy.proxy.MlModelProxy;

/**
 * The ML-applied policy: DAMON_RECLAIM proposes a default action for every region and the proxy's
 * {@code executeOperation} decides, according to its mode, whether the default or the ML hint is
 * carried out, and over how much of the region (up to the edge of ML's part in the shared modes;
 * the scheme splits the region there).
 *
 * <p>ML may page out regions the scheme would not touch, but never past the scheme's limits: a
 * pageout the default did not propose needs the scheme active (watermarks) and a page of quota
 * left, and the scheme clips it to the quota, so the ML variants reclaim within the same budget as
 * the handcrafted one. An ML pageout over a range with no resident page is not carried out: it
 * would do nothing but reset the region's DAMON age, which the default's own judgement of the region
 * relies on. Every decision is handed to the {@link DecisionLedger} for shadow evaluation.
 *
 * <p>A recommended min_age (a parameter hint) is ML's opinion on every region no region hint
 * covers: what the scheme's access pattern says with that min_age instead of its own. The proxy
 * then bounds, judges and promotes it like region hints, rather than the scheme being retuned
 * wholesale the moment a recommendation arrives.
 */
public final class ProxyReclaimHook implements DamosDecisionHook {

  private final MlModelProxy proxy;
  private final DamosScheme scheme;
  private final DecisionLedger ledger;
  private final Memory memory;
  private final RegionsView regions;
  private long nowUs;
  private DamosAccessPattern recommendedPattern;
  private long adviceGeneration;
  private int lastTag;
  private int lastEnd;
  private boolean lastFromMl;
  private long mlPagesPagedOut;

  public ProxyReclaimHook(MlModelProxy proxy, DamosScheme scheme, DecisionLedger ledger, Memory memory,
                          RegionsView regions) {
    this.proxy = proxy;
    this.scheme = scheme;
    this.ledger = ledger;
    this.memory = memory;
    this.regions = regions;
  }

  /**
   * Before the scheme is applied at {@code nowUs}: stamps the coming decisions with that time and
   * takes the model's recommended min_age in aggregation intervals (-1: none recommended).
   */
  public void at(long nowUs, int recommendedMinAge) {
    this.nowUs = nowUs;
    this.adviceGeneration = proxy.hintTable().map(HintTable::generation).orElse(0L);
    this.recommendedPattern = recommendedMinAge < 0 ? null : scheme.pattern().withMinAge(recommendedMinAge);
  }

  @Override
  public int decide(int regionIndex, int startPage, int endPage, int defaultAction) {
    int dflt = toHint(defaultAction);
    long d = proxy.executeOperation(startPage, endPage, dflt, parameterOpinion(regionIndex));
    int decidedEnd = (int) (startPage + Decision.pages(d));
    int chosen = Decision.action(d);
    boolean fromMl = Decision.isMl(d);
    if (fromMl && chosen == HintAction.CODE_PAGEOUT && dflt != HintAction.CODE_PAGEOUT
        && (!scheme.isActive() || scheme.remainingQuotaBytes() < memory.pageSizeBytes()
            || memory.residentPages(startPage, decidedEnd) == 0)) {
      chosen = dflt;
      fromMl = false;
    }
    lastTag = ledger.record(nowUs, startPage, decidedEnd, Decision.mlOpinion(d), dflt, fromMl, adviceGeneration);
    lastEnd = decidedEnd;
    lastFromMl = fromMl;
    return toDamos(chosen);
  }

  /** What the scheme would do to the region with the recommended min_age, -1 without one. */
  private int parameterOpinion(int regionIndex) {
    DamosAccessPattern p = recommendedPattern;
    if (p == null) {
      return -1;
    }
    boolean matches = scheme.isActive() && scheme.remainingQuotaBytes() >= memory.pageSizeBytes() && p.matches(
        (long) regions.sizePages(regionIndex) * memory.pageSizeBytes(), regions.nrAccesses(regionIndex),
        regions.age(regionIndex));
    return matches ? toHint(scheme.action().code()) : HintAction.CODE_KEEP;
  }

  @Override
  public int lastDecisionTag() {
    return lastTag;
  }

  @Override
  public int lastDecisionEnd() {
    return lastEnd;
  }

  @Override
  public void applied(int action, int startPage, int endPage, int changedPages) {
    if (lastFromMl && action == DamosAction.PAGEOUT.code()) {
      mlPagesPagedOut += changedPages;
    }
  }

  /** Pages paged out by decisions ML took, so far. */
  public long mlPagesPagedOut() {
    return mlPagesPagedOut;
  }

  /** DAMOS action code → hint action code. */
  static int toHint(int damosAction) {
    return switch (DamosAction.ofCode(damosAction)) {
      case PAGEOUT -> HintAction.CODE_PAGEOUT;
      case LRU_PRIO -> HintAction.CODE_HOT;
      case LRU_DEPRIO -> HintAction.CODE_COLD;
      case NONE, STAT -> HintAction.CODE_KEEP;
    };
  }

  /** Hint action code → DAMOS action code. */
  static int toDamos(int hintAction) {
    return switch (HintAction.ofCode(hintAction)) {
      case PAGEOUT -> DamosAction.PAGEOUT.code();
      case HOT -> DamosAction.LRU_PRIO.code();
      case COLD -> DamosAction.LRU_DEPRIO.code();
      case KEEP -> DamosAction.NONE.code();
    };
  }
}
