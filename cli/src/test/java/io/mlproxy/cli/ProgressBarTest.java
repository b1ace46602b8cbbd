package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void showsShareRunsElapsedAndEstimateFromSimulatedTime() {
    AtomicLong nanos = new AtomicLong();
    AtomicLong simulated = new AtomicLong();
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), true, nanos::get);
    bar.start("static-hot-cold", simulated::get, 15 * 180_000_000L, 15);
    // drawn at once, before any run finished: unit, elapsed, no estimate yet
    assertThat(out.toString()).contains("static-hot-cold", "0%", "0/15 runs", "0:00 elapsed", "ETA …");
    nanos.set(12_000_000_000L);
    simulated.set(15 * 180_000_000L / 4);
    bar.finished(3, 15);
    String line = bar.line();
    assertThat(line).contains(" 25%", "3/15 runs", "0:12 elapsed", "ETA 0:36");
    assertThat(line.length()).isLessThanOrEqualTo(79);
    simulated.set(15 * 180_000_000L);
    bar.finished(15, 15);
    assertThat(bar.line()).contains("100%", "15/15 runs", "writing results");
    bar.close();
    assertThat(out.toString()).endsWith("\r");
  }

  @Test
  void drawsAtOnceWhilePreparingAndCountsElapsedFromThere() {
    AtomicLong nanos = new AtomicLong();
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), true, nanos::get);
    bar.preparing("scan-storms");
    assertThat(out.toString()).contains("scan-storms", "starting", "0:00 elapsed");
    nanos.set(4_000_000_000L);
    bar.start("scan-storms", () -> 0, 100, 5);
    nanos.set(14_000_000_000L);
    // elapsed since the bar appeared; the estimate only from the runs' own time
    assertThat(bar.line()).contains("0/5 runs", "0:14 elapsed").doesNotContain("starting");
    bar.close();
  }

  @Test
  void countsEvaluationsForTune() {
    AtomicLong nanos = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), true, nanos::get);
    bar.count("best +0.1000", 0, 60, "evaluations");
    nanos.set(65_000_000_000L);
    bar.count("best +0.1200", 13, 60, "evaluations");
    assertThat(bar.line()).contains("best +0.1200", "22%", "13/60 evaluations", "1:05 elapsed", "ETA 3:55");
    bar.close();
  }

  @Test
  void drawsNothingWhenNotOnATerminal() {
    StringWriter out = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(out), false);
    bar.start("x", () -> 0, 100, 1);
    bar.finished(1, 1);
    bar.close();
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void clockFormat() {
    assertThat(ProgressBar.clock(5)).isEqualTo("0:05");
    assertThat(ProgressBar.clock(95)).isEqualTo("1:35");
    assertThat(ProgressBar.clock(3725)).isEqualTo("1:02:05");
  }
}
