package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** Whatever the text, the loader returns a scenario or throws a well-formed ScenarioException. */
class ScenarioFuzzTest {

  private static final Path FILE = Path.of("fuzz.yaml");

  private static void loadsOrReportsCleanly(String text) {
    try {
      ScenarioLoader.parse(text, FILE);
    } catch (ScenarioException e) {
      int lines = (int) text.lines().count() + 2;
      assertThat(e.errors()).isNotEmpty().allSatisfy(err -> {
        assertThat(err.file()).isEqualTo(FILE);
        assertThat(err.line()).isBetween(1, Math.max(lines, 1));
        assertThat(err.column()).isPositive();
        assertThat(err.field()).isNotEmpty();
        assertThat(err.message()).isNotBlank();
      });
    }
  }

  @Property(tries = 1000)
  void arbitraryStrings(@ForAll @StringLength(max = 200) String text) {
    loadsOrReportsCleanly(text);
  }

  @Property(tries = 300)
  void arbitraryThresholdFragments(@ForAll @StringLength(max = 120) String text) {
    try {
      ScenarioLoader.parseThresholdsFragment(text, FILE);
    } catch (ScenarioException e) {
      assertThat(e.errors()).isNotEmpty();
    }
  }

  @Property(tries = 400)
  void mutatedValidFiles(@ForAll("mutated") String text) {
    loadsOrReportsCleanly(text);
  }

  @Property(tries = 300)
  void yamlShapedNoise(@ForAll("yamlish") String text) {
    loadsOrReportsCleanly(text);
  }

  @Provide
  Arbitrary<String> mutated() {
    List<String> bases = new ArrayList<>(List.of(ScenarioLoaderTest.MINIMAL));
    try (var files = Files.list(Path.of("..", "scenarios"))) {
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        bases.add(Files.readString(f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Arbitrary<String> base = Arbitraries.of(bases);
    Arbitrary<String> junk = Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(8),
        Arbitraries.of(":", "- ", "  ", "\n", "{", "}", "[", "]", "&a ", "*a", "!!str ", "\"", "'",
            "5", "-1", "1e309", "0.5", "ms", "KiB", "%", "‰", "/s", "null", "~", "true", "<<: ",
            "99999999999999999999999", "pattern: zipf", "type: workload_shift", "trace:", "phases:"));
    return Combinators.combine(base, Arbitraries.integers().between(0, 5000),
            Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 3), junk)
        .as((text, position, length, op, insert) -> mutate(text, position, length, op, insert))
        .flatMap(once -> Combinators.combine(Arbitraries.integers().between(0, 5000),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 3), junk)
            .as((position, length, op, insert) -> mutate(once, position, length, op, insert)));
  }

  private static String mutate(String text, int position, int length, int op, String insert) {
    int at = text.isEmpty() ? 0 : position % (text.length() + 1);
    int end = Math.min(text.length(), at + length);
    return switch (op) {
      case 0 -> text.substring(0, at) + text.substring(end); // delete
      case 1 -> text.substring(0, at) + insert + text.substring(at); // insert
      case 2 -> text.substring(0, at) + insert + text.substring(end); // replace
      default -> { // duplicate a line
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lines.isEmpty()) {
          yield text;
        }
        int i = position % lines.size();
        lines.add(i, lines.get(i));
        yield String.join("\n", lines);
      }
    };
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> key = Arbitraries.of("name", "duration", "memory", "pages", "size", "workload",
        "phases", "at", "mix", "pattern", "trace", "faults", "type", "monitor", "sampling", "policy",
        "proxy", "thresholds", "agent", "oracle", "horizon", "variants", "capacity", "to_phase");
    Arbitrary<String> value = Arbitraries.of("1m", "5ms", "0s", "1024", "64MiB", "50%", "hotset",
        "uniform", "agent_crash", "auto", "[]", "{}", "[proxy, proxy]", "", "x", "-3", "1.5", "abc");
    Arbitrary<String> line = Combinators.combine(Arbitraries.integers().between(0, 3), key,
            Arbitraries.of(": ", ":", "- "), value)
        .as((indent, k, sep, v) -> "  ".repeat(indent) + (sep.equals("- ") ? "- " + k + ": " + v : k + sep + v));
    return line.list().ofMaxSize(25).map(lines -> String.join("\n", lines) + "\n");
  }
}
