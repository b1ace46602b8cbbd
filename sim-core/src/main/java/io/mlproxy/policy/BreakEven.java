package io.mlproxy.policy;

/**
 * The break-even time B: how long a paged-out page must stay untouched for the memory it frees to
 * pay for the fault that brings it back, under the scenario's objective.
 *
 * <p>score = saving − λ·slowdown. Keeping one page out for g seconds raises saving by
 * g / (D·F) (D the duration, F the mean footprint); one refault plus its pageout costs
 * (fault + pageout CPU) / T extra slowdown, with T = rate·D·hit the reference access time. The
 * two balance at B = λ·(fault + pageout)·F / (rate·hit); D cancels.
 */
public final class BreakEven {

  private BreakEven() {}

  /**
   * B in milliseconds.
   *
   * @param lambda the objective's weight of slowdown
   * @param faultUs cost of one major fault
   * @param pageoutUsPerPage CPU cost of paging one page out
   * @param footprintPages the (expected) mean footprint
   * @param touchesPerSecond the workload's rate
   * @param hitNs cost of one resident access
   */
  public static long millis(
      double lambda,
      long faultUs,
      long pageoutUsPerPage,
      long footprintPages,
      double touchesPerSecond,
      long hitNs) {
    if (!(lambda >= 0) || touchesPerSecond <= 0 || hitNs <= 0 || footprintPages <= 0) {
      throw new IllegalArgumentException(
          "break-even needs lambda >= 0 and positive rate, hit cost and footprint: lambda="
              + lambda + " rate=" + touchesPerSecond + " hit=" + hitNs + "ns footprint=" + footprintPages);
    }
    double seconds =
        lambda * (faultUs + pageoutUsPerPage) * 1e-6 * footprintPages / (touchesPerSecond * hitNs * 1e-9);
    return Math.max(1, Math.round(seconds * 1000));
  }
}
