package io.mlproxy.scenario;

/** The policy variants a scenario compares, run with common random numbers. */
public enum Variant {
  /** No reclaim at all: the reference for slowdown. */
  NONE("none"),
  /** The proxy forced to EMERGENCY: DAMON_RECLAIM alone. */
  HANDCRAFTED("handcrafted"),
  /** The proxy with adaptive modes. */
  PROXY("proxy"),
  /** The proxy forced to RECOMMENDATION: the ML model alone. */
  ML_ONLY("ml-only"),
  /** Sees future accesses: the upper bound. */
  ORACLE("oracle");

  private final String yamlName;

  Variant(String yamlName) {
    this.yamlName = yamlName;
  }

  /** The name used in scenario files and result folders. */
  public String yamlName() {
    return yamlName;
  }
}
