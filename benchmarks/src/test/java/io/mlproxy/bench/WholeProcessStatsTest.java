package io.mlproxy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code whole-process.sh stats}: the summary of paired ratios that judges a speed goal on a noisy host. */
class WholeProcessStatsTest {

  private static final Path SCRIPT = Path.of("whole-process.sh");

  /** Runs {@code stats} on {@code ratios}; returns exit code and output. */
  private static Result stats(List<String> ratios) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", SCRIPT.toString(), "stats").redirectErrorStream(true).start();
    p.getOutputStream().write(ratios.stream().map(r -> r + "\n").collect(Collectors.joining()).getBytes(StandardCharsets.US_ASCII));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private record Result(int code, String out) {}

  @Test
  void fifteenPairsGiveTheFourthAndTwelfthRatiosAsTheMediansInterval() throws Exception {
    List<String> ratios = List.of("2.4", "1.9", "2.1", "2.0", "1.8", "2.2", "2.05", "1.95", "2.3", "1.7", "2.15",
        "1.85", "2.25", "1.99", "0.98");
    Result r = stats(ratios);
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("wall ratios A/B: 2.000 (range 0.980–2.400; B quicker in 14 of 15 pairs)")
        .contains("95 % confidence interval of that median: 1.850–2.200 (order statistics 4 and 12 of 15, coverage 96.5 %)");
  }

  @Test
  void theIntervalsOrderStatisticMatchesTheExactBinomialForEveryCount() throws Exception {
    Random random = new Random(7);
    for (int n = 6; n <= 60; n += 3) {
      List<String> ratios = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        ratios.add(Integer.toString(i)); // ratio i is the i-th order statistic
      }
      Collections.shuffle(ratios, random);
      int k = exactK(n);
      assertThat(stats(ratios).out()).as("n = %d", n)
          .contains(String.format("order statistics %d and %d of %d", k, n + 1 - k, n))
          .contains(String.format("interval of that median: %d.000–%d.000", k, n + 1 - k));
    }
  }

  @Test
  void fewerThanSixPairsHaveNoIntervalAndNoneIsAnError() throws Exception {
    assertThat(stats(List.of("1.1", "0.9", "1.2")).out()).contains("too few pairs (3; it needs 6)")
        .contains("median of the pairs' wall ratios A/B: 1.100");
    Result none = stats(List.of());
    assertThat(none.code()).isNotZero();
    assertThat(none.out()).contains("no ratios");
  }

  /** The largest k with P(Binomial(n, 1/2) < k) <= 2.5 %, exactly. */
  private static int exactK(int n) {
    BigInteger total = BigInteger.TWO.pow(n);
    BigInteger below = BigInteger.ZERO;
    int k = 0;
    for (int i = 0; i < n; i++) {
      below = below.add(binomial(n, i));
      // below / total <= 1/40
      if (below.multiply(BigInteger.valueOf(40)).compareTo(total) > 0) {
        break;
      }
      k = i + 1;
    }
    return k;
  }

  private static BigInteger binomial(int n, int i) {
    BigInteger c = BigInteger.ONE;
    for (int j = 1; j <= i; j++) {
      c = c.multiply(BigInteger.valueOf(n - j + 1)).divide(BigInteger.valueOf(j));
    }
    return c;
  }
}
