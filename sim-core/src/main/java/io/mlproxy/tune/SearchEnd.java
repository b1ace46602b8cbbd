package io.mlproxy.tune;

/** Thrown through an optimizer to end the search: budget spent, stop requested, or no progress. */
final class SearchEnd extends RuntimeException {

  /** Why the search ended. */
  enum Reason { BUDGET, STOPPED, STALLED }

  private final Reason reason;

  SearchEnd(Reason reason) {
    super(reason.name(), null, false, false);
    this.reason = reason;
  }

  Reason reason() {
    return reason;
  }
}
