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

  /** Whether the score is a time per operation (convertible to ns/op). */
  public boolean isTimePerOp() {
    return !Double.isNaN(nanosPer(scoreUnit));
  }

  /** The score in ns/op (NaN for throughput units). */
  public double nsPerOp() {
    return score * nanosPer(scoreUnit);
  }

  /** The error in ns/op (NaN for throughput units or when JMH reported none). */
  public double nsPerOpError() {
    return scoreError * nanosPer(scoreUnit);
  }

  /**
   * The error bar in ns/op, {low, high}: JMH's 99.9% interval when it computed one (clipped at
   * 0, as a time cannot be negative), else the range of the measured iterations, else NaN.
   */
  public double[] nsPerOpBar() {
    double k = nanosPer(scoreUnit);
    if (!Double.isNaN(scoreError)) {
      double low = Double.isNaN(confidenceLow) ? score - scoreError : confidenceLow;
      double high = Double.isNaN(confidenceHigh) ? score + scoreError : confidenceHigh;
      return new double[] {Math.max(0, low) * k, high * k};
    }
    if (!Double.isNaN(rawMin)) {
      return new double[] {rawMin * k, rawMax * k};
    }
    return new double[] {Double.NaN, Double.NaN};
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
