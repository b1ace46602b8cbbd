package io.mlproxy.report;

import java.util.Map;

/**
 * One JMH result: benchmark method, mode, parameters, the primary score with JMH's error
 * (half-width of its 99.9% interval), its confidence interval and the range of the measured
 * iterations (NaN when absent), the unit, and bytes allocated per operation (NaN if not profiled
 * with {@code -prof gc}).
 */
public record BenchmarkResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    double score,
    double scoreError,
    String scoreUnit,
    double bytesPerOp,
    double confidenceLow,
    double confidenceHigh,
    double rawMin,
    double rawMax) {

  /** A result without interval or per-iteration data. */
  public BenchmarkResult(String benchmark, String mode, Map<String, String> params, double score,
      double scoreError, String scoreUnit, double bytesPerOp) {
    this(benchmark, mode, params, score, scoreError, scoreUnit, bytesPerOp, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN);
  }

  /** Nanoseconds per time unit for JMH's time-per-operation units. */
  private static double nanosPer(String unit) {
    return switch (unit) {
      case "ns/op" -> 1;
      case "us/op", "µs/op" -> 1e3;
      case "ms/op" -> 1e6;
      case "s/op" -> 1e9;
      default -> Double.NaN;
    };
  }

  /** Nanoseconds per time unit for JMH's throughput units (operations per unit of time). */
  private static double nanosPerThroughputUnit(String unit) {
    return switch (unit) {
      case "ops/ns" -> 1;
      case "ops/us", "ops/µs" -> 1e3;
      case "ops/ms" -> 1e6;
      case "ops/s" -> 1e9;
      case "ops/min" -> 60e9;
      default -> Double.NaN;
    };
  }

  /** Whether the score is a time per operation. */
  public boolean isTimePerOp() {
    return !Double.isNaN(nanosPer(scoreUnit));
  }

  /** Whether the score is a throughput (operations per unit of time). */
  public boolean isThroughput() {
    return !Double.isNaN(nanosPerThroughputUnit(scoreUnit));
  }

  /** Whether the score converts to a time per operation (a time, or a throughput's inverse). */
  public boolean hasNsPerOp() {
    return isTimePerOp() || isThroughput();
  }

  /** The score in ns/op (a throughput inverted), NaN for other units. */
  public double nsPerOp() {
    return isThroughput() ? nanosPerThroughputUnit(scoreUnit) / score : score * nanosPer(scoreUnit);
  }

  /** The error in ns/op of a time score (NaN for throughput units or when JMH reported none). */
  public double nsPerOpError() {
    return scoreError * nanosPer(scoreUnit);
  }

  /**
   * The error bar in ns/op, {low, high}: JMH's 99.9% interval when it computed one (clipped at
   * 0, as a time cannot be negative), else the range of the measured iterations, else NaN. For
   * a throughput the interval is inverted (its high end is the short time).
   */
  public double[] nsPerOpBar() {
    double low;
    double high;
    if (!Double.isNaN(scoreError)) {
      low = Double.isNaN(confidenceLow) ? score - scoreError : confidenceLow;
      high = Double.isNaN(confidenceHigh) ? score + scoreError : confidenceHigh;
    } else if (!Double.isNaN(rawMin)) {
      low = rawMin;
      high = rawMax;
    } else {
      return new double[] {Double.NaN, Double.NaN};
    }
    if (isThroughput()) {
      double k = nanosPerThroughputUnit(scoreUnit);
      return new double[] {k / high, low > 0 ? k / low : Double.POSITIVE_INFINITY};
    }
    double k = nanosPer(scoreUnit);
    return new double[] {Math.max(0, low) * k, high * k};
  }

  /** "Class.method" without the package. */
  public String shortName() {
    int method = benchmark.lastIndexOf('.');
    int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(cls + 1);
  }

  /** Parameters as "a=1, b=x", or "" without parameters. */
  public String paramText() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, String> e : params.entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(e.getKey()).append('=').append(e.getValue());
    }
    return b.toString();
  }
}
