package io.mlproxy.cli;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.RunProfile;
import io.mlproxy.report.IndexReport;
import io.mlproxy.report.ScenarioReport;
import io.mlproxy.report.ScenarioResults;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import io.mlproxy.scenario.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Makes the run's report start warm: while the run simulates, a background thread runs a tiny
 * scenario (three simulated seconds, the run's variants, so that it loads no class the run would
 * not) into a temporary folder and writes its report and index through the same code the run's
 * own report uses. In a fresh JVM the first report pays
 * for Tablesaw's first use, JFreeChart, Java2D, the fonts, the PNG writer and the CSV readers, up to
 * a second or two; paid here, that time leaves the run's
 * critical path (on a second core it is free). A failure here changes nothing: the run's report
 * does the same work itself.
 */
final class ReportWarmup {

  /** The tiny scenario: small enough to take a fraction of a second warm, wide enough to draw every chart. */
  static final String SCENARIO = """
      name: warm-up
      description: report warm-up
      duration: 3s
      seed: 1
      replications: 1
      memory:
        pages: 64
        capacity: 75%
      monitor:
        min_regions: 3
        max_regions: 16
      policy:
        min_age: 1s
        wmarks_high: 1000
        wmarks_mid: 1000
        wmarks_low: 0
      agent:
        period: 500ms
        horizon: 1s
      workload:
        rate: 2000/s
        phases:
          - at: 0s
            mix:
              - {pattern: hotset, hot_fraction: 0.25, hot_share: 0.95}
      faults:
        - {type: agent_crash, at: 1s, duration: 500ms}
      """;

  /** How many times the warm-up reads its own results again. */
  static final int REREADS = 20;

  private ReportWarmup() {}

  /**
   * Starts, first thing in {@code workbench report}, what any report needs whatever the
   * scenario: Tablesaw's first use (without its class-path scan: {@link io.mlproxy.report.Tables}),
   * Java2D and the fonts, and JFreeChart with its SVG and PNG output. Returns the thread (for tests).
   */
  static Thread startEarly() {
    setUpLogging();
    Thread t = new Thread(ReportWarmup::earlyQuietly, "report-warm-up-early");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Sets slf4j up on the calling thread, before any other thread logs: a thread that asks for the
   * logger factory while another initialises it gets slf4j's substitute, and DSOL's CategoryLogger
   * then fails casting it to logback's context (ExceptionInInitializerError). Main calls it before
   * a run or report starts the warm-up and simulation threads.
   */
  static void setUpLogging() {
    org.slf4j.LoggerFactory.getILoggerFactory();
  }

  private static void earlyQuietly() {
    try {
      early();
    } catch (RuntimeException | Error e) {
      // only a warm-up: the report does the same work itself
    }
  }

  /** The scenario-independent part of a report's first use. */
  static void early() {
    io.mlproxy.report.Tables.initialise();
    org.jfree.data.xy.XYSeries series = new org.jfree.data.xy.XYSeries("warm-up");
    for (int i = 0; i < 50; i++) {
      series.add(i, i % 7);
    }
    org.jfree.chart.JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart("warm-up", "time (s)",
        "pages", new org.jfree.data.xy.XYSeriesCollection(series));
    io.mlproxy.report.ChartEmbedder.svg(chart, "warm-up", 320, 200);
    io.mlproxy.report.ChartEmbedder.png(chart, "warm-up", 64, 40);
  }

  /**
   * Runs of fewer touches than this (summed over variants and replications, as the run checks
   * estimate them) skip the warm-up scenario. It costs about half a second of CPU and saves the
   * report about as much, but only when it has finished before the report starts and did not take
   * a core from the simulation: a 10 M-touch trace replay simulates in under a second on its two
   * threads and took 0.46 s more CPU with the warm-up (3.50 s against 3.04 s, medians of 4 paired
   * runs); scan-storms (2.7·10⁸ touches) ran its report on 1.3–1.4 s of CPU with it and 1.75 s without.
   */
  static final long WORTH_TOUCHES = 200_000_000L;

  /** Whether a run of {@code touches} (estimated) should start the warm-up scenario. */
  static boolean worthIt(long touches) {
    return touches >= WORTH_TOUCHES;
  }

  /** Starts the warm-up of a run of {@code variants} on a daemon thread; returns it (for tests). */
  static Thread start(java.util.Collection<Variant> variants) {
    String text = withVariants(variants);
    Thread t = new Thread(() -> runQuietly(text), "report-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** The tiny scenario with {@code variants}. */
  static String withVariants(java.util.Collection<Variant> variants) {
    java.util.Set<Variant> set = variants.isEmpty() ? java.util.EnumSet.allOf(Variant.class)
        : java.util.EnumSet.copyOf(variants);
    return SCENARIO + "variants: [" + String.join(", ", set.stream().map(Variant::yamlName).toList()) + "]\n";
  }

  private static void runQuietly(String text) {
    try {
      run(text);
    } catch (RuntimeException | Error e) {
      // only a warm-up: the run's own report does the same work, and reports its own failures
    }
  }

  /** Runs {@code text} and writes its report and index in a temporary folder, then deletes it. */
  static void run(String text) {
    run(text, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** As {@link #run(String)}, with the temporary folder made in {@code parent}. */
  static void run(String text, Path parent) {
    Path dir;
    try {
      dir = Files.createTempDirectory(parent, "workbench-warm-up");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Scenario s = ScenarioLoader.parse(text, Path.of("warm-up.yaml"));
      Path folder = ExperimentRunner.run(s, text, dir,
          new ExperimentRunner.Options(null, null, null, 1, "warm-up", (done, total) -> { })).folder();
      ScenarioReport.writeForRun(folder, folder.resolve("report.html"), "warm-up", RunProfile.NONE);
      IndexReport.write(dir);
      // reading CSV rows is most of a long run's report, in code the JIT compiles only after
      // thousands of rows: reading the tiny folder again gets it compiled first (about 20 ms each;
      // static-hot-cold's reading went from 0.64 s to 0.31 s)
      for (int i = 0; i < REREADS; i++) {
        ScenarioResults.load(folder, ScenarioResults.Reading.DRAWN);
      }
    } finally {
      delete(dir);
    }
  }

  private static void delete(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
