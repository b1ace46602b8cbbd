package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.RunChecks;
import io.mlproxy.report.ScenarioResults;
import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioException;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Issue 15's campaign, kept in the suite: mutations of the shipped scenarios (hostile values,
 * values at their bounds, broken lines, tabs, truncations) each either fail `validate` with
 * nothing but {@code file:line:column: field: message} lines, or validate and run a 1-second
 * version of themselves, whose results the reports can read. "validate accepts, run fails" is a
 * failure here, whatever the message.
 */
class ScenarioCampaignTest {

  /** One error line as validate prints it. */
  static final Pattern ERROR_LINE = Pattern.compile("^\\S.*?:\\d+:\\d+: [^: ]+: .+$");

  private static Path work;
  private static List<String> shipped;
  private static final AtomicInteger CASES = new AtomicInteger();
  private static final AtomicInteger VALID = new AtomicInteger();
  private static final AtomicInteger RUNS = new AtomicInteger();
  private static final java.util.Set<Scenario> RAN = java.util.concurrent.ConcurrentHashMap.newKeySet();
  /** Address spaces above this (the touch model's largest) are set up page by page in every run. */
  static final int LARGE_PAGES = 1 << 22;
  /** Valid mutants above {@link #LARGE_PAGES} that are run, per test JVM (both campaigns). */
  static final int MAX_LARGE_RUNS = 4;
  private static final AtomicInteger LARGE_RUNS = new AtomicInteger();

