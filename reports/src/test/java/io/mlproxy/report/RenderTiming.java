package io.mlproxy.report;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Measures report rendering for a realistic 10-minute scenario (5 variants × 3 replications,
 * 6000 output steps per time series): builds the results folder, then renders the report a few
 * times and prints load/render/write time and file size. Arguments: runs (4), output steps
 * (6000, i.e. 10 minutes at 100 ms), replications (3). Not a test: run it with
 * {@code reports/render-timing.sh} (compiles, builds the test classpath, runs this class).
 */
public final class RenderTiming {

  private RenderTiming() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Path root = Files.createTempDirectory("render-timing");
    ResultsFixture f = new ResultsFixture();
    f.steps = args.length > 1 ? Integer.parseInt(args[1]) : 6000;
    f.stepS = 0.1;
    f.reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    f.scenario = "timing-" + Math.round(f.steps * f.stepS) + "s";
    long t0 = System.nanoTime();
    Path dir = f.write(root);
    System.out.printf("results folder written in %.2f s: %s%n", (System.nanoTime() - t0) / 1e9, dir);
    var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    for (int i = 1; i <= runs; i++) {
      long cpu0 = cpu.getCurrentThreadCpuTime();
      long a = System.nanoTime();
      ScenarioResults r = ScenarioResults.load(dir);
      long b = System.nanoTime();
      String html = ScenarioReport.render(r);
      long c = System.nanoTime();
      Path out = AtomicFiles.writeString(dir.resolve("report.html"), html);
      long d = System.nanoTime();
      long cpu1 = cpu.getCurrentThreadCpuTime();
      System.out.printf(
          "run %d (%s JVM): load %.2f s, render %.2f s, write %.3f s, total %.2f s wall, "
              + "%.2f s CPU of this thread; report.html %.2f MB%n",
          i, i == 1 ? "cold" : "warm", (b - a) / 1e9, (c - b) / 1e9, (d - c) / 1e9,
          (d - a) / 1e9, (cpu1 - cpu0) / 1e9, Files.size(out) / 1e6);
    }
    for (ReportChart chart : ScenarioReport.CHARTS) {
      ScenarioResults r = ScenarioResults.load(dir);
      long a = cpu.getCurrentThreadCpuTime();
      Figure fig = chart.render(r);
      System.out.printf("  %-12s %.3f s CPU, %d kB%n", fig.id(),
          (cpu.getCurrentThreadCpuTime() - a) / 1e9, fig.body().length() / 1000);
    }
  }
}
