package io.mlproxy.scenario;

/**
 * The objective a variant is scored by: {@code saving − lambda·slowdown}; lambda 1.0 weighs memory
 * and runtime overhead equally, as DAMOOS does.
 */
public record Objective(double lambda) {

  /** lambda = 1.0. */
  public static Objective defaults() {
    return new Objective(1.0);
  }
}
