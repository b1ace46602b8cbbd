package io.mlproxy.scenario;

/**
 * A synthetic access pattern of a workload phase. Positions and lengths are fractions of the
 * address space (0..1), so a scenario keeps its shape when the memory size changes.
 */
public sealed interface PatternSpec {

  /** The pattern's name in scenario files. */
  String yamlName();

  /**
   * A hot set: {@code hotFraction} of the pages, starting at {@code position}, receives
   * {@code hotShare} of the touches, the rest uniformly; the hot set moves by
   * {@code driftPagesPerSecond} (wrapping around).
   */
  record Hotset(double hotFraction, double hotShare, double position, double driftPagesPerSecond)
      implements PatternSpec {
    /** hot_fraction 0.2, hot_share 0.9, position 0, drift 0. */
    public static Hotset defaults() {
      return new Hotset(0.2, 0.9, 0, 0);
    }

    @Override
    public String yamlName() {
      return "hotset";
    }
  }

  /** Zipf-distributed page popularity with exponent {@code skew}, ranks scrambled over pages. */
  record Zipf(double skew, boolean scrambled) implements PatternSpec {
    /** skew 1.0, scrambled. */
    public static Zipf defaults() {
      return new Zipf(1.0, true);
    }

    @Override
    public String yamlName() {
      return "zipf";
    }
  }

  /** A sequential scan over [start, start+length) with a page stride, looping or not. */
  record Scan(int stride, boolean looping, double start, double length) implements PatternSpec {
    /** stride 1, looping, the whole space. */
    public static Scan defaults() {
      return new Scan(1, true, 0, 1);
    }

    @Override
    public String yamlName() {
      return "scan";
    }
  }

  /** Uniform touches over [start, start+length). */
  record Uniform(double start, double length) implements PatternSpec {
    /** The whole space. */
    public static Uniform defaults() {
      return new Uniform(0, 1);
    }

    @Override
    public String yamlName() {
      return "uniform";
    }
  }

  /** A footprint growing linearly from {@code from} to {@code to} of the space over {@code overUs}. */
  record Growth(double from, double to, long overUs) implements PatternSpec {
    @Override
    public String yamlName() {
      return "growth";
    }
  }

  /**
   * A range [start, start+length) that is hot (gets {@code hotShare} of the touches) during the
   * first half of every {@code periodUs} and cold during the second half.
   */
  record Periodic(double start, double length, long periodUs, double hotShare)
      implements PatternSpec {
    @Override
    public String yamlName() {
      return "periodic";
    }
  }
}
