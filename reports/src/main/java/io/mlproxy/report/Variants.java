package io.mlproxy.report;

import java.util.Comparator;
import java.util.List;

/** The policy variants a scenario compares, in their canonical order. */
public final class Variants {

  /** No reclaim at all: the reference for slowdown. */
  public static final String NONE = "none";
  /** DAMON_RECLAIM-like handcrafted policy (proxy forced to EMERGENCY). */
  public static final String HANDCRAFTED = "handcrafted";
  /** The adaptive proxy. */
  public static final String PROXY = "proxy";
  /** ML alone (proxy forced to RECOMMENDATION). */
  public static final String ML_ONLY = "ml-only";
  /** Sees the future: the upper bound. */
  public static final String ORACLE = "oracle";

  /** All variants, in the order results list them. */
  public static final List<String> ALL = List.of(NONE, HANDCRAFTED, PROXY, ML_ONLY, ORACLE);

  /** Orders variant names canonically. */
  public static final Comparator<String> ORDER = Comparator.comparingInt(ALL::indexOf);

  private Variants() {}

  /** Whether {@code name} is one of the known variants. */
  public static boolean isKnown(String name) {
    return ALL.contains(name);
  }
}
