package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * Renders every command's --help as a user sees it and checks that nothing is cut off or broken:
 * every line fits 80 columns, and every description, option text and command summary appears
 * whole (the same words in the same order, broken only at spaces).
 */
class HelpTextTest {

  /** The help of every command, rendered by the real command line. */
  private static List<CommandLine> allCommands() {
    List<CommandLine> out = new ArrayList<>();
    collect(Workbench.commandLine(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<CommandLine> out) {
    out.add(cl);
    cl.getSubcommands().values().forEach(sub -> collect(sub, out));
  }

  private static String usage(CommandLine cl) {
    StringWriter w = new StringWriter();
    cl.usage(new PrintWriter(w), CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    return w.toString();
  }

  private static String words(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  @Test
  void everyCommandsHelpFitsEightyColumnsAndShowsEveryTextWhole() {
    List<CommandLine> commands = allCommands();
    assertThat(commands).extracting(CommandLine::getCommandName)
        .contains("workbench", "run", "validate", "report", "bench", "tune", "agent-check");
    for (CommandLine cl : commands) {
      String help = usage(cl);
      String name = cl.getCommandSpec().qualifiedName();
      for (String line : help.split("\\R")) {
        assertThat(line.length()).as(name + ": line '" + line + "'").isLessThanOrEqualTo(HelpText.WIDTH);
      }
      String flat = words(help);
      List<String> texts = new ArrayList<>();
      for (String p : cl.getCommandSpec().usageMessage().description()) {
        texts.add(String.format(Locale.ROOT, p));
      }
      for (ArgSpec a : cl.getCommandSpec().args()) {
        if (!a.hidden()) {
          texts.add(String.join(" ", a.renderedDescription()));
        }
      }
      for (CommandLine sub : cl.getSubcommands().values()) {
        String[] header = sub.getCommandSpec().usageMessage().header();
        texts.add(header.length > 0 ? String.join(" ", header) : sub.getCommandSpec().usageMessage().description()[0]);
      }
      for (String text : texts) {
        // a word broken across lines ("report.\nhtml") or a text cut off would not match
        assertThat(flat).as(name + " shows whole: " + text).contains(words(text));
      }
    }
  }

  @Test
  void wrapsAtSpacesOnlyAndKeepsLongWordsWhole() {
    assertThat(HelpText.wrap("writes OUT/<scenario>/report.html and index.html now", 20))
        .containsExactly("writes", "OUT/<scenario>/report.html", "and index.html now");
    assertThat(HelpText.wrap("a b c", 80)).containsExactly("a b c");
  }

  @Test
  void everySubcommandHasAOneLineSummaryForTheCommandList() {
    for (CommandLine sub : Workbench.commandLine().getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue;
      }
      String[] header = sub.getCommandSpec().usageMessage().header();
      assertThat(header).as(sub.getCommandName()).hasSize(1);
      assertThat(header[0]).as(sub.getCommandName()).endsWith(".");
    }
  }
}
