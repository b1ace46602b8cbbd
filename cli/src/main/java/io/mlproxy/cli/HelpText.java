package io.mlproxy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The usage help of every command at a fixed width, wrapped at spaces only: picocli's own text
 * table breaks words at dots ("report.\nhtml") and the command list shows only a description's
 * first line, cutting sentences off. Each subcommand's {@code header} is its one-line summary in
 * the command list; each description element is a paragraph.
 */
final class HelpText {

  /** Columns of the usage help (a classic terminal). */
  static final int WIDTH = 80;
  /** The option column is at most this wide; a longer option puts its description on the next line. */
  private static final int MAX_LABEL = 26;

  private HelpText() {}

  /** Installs the renderers on {@code cl} and all its subcommands. */
  static void install(CommandLine cl) {
    cl.setUsageHelpWidth(WIDTH);
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION, HelpText::description);
    // parameters and options in one table, so their descriptions line up
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_PARAMETER_LIST, h -> "");
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST,
        h -> table(h.commandSpec()));
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpText::commands);
    for (CommandLine sub : cl.getSubcommands().values()) {
      install(sub);
    }
  }

  private static String description(CommandLine.Help help) {
    StringBuilder b = new StringBuilder();
    for (String paragraph : help.commandSpec().usageMessage().description()) {
      for (String line : wrap(String.format(Locale.ROOT, paragraph), WIDTH)) {
        b.append(line).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  private static String commands(CommandLine.Help help) {
    if (help.subcommands().isEmpty()) {
      return "";
    }
    List<String[]> rows = new ArrayList<>();
    for (var e : help.subcommands().entrySet()) {
      CommandSpec sub = e.getValue().commandSpec();
      String[] header = sub.usageMessage().header();
      String text = header.length > 0 ? String.join(" ", header)
          : sub.usageMessage().description().length > 0 ? sub.usageMessage().description()[0] : "";
      rows.add(new String[] {"  " + e.getKey(), String.format(Locale.ROOT, text)});
    }
    return twoColumns(rows);
  }

  private static String table(CommandSpec spec) {
    List<String[]> rows = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        String label = p.paramLabel() + (p.arity().max() > 1 ? "..." : "");
        rows.add(new String[] {"      " + (p.arity().min() == 0 ? "[" + label + "]" : label), text(p)});
      }
    }
    {
      List<OptionSpec> options = new ArrayList<>(spec.options());
      options.removeIf(OptionSpec::hidden);
      options.sort(new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
          .createDefaultOptionSort());
      for (OptionSpec o : options) {
        String shortName = null;
        String longName = null;
        for (String n : o.names()) {
          if (n.startsWith("--")) {
            longName = longName == null ? n : longName;
          } else {
            shortName = shortName == null ? n : shortName;
          }
        }
        String label = (shortName == null ? "    " : shortName + (longName == null ? "" : ", "))
            + (longName == null ? "" : longName) + (o.arity().max() > 0 ? "=" + o.paramLabel() : "");
        rows.add(new String[] {"  " + label, text(o)});
      }
    }
    return twoColumns(rows);
  }

  private static String text(ArgSpec a) {
    return String.join(" ", a.renderedDescription());
  }

  /** Label column and wrapped text column; a label too wide for its column gets a line of its own. */
  static String twoColumns(List<String[]> rows) {
    int width = 0;
    for (String[] r : rows) {
      if (r[0].length() <= MAX_LABEL) {
        width = Math.max(width, r[0].length());
      }
    }
    int col = width + 2;
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      List<String> lines = wrap(r[1], WIDTH - col);
      boolean ownLine = r[0].length() > width;
      if (ownLine) {
        b.append(r[0]).append(System.lineSeparator());
      }
      for (int i = 0; i < lines.size(); i++) {
        String left = i == 0 && !ownLine ? r[0] : "";
        b.append(left).append(" ".repeat(col - left.length())).append(lines.get(i)).append(System.lineSeparator());
      }
      if (lines.isEmpty() && !ownLine) {
        b.append(r[0]).append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  /** {@code text} in lines of at most {@code width} columns, broken at spaces only. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.trim().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() > 0 ? " " : "").append(word);
      }
      lines.add(line.toString());
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
