package io.mlproxy.report;

import java.util.Map;

/**
 * One JMH result: benchmark method, mode, parameters, the primary score with JMH's error
 * (half-width of its 99.9% interval) and unit, and bytes allocated per operation (NaN if not
 * profiled with {@code -prof gc}).
 */
public record BenchmarkResult(
    String benchmark,
    String mode,
    Map<String, String> params,
    double score,
    double scoreError,
    String scoreUnit,
    double bytesPerOp) {

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
