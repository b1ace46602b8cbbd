package io.mlproxy.report;

/** The ML model proxy's system modes, as they appear in the results (the RFC's four modes). */
public enum Mode {
  /** Default algorithm only. */
  EMERGENCY,
  /** ML on a small share of operations, every decision checked. */
  LEARNING,
  /** About half the operations use ML, the default corrects. */
  COLLABORATION,
  /** ML replaces the default. */
  RECOMMENDATION;

  /** The mode named {@code s}, or null when there is none of that name. */
  public static Mode parse(String s) {
    for (Mode m : values()) {
      if (m.name().equals(s)) {
        return m;
      }
    }
    return null;
  }
}