  @BeforeContainer
  static void setUp() throws IOException {
    work = Files.createTempDirectory("campaign");
    // the shipped trace scenario names traces/…: give the mutants the same neighbourhood
    Files.createDirectories(work.resolve("traces"));
    Files.copy(Path.of("..", "scenarios", "traces", "hotcold.lackey.gz"), work.resolve("traces/hotcold.lackey.gz"));
    shipped = new ArrayList<>();
    try (var files = Files.list(Path.of("..", "scenarios"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        shipped.add(Files.readString(f));
      }
    }
  }

  @AfterContainer
  static void tearDown() throws IOException {
    System.out.printf("campaign: %d mutated scenarios: %d refused with file:line:column: field:, %d valid (%d run for"
        + " 1 s, the others equal to one run or large nodes validated only)%n", CASES.get(), CASES.get() - VALID.get(),
        VALID.get(), RUNS.get());
    deleteTree(work);
  }

  /** Values a hostile user tries: extremes, bounds, wrong units and types, escapes. */
  private static final List<String> VALUES = List.of(
      "0", "-1", "1", "3", "63", "64", "1000", "1001", "2147483647", "9223372036854775807",
      "1000000000000000000000000000001", "1e308", "4.9e-324", "0.5", "1.5", "-0", "NaN", ".5",
      "0s", "1ns", "1us", "5us", "1500ns", "1ms", "100ms", "1s", "30s", "24h", "25h", "576h", "577h", "2562047h",
      "1B", "512B", "4KiB", "1GiB", "8TiB", "3KiB", "0%", "1%", "125%", "1000%", "1001%", "50‰",
      "1/s", "100000/s", "1000000000000/s", "1/us", "-5/s",
      "auto", "true", "false", "~", "[]", "{}", "[a, b]", "lru", "clock", "zipf", "scan", "proxy",
      "\"\\e]0;pwned\\a\\e[2J\"", "\"\\uD800\"", "\"" + "x".repeat(300) + "\"", "'😀'", "agent_crash");

  /** Keys to insert, each with a value from VALUES. */
  private static final List<String> KEYS = List.of(
      "duration", "seed", "replications", "output_step", "pages", "size", "capacity", "hit_cost", "fault_cost",
      "sampling", "aggregation", "tick", "rate", "min_regions", "max_regions", "min_age", "quota_ms",
      "quota_reset_interval", "weight_age", "feedback_window", "window", "min_samples", "horizon", "period",
      "learning_rate", "portion", "lambda", "apply_interval", "start", "length", "stride", "skew", "loop",
      "lenient", "at", "to_phase", "factor", "count", "bogus");

  private static final Pattern KEY_VALUE = Pattern.compile("(?m)^(\\s*(?:- )?[a-z_]+:)[ \\t]+(\\S.*)$");

  /** One mutation: what, where (a fraction of the text or of its lines), with which value or key. */
  record Mutation(int kind, double where, String value, String key) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(text.lines().toList());
      if (lines.isEmpty()) {
        return text + key + ": " + value + "\n";
      }
      int line = Math.min(lines.size() - 1, (int) (where * lines.size()));
      switch (kind) {
        case 0, 1, 2, 3 -> { // replace a value (the most common mutation)
          Matcher m = KEY_VALUE.matcher(text);
          List<int[]> spans = new ArrayList<>();
          while (m.find()) {
            if (!m.group(1).strip().startsWith("name")) {
              spans.add(new int[] {m.start(2), m.end(2)});
            }
          }
          if (spans.isEmpty()) {
            return text + key + ": " + value + "\n";
          }
          int[] s = spans.get(Math.min(spans.size() - 1, (int) (where * spans.size())));
          return text.substring(0, s[0]) + value + text.substring(s[1]);
        }
        case 4 -> lines.remove(line); // delete a line
        case 5 -> lines.add(line, lines.get(line)); // duplicate a line
        case 6 -> { // insert a key at the indentation of a line
          String indent = lines.get(line).replaceAll("^(\\s*(- )?).*", "$1").replace("- ", "  ");
          lines.add(line + 1, indent + key + ": " + value);
        }
        case 7 -> lines.set(line, lines.get(line).replaceFirst(": ", ":\t")); // tab after a colon
        default -> { // cut the file
          return text.substring(0, (int) (where * text.length()));
        }
      }
      return String.join("\n", lines) + "\n";
    }
  }

  @Provide
  Arbitrary<String> mutants() {
    Arbitrary<Mutation> mutation = Combinators.combine(
        Arbitraries.integers().between(0, 8),
        Arbitraries.integers().between(0, 999).map(i -> i / 1000.0),
        Arbitraries.of(VALUES),
        Arbitraries.of(KEYS)).as(Mutation::new);
    return Combinators.combine(Arbitraries.integers().between(0, shipped.size() - 1),
            mutation.list().ofMinSize(1).ofMaxSize(2))
        .as((i, ms) -> {
          String text = shipped.get(i);
          for (Mutation m : ms) {
            text = m.apply(text);
          }
          return text;
        });
  }

  @Property(tries = 1000, seed = "15")
  void everyMutantFailsValidateWithFileLineColumnFieldOrRuns(@ForAll("mutants") String text) {
    CASES.incrementAndGet();
    String outcome = validateAndRun(text, work.resolve("mutant.yaml"));
    if (!outcome.equals("refused")) {
      VALID.incrementAndGet();
    }
    if (outcome.equals("ran")) {
      RUNS.incrementAndGet();
    }
    Statistics.collect(outcome);
  }

  /**
   * "refused", "ran", "same as one run" (a mutant equal to one already run, e.g. with a comment
   * line deleted: the run is deterministic, so it is not run twice), or "validated (large, not
   * run)" (beyond the first {@value #MAX_LARGE_RUNS} valid mutants over {@value #LARGE_PAGES}
   * pages); an assertion error otherwise.
   */
  static String validateAndRun(String text, Path file) {
    return validateAndRun(text, file, work, 1_000_000);
  }

  /** As above, writing the runs' results under {@code outRoot} and running the first {@code cutUs}. */
  static String validateAndRun(String text, Path file, Path outRoot, long cutUs) {
    Scenario loaded;
    try {
      // what validate does with a file of this text: the same loader and the same run checks
      loaded = ScenarioLoader.parse(text, file, RunChecks.standard());
    } catch (ScenarioException e) {
      assertThat(e.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.toString())
          .matches(ERROR_LINE).startsWith(file + ":"));
      return "refused";
    }
    Scenario s = OneSecond.of(loaded, cutUs);
    if (!RAN.add(s)) {
      return "same as one run";
    }
    // a rate-based node of millions of pages costs about a second per variant to set up (a draw per
    // page): a few such runs show validate's acceptance holds for them, the rest are validated only
    if (s.memory().pages() > LARGE_PAGES && LARGE_RUNS.incrementAndGet() > MAX_LARGE_RUNS) {
      return "validated (large, not run)";
    }
    ExperimentRunner.Outcome o = ExperimentRunner.run(s, text, outRoot.resolve("out"),
        new ExperimentRunner.Options(null, null, null, 2, "campaign", (d, t) -> { }));
    ScenarioResults r = ScenarioResults.load(o.folder());
    assertThat(r.summary()).isNotEmpty();
    return "ran";
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
