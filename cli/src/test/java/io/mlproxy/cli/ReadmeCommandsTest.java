package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** README's command table names every command and every option each command has. */
class ReadmeCommandsTest {

  @Test
  void theCommandTableListsEveryOptionOfEveryCommand() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("..", "README.md")).stream()
        .filter(l -> l.startsWith("| `workbench ")).toList();
    for (CommandLine sub : Workbench.commandLine().getSubcommands().values()) {
      String name = sub.getCommandName();
      if (name.equals("help")) {
        continue;
      }
      String row = rows.stream().filter(l -> l.startsWith("| `workbench " + name + " ")).findFirst()
          .orElseThrow(() -> new AssertionError("README's command table has no row for " + name));
      String usage = row.substring(0, row.indexOf("` |"));
      for (OptionSpec o : sub.getCommandSpec().options()) {
        if (o.usageHelp() || o.versionHelp()) {
          continue;
        }
        assertThat(usage).as(name + " row names " + o.longestName()).contains(o.longestName());
      }
    }
  }
}
