package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The README's "Scenario files" tables document real keys, with the defaults the loader uses. */
class ReadmeDocumentationTest {

  private static final Pattern HEADER = Pattern.compile("^### (?:`([a-z_.]+)`|Top level).*");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\| [^|]+ \\| `([^`]+)` \\|.*");
  private static final Pattern PATTERN_ROW =
      Pattern.compile("^\\| `([a-z]+)` \\| `([a-z_]+)` \\| [^|]+ \\| `([^`]+)` \\|.*");
  private static final Pattern REFERENCE = Pattern.compile("[a-z_]+\\.[a-z_]+");

  private static List<String> scenarioSection() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "README.md"));
    int start = lines.indexOf("## Scenario files");
    assertThat(start).as("README has a 'Scenario files' section").isNotNegative();
    List<String> section = new ArrayList<>();
    for (int i = start + 1; i < lines.size() && !lines.get(i).startsWith("## "); i++) {
      section.add(lines.get(i));
    }
    return section;
  }

  @Test
  void documentedDefaultsAreTheLoadersDefaults() throws IOException {
    Scenario minimal = ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL);
    String section = null;
    int checked = 0;
    for (String line : scenarioSection()) {
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        section = h.group(1) == null ? "" : h.group(1);
        if (line.contains("model: external")) {
          section = "agent+external";
        }
        continue;
      }
      Matcher p = PATTERN_ROW.matcher(line);
      if (p.matches()) {
        if (REFERENCE.matcher(p.group(3)).matches() || p.group(3).equals("required")) {
          continue;
        }
        // growth and periodic have a required parameter: give it in both files
        String required = switch (p.group(1)) {
          case "growth" -> "\n          over: 1s";
          case "periodic" -> "\n          period: 1s";
          default -> "";
        };
        String bare = "pattern: " + p.group(1) + required;
        String withDefault = bare + "\n          " + p.group(2) + ": " + p.group(3);
        assertThat(ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL.replace("pattern: uniform", withDefault)))
            .as(line)
            .isEqualTo(ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL.replace("pattern: uniform", bare)));
        checked++;
        continue;
      }
      Matcher r = ROW.matcher(line);
      if (section == null || !r.matches() || REFERENCE.matcher(r.group(2)).matches()) {
        continue;
      }
      String key = r.group(1);
      String value = r.group(2);
      if (section.equals("agent+external")) {
        // the external agent's fields need model: external and a command to run
        String external = ScenarioLoaderTest.MINIMAL + "agent:\n  model: external\n  command: [sh]\n";
        assertThat(ScenarioLoaderTest.parse(external + "  " + key + ": " + value + "\n")).as(line)
            .isEqualTo(ScenarioLoaderTest.parse(external));
        checked++;
        continue;
      }
      String yaml =
          switch (section) {
            case "" -> ScenarioLoaderTest.MINIMAL + key + ": " + value + "\n";
            case "memory" -> ScenarioLoaderTest.MINIMAL.replace("pages: 1024", "pages: 1024\n  " + key + ": " + value);
            case "proxy.thresholds" -> ScenarioLoaderTest.MINIMAL + "proxy:\n  thresholds:\n    " + key + ": " + value + "\n";
            case "objective", "monitor", "policy", "proxy", "agent", "oracle" ->
                ScenarioLoaderTest.MINIMAL + section + ":\n  " + key + ": " + value + "\n";
            default -> null;
          };
      if (yaml == null) {
        continue;
      }
      assertThat(ScenarioLoaderTest.parse(yaml)).as(line).isEqualTo(minimal);
      checked++;
    }
    assertThat(checked).as("README rows checked").isGreaterThan(60);
  }

  @Test
  void everyKeyOfAFullScenarioIsDocumented() throws IOException {
    String readme = String.join("\n", scenarioSection());
    Matcher keys = Pattern.compile("(?m)^\\s*(?:- )?([a-z_]+):").matcher(ScenarioLoaderTest.EXPLICIT
        + "trace: path format addresses page_size time rate lenient loop\n"
        + "type: factor: count: capacity: to_phase: hot_fraction: hot_share: position: drift: skew:"
        + " scrambled: stride: looping: from: to: over: period:\n");
    int n = 0;
    while (keys.find()) {
      assertThat(readme).as("README documents " + keys.group(1)).contains("`" + keys.group(1) + "`");
      n++;
    }
    for (String key : List.of("path", "format", "addresses", "time", "lenient", "loop", "factor",
        "count", "to_phase", "hot_fraction", "drift", "skew", "scrambled", "stride", "looping", "from",
        "to", "over", "period", "position", "type")) {
      assertThat(readme).as("README documents " + key).contains("`" + key + "`");
    }
    assertThat(n).isGreaterThan(60);
  }
}
