package io.mlproxy.policy;

/** Receives what the {@link DecisionLedger} judged: batches of pages as outcomes arrive, decisions as windows close. */
public interface JudgementSink {

  /**
   * Pages of one decision whose outcome is now known: what paging them out was (or would have
   * been) worth, for the controller's evidence (ml_lib estimate_efficiency).
   *
   * @param mlOpinion the ML action code (HintAction), or −1 when ML abstained
   * @param defaultAction the default algorithm's action code (HintAction)
   * @param pages pages in the batch
   * @param valuePageMs Σ (min(g, W) − B) over them
   * @param absValuePageMs Σ |min(g, W) − B| over them
   */
  void evidence(int mlOpinion, int defaultAction, long pages, long valuePageMs, long absValuePageMs);

  /**
   * One decision, judged as a whole once its window closed (for the feedback to the agent).
   *
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
      int startPage,
      int endPage,
      int mlOpinion,
      int defaultAction,
      boolean mlDecided,
      long pageoutValuePageMs,
      int pages,
      int touched);
}
