package io.mlproxy.engine;

import java.util.Arrays;
import java.util.Locale;

/** The policy variants a scenario compares, in the order results list them. */
public enum Variant {
  /** No proactive reclaim: the reference for slowdown. */
  NONE("none"),
  /** DAMON_RECLAIM alone: the proxy forced to EMERGENCY. */
  HANDCRAFTED("handcrafted"),
  /** The adaptive proxy: modes chosen by the mode controller. */
  PROXY("proxy"),
  /** The proxy forced to RECOMMENDATION: ML decides wherever it has a hint. */
  ML_ONLY("ml-only"),
  /** Sees the future: pages out exactly what will not be touched within the horizon. */
  ORACLE("oracle");

  private final String label;

  Variant(String label) {
    this.label = label;
  }

  /** The name used in scenario files, folders and CSVs. */
  public String label() {
    return label;
  }

  /** Whether decisions of this variant go through the proxy's executeOperation. */
  public boolean usesProxy() {
    return this == HANDCRAFTED || this == PROXY || this == ML_ONLY;
  }

  /** Whether an agent runs next to this variant. */
  public boolean runsAgent() {
    return this == PROXY || this == ML_ONLY;
  }

  /** Parses a label such as {@code ml-only}; the message lists the accepted ones. */
  public static Variant fromLabel(String label) {
    for (Variant v : values()) {
      if (v.label.equals(label.toLowerCase(Locale.ROOT))) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "unknown variant '" + label + "' (expected one of "
            + String.join(", ", Arrays.stream(values()).map(Variant::label).toList()) + ")");
  }
}
