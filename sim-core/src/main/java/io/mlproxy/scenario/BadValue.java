package io.mlproxy.scenario;

/** A scalar that does not parse or is out of range: the problem and what was expected instead. */
final class BadValue extends Exception {
  private static final long serialVersionUID = 1L;

  private final String expected;

  BadValue(String problem, String expected) {
    super(problem, null, false, false);
    this.expected = expected;
  }

  /** What a valid value looks like, or null when the problem says it all. */
  String expected() {
    return expected;
  }
}
