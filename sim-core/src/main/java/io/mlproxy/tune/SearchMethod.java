package io.mlproxy.tune;

import java.util.Locale;

/** The optimizers {@code workbench tune} offers. */
public enum SearchMethod {
  /** Covariance matrix adaptation evolution strategy (Commons Math CMAESOptimizer), with restarts. */
  CMAES,
  /** Powell's bound-constrained quadratic-model method (Commons Math BOBYQAOptimizer), with restarts. */
  BOBYQA,
  /** Uniform random points in the box: the baseline every method should beat. */
  RANDOM;

  /** The name used on the command line and in tuning.csv. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a command-line name. */
  public static SearchMethod parse(String name) {
    for (SearchMethod m : values()) {
      if (m.cliName().equals(name.trim().toLowerCase(Locale.ROOT))) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown method '" + name + "' (expected cmaes, bobyqa or random)");
  }
}
