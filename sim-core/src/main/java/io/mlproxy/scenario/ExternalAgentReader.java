package io.mlproxy.scenario;


import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/** Reads the fields of {@code agent} that only an external agent process takes. */
final class ExternalAgentReader {

  /** The keys only {@code model: external} takes. */
  static final List<String> KEYS = List.of("command", "env", "wall_time_factor", "reply_timeout",
      "start_timeout", "restart_delay", "max_restarts", "log_limit");

  private static final int MAX_ARGUMENT_CHARS = 4096;
  private static final int MAX_ARGUMENTS = 256;
  private static final String COMMAND_FORM =
      "a list of strings: a program on PATH or a path relative to the scenario file, then its arguments";

  private ExternalAgentReader() {}

  /** Reports every external-only key given with a built-in model. */
  static void rejectFor(Section s, AgentSpec.Model model) {
    for (String key : KEYS) {
      if (s.has(key)) {
        s.error(key, "only with model: external (the built-in " + model.yamlName()
            + " model runs inside the workbench; expected no " + key + ")");
      }
    }
  }

  /** Reads the external-agent fields; {@code baseDir} is the scenario file's folder. */
  static ExternalAgentSpec read(Section s, Path baseDir) {
    List<String> command = command(s, baseDir);
    Map<String, String> env = environment(s);
    double factor = s.get("wall_time_factor", 0.0, Fields.WALL_TIME_FACTOR);
    long reply = s.get("reply_timeout", ExternalAgentSpec.DEFAULT_REPLY_TIMEOUT_MS * 1000, Fields.REPLY_TIMEOUT);
    long start = s.get("start_timeout", ExternalAgentSpec.DEFAULT_START_TIMEOUT_MS * 1000, Fields.START_TIMEOUT);
    long delay = s.get("restart_delay", ExternalAgentSpec.DEFAULT_RESTART_DELAY_US, Fields.RESTART_DELAY);
    int restarts = s.get("max_restarts", ExternalAgentSpec.DEFAULT_MAX_RESTARTS, Fields.MAX_RESTARTS);
    long limit = s.get("log_limit", ExternalAgentSpec.DEFAULT_LOG_LIMIT, Fields.LOG_LIMIT);
    return new ExternalAgentSpec(command, baseDir, env, factor, ceilMs(reply), ceilMs(start), delay, restarts,
        limit);
  }

  private static long ceilMs(long us) {
    return (us + 999) / 1000;
  }

  private static List<String> command(Section s, Path baseDir) {
    List<Node> items = s.list("command", COMMAND_FORM);
    Problems p = s.problems();
    if (items == null) {
      if (!s.has("command") || s.value("command") == null) {
        p.add(s.node(), s.field("command"), "missing required field with model: external (expected "
            + COMMAND_FORM + ", e.g. [python3, agents/python/reference_agent.py])");
      }
      return List.of();
    }
    if (items.isEmpty()) {
      s.error("command", "the list is empty (expected " + COMMAND_FORM + ")");
      return List.of();
    }
    if (items.size() > MAX_ARGUMENTS) {
      s.error("command", items.size() + " items (expected at most " + MAX_ARGUMENTS + ")");
      return List.of();
    }
    List<String> argv = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String field = s.field("command") + "[" + i + "]";
      String arg = Section.parse(items.get(i), field, Fields.AGENT_COMMAND, p);
      if (arg == null) {
        continue;
      }
      if (arg.isEmpty() || arg.indexOf('\0') >= 0 || arg.length() > MAX_ARGUMENT_CHARS) {
        p.add(items.get(i), field, "'" + shorten(arg) + "' is not a usable argument (expected a non-empty "
            + "string without NUL characters, at most " + MAX_ARGUMENT_CHARS + " characters)");
        continue;
      }
      if (i == 0) {
        String program = program(arg, baseDir);
        if (program == null) {
          p.add(items.get(i), field, arg.indexOf('/') >= 0
              ? "'" + arg + "' is not an executable file relative to " + baseDir
                  + " (expected a program path relative to the scenario file, or a name on PATH)"
              : "'" + arg + "' is not found on PATH (expected a program name on PATH, or a path relative"
                  + " to the scenario file)");
          continue;
        }
        arg = program;
      }
      argv.add(arg);
    }
    return argv;
  }

  /** The program to run: a path resolved against the scenario's folder, or a name found on PATH. */
  private static String program(String name, Path baseDir) {
    try {
      if (name.indexOf('/') >= 0) {
        Path p = baseDir.resolve(name).normalize();
        return Files.isRegularFile(p) && Files.isExecutable(p) ? p.toString() : null;
      }
      String path = System.getenv("PATH");
      if (path == null) {
        return null;
      }
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty()) {
          Path p = Path.of(dir, name);
          if (Files.isRegularFile(p) && Files.isExecutable(p)) {
            return name; // looked up again at start, like a shell does
          }
        }
      }
      return null;
    } catch (InvalidPathException | SecurityException e) {
      return null;
    }
  }

  private static Map<String, String> environment(Section s) {
    Node v = s.value("env");
    Map<String, String> env = new LinkedHashMap<>();
    if (v == null) {
      return env;
    }
    Problems p = s.problems();
    String field = s.field("env");
    if (!(v instanceof MappingNode mapping)) {
      p.add(v, field, "wrong type: got " + Section.describe(v)
          + " (expected a mapping of variable names to strings, e.g. {PYTHONHASHSEED: '0'})");
      return env;
    }
    for (NodeTuple t : mapping.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode key) || !key.getValue().matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
        p.add(t.getKeyNode(), field, Section.describe(t.getKeyNode())
            + " is not a variable name (expected letters, digits and '_', not starting with a digit)");
        continue;
      }
      String name = key.getValue();
      if (env.containsKey(name)) {
        p.add(key, field + "." + name, "duplicate key");
        continue;
      }
      String value = Section.parse(t.getValueNode(), field + "." + name, Fields.AGENT_ENV, p);
      if (value != null) {
        if (value.indexOf('\0') >= 0 || value.length() > MAX_ARGUMENT_CHARS) {
          p.add(t.getValueNode(), field + "." + name, "not a usable value (expected a string without NUL"
              + " characters, at most " + MAX_ARGUMENT_CHARS + " characters)");
        } else {
          env.put(name, value);
        }
      }
    }
    return env;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s.replace("\0", "\\0");
  }
}
