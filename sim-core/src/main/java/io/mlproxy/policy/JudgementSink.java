package io.mlproxy.policy;

/**
 * Receives what the {@link DecisionLedger} judges: decisions as they are taken, page outcomes as
 * they happen (the proxy's estimate_efficiency), and each decision as a whole once its window
 * closed (the feedback to the agent).
 */
public interface JudgementSink {

  /** Ignores everything. */
  JudgementSink NONE = new JudgementSink() {
    @Override
    public void opened(long decisionId, int mlOpinion, int defaultAction, int pages) {
    }

    @Override
    public void outcome(long decisionId, long delayMs) {
    }

    @Override
    public void judged(long decidedAtMs, long adviceGeneration, int startPage, int endPage, int mlOpinion, int defaultAction,
                       boolean mlDecided, long pageoutValuePageMs, int pages, int touched) {
    }
  };

  /**
   * A decision on {@code pages} pages is under judgement from now.
   *
   * @param decisionId increasing id of the decision
   * @param mlOpinion the ML action code (HintAction), or −1 when ML abstained
   * @param defaultAction the default algorithm's action code (HintAction)
   */
  void opened(long decisionId, int mlOpinion, int defaultAction, int pages);

  /** One page of the decision was touched {@code delayMs} after it (less than W). Called on the touch path. */
  void outcome(long decisionId, long delayMs);

  /**
   * One decision, judged as a whole once its window closed (for the feedback to the agent).
   *
   * @param adviceGeneration generation of the advice in force when the decision was taken
   * @param mlOpinion the ML action code (HintAction), or −1 when ML abstained
   * @param defaultAction the default algorithm's action code (HintAction)
   * @param mlDecided whether the ML opinion was the one carried out
   * @param pageoutValuePageMs what paging the judged pages out was (or would have been) worth:
   *     Σ (min(g, W) − B) over the pages, g the time to their next touch
   * @param pages the pages judged (resident and old at decision time and not under another judgement)
   * @param touched judged pages touched again within the window (refaults, if paged out)
   */
  void judged(
      long decidedAtMs,
      long adviceGeneration,
      int startPage,
      int endPage,
      int mlOpinion,
      int defaultAction,
      boolean mlDecided,
      long pageoutValuePageMs,
      int pages,
      int touched);
}
