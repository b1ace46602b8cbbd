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

  /** Whether decisions of this variant go through the proxy's execute_operation. */
  public boolean usesProxy() {
    return this == HANDCRAFTED || this == PROXY || this == ML_ONLY;
  }

  /** Whether a user-space agent runs next to this variant. */
  public boolean runsAgent() {
    return this == PROXY || this == ML_ONLY;
  }
}
