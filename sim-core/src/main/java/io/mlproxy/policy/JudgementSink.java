package io.mlproxy.policy;

/** Receives each judged decision: what both sources said and what the pages did next. */
@FunctionalInterface
public interface JudgementSink {

  /**
   * One decision, judged once its feedback window closed.
   *
   * @param mlOpinion the ML action code (HintAction), or −1 when ML abstained
   * @param defaultAction the default algorithm's action code (HintAction)
   * @param mlDecided whether the ML opinion was the one carried out
   * @param pageoutValuePageMs what paging the judged pages out was (or would have been) worth:
   *     Σ (min(g, W) − B) over the pages, g the time to their next touch
   * @param pages the pages judged (resident at decision time and not under another judgement)
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
