package io.mlproxy.agent;

import io.mlproxy.proxy.Recommendation;

/**
 * Turns per-region opinions into region hints, merging neighbours with the same action.
 *
 * <p>DAMON regions split and merge between the dataset and the moment a hint is used, and the
 * proxy only follows a hint that covers a whole candidate region; wide hints over runs of
 * regions with one opinion keep covering the regions that replace them. A merged hint carries the
 * lowest confidence of its parts.
 */
final class HintCoalescer {

  private final Recommendation.Builder out;
  private long start = -1;
  private long end;
  private int action = -1;
  private int confidence;
  private int hints;

  HintCoalescer(Recommendation.Builder out) {
    this.out = out;
  }

  /** Adds the opinion on [startPage, endPage); {@code action} −1 means no opinion. */
  void add(long startPage, long endPage, int hintAction, int confidencePermille) {
    if (hintAction == action && startPage == end && hintAction >= 0) {
      end = endPage;
      confidence = Math.min(confidence, confidencePermille);
      return;
    }
    flush();
    if (hintAction >= 0) {
      start = startPage;
      end = endPage;
      action = hintAction;
      confidence = confidencePermille;
    }
  }

  /** Emits the pending hint; returns how many hints were emitted in all. */
  int finish() {
    flush();
    return hints;
  }

  private void flush() {
    if (action >= 0) {
      out.region(start, end, action, confidence);
      hints++;
    }
    action = -1;
    start = -1;
    end = -1;
  }
}
