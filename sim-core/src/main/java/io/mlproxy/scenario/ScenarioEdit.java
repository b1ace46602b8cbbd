package io.mlproxy.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Sets scalar fields of scenario text, as if the file had said so: {@code memory.capacity},
 * {@code policy.min_age}, {@code workload.phases[0].mix[1].hot_fraction}, {@code faults[0].at}.
 * Defaults that follow a field (an output step following the aggregation interval) still follow
 * it, because the edited text is loaded again like any scenario. Paths are checked against the
 * table of fields ({@link Fields}) and values against the field's type and bounds.
 */
public final class ScenarioEdit {

  private static final Pattern STEP = Pattern.compile("([a-z_]+)(?:\\[(\\d{1,6})])?");

  /** Fields a sweep may not set, and why. */
  private static final Map<String, String> FIXED = Map.of(
      "name", "it names the results folder (each point gets its own name)",
      "seed", "every point uses the same seeds (common random numbers); more seeds are --replications",
      "variants", "it is a list (use --variants)",
      "description", "it is text, not a value to sweep",
      "agent.command", "it is a list",
      "agent.env", "it is a mapping");

  private ScenarioEdit() {}

  /**
   * Checks that {@code path} names a scalar field of {@code text} that a sweep may set and that
   * {@code value} is valid for it (type and bounds, as the loader checks them).
   *
   * @return the problem, or empty when the edit is valid on its own (cross-field checks come
   *     when the edited scenario is loaded)
   */
  public static Optional<String> check(String text, String path, String value) {
    Optional<String> field = fieldOf(text, path);
    if (field.isEmpty()) {
      return Optional.of(unknown(text, path));
    }
    String key = field.get();
    if (FIXED.containsKey(key)) {
      return Optional.of("cannot be swept: " + FIXED.get(key));
    }
    try {
      Fields.all().get(key).parse(value);
      return Optional.empty();
    } catch (BadValue bad) {
      return Optional.of(bad.getMessage() + (bad.expected() == null ? "" : " (expected " + bad.expected() + ")"));
    }
  }

  /**
   * The key of {@link Fields} that {@code path} names in {@code text}: indexes dropped, and a
   * pattern parameter named by the pattern given at that place ({@code pattern.hotset.hot_fraction}).
   */
  static Optional<String> fieldOf(String text, String path) {
    List<String[]> steps = steps(path);
    if (steps == null) {
      return Optional.empty();
    }
    StringBuilder key = new StringBuilder();
    for (String[] s : steps) {
      key.append(key.length() == 0 ? "" : ".").append(s[0]);
    }
    String k = key.toString();
    if (k.startsWith("workload.phases.mix.") && !k.equals("workload.phases.mix.pattern")
        && !k.equals("workload.phases.mix.weight")) {
      // a pattern's parameter: which pattern is given at this place of the file
      String prefix = path.substring(0, path.lastIndexOf('.'));
      Node patternNode = find(compose(text), steps(prefix + ".pattern"));
      if (!(patternNode instanceof ScalarNode p)) {
        return Optional.empty();
      }
      k = "pattern." + p.getValue().strip() + "." + steps.get(steps.size() - 1)[0];
    }
    return Fields.all().containsKey(k) ? Optional.of(k) : Optional.empty();
  }

  private static String unknown(String text, String path) {
    if (steps(path) == null) {
      return "not a field path (expected a dotted path such as memory.capacity or workload.phases[0].at)";
    }
    String bare = path.replaceAll("\\[\\d+]", "");
    if (bare.startsWith("workload.phases.mix.")) {
      return "no such pattern parameter at this place of the scenario (expected a parameter of the pattern given"
          + " there, with the indexes of an existing phase and mix entry)";
    }
    String hint = Suggest.closest(bare, Fields.all().keySet().stream()
        .filter(k -> !k.startsWith("pattern.")).toList());
    return "unknown field" + (hint == null ? "" : " (did you mean '" + hint + "'?)")
        + " (expected a scalar field of the scenario file, as README's tables name it)";
  }

  /**
   * {@code text} with every field of {@code edits} (path to value text) set, sections and keys
   * created where absent. The result is YAML for {@link ScenarioLoader#parse}; comments are not kept.
   *
   * @throws IllegalArgumentException when a path crosses a value that is not a mapping or a list,
   *     or indexes beyond a list
   */
  public static String apply(String text, Map<String, String> edits) {
    Node root = compose(text);
    if (!(root instanceof MappingNode)) {
      throw new IllegalArgumentException("the scenario is not a YAML mapping");
    }
    for (Map.Entry<String, String> e : edits.entrySet()) {
      List<String[]> steps = steps(e.getKey());
      if (steps == null) {
        throw new IllegalArgumentException(e.getKey() + ": not a field path");
      }
      set(root, steps, e.getKey(), e.getValue());
    }
    DumpSettings settings = DumpSettings.builder()
        .setDefaultFlowStyle(FlowStyle.BLOCK)
        .setWidth(Integer.MAX_VALUE)
        .build();
    StringBuilder out = new StringBuilder();
    new org.snakeyaml.engine.v2.api.Dump(settings).dumpNode(root, new StreamDataWriter() {
      @Override
      public void write(String str) {
        out.append(str);
      }

      @Override
      public void write(String str, int off, int len) {
        out.append(str, off, off + len);
      }
    });
    return out.toString();
  }

  private static void set(Node root, List<String[]> steps, String path, String value) {
    Node node = root;
    for (int i = 0; i < steps.size(); i++) {
      String key = steps.get(i)[0];
      String index = steps.get(i)[1];
      boolean last = i == steps.size() - 1 && index == null;
      if (!(node instanceof MappingNode mapping)) {
        throw new IllegalArgumentException(path + ": '" + key + "' is inside a value that is not a mapping");
      }
      NodeTuple tuple = null;
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          tuple = t;
        }
      }
      if (last) {
        ScalarNode scalar = new ScalarNode(Tag.STR, value, ScalarStyle.PLAIN);
        List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
        if (tuple == null) {
          tuples.add(new NodeTuple(new ScalarNode(Tag.STR, key, ScalarStyle.PLAIN), scalar));
        } else {
          tuples.set(tuples.indexOf(tuple), new NodeTuple(tuple.getKeyNode(), scalar));
        }
        mapping.setValue(tuples);
        return;
      }
      Node next = tuple == null ? null : tuple.getValueNode();
      if (index != null) {
        if (!(next instanceof SequenceNode seq)) {
          throw new IllegalArgumentException(path + ": '" + key + "' is not a list in the scenario");
        }
        int n = Integer.parseInt(index);
        if (n >= seq.getValue().size()) {
          throw new IllegalArgumentException(path + ": '" + key + "' has " + seq.getValue().size()
              + " items (expected an index below " + seq.getValue().size() + ")");
        }
        node = seq.getValue().get(n);
        continue;
      }
      if (next == null || (next instanceof ScalarNode s && Section.isNull(s))) {
        next = new MappingNode(Tag.MAP, new ArrayList<>(), FlowStyle.BLOCK);
        List<NodeTuple> tuples = new ArrayList<>(mapping.getValue());
        NodeTuple created = new NodeTuple(new ScalarNode(Tag.STR, key, ScalarStyle.PLAIN), next);
        if (tuple == null) {
          tuples.add(created);
        } else {
          tuples.set(tuples.indexOf(tuple), created);
        }
        mapping.setValue(tuples);
      }
      node = next;
    }
  }

  private static Node find(Node root, List<String[]> steps) {
    Node node = root;
    if (steps == null) {
      return null;
    }
    for (String[] step : steps) {
      if (!(node instanceof MappingNode mapping)) {
        return null;
      }
      Node next = null;
      for (NodeTuple t : mapping.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(step[0])) {
          next = t.getValueNode();
        }
      }
      if (step[1] != null) {
        if (!(next instanceof SequenceNode seq) || Integer.parseInt(step[1]) >= seq.getValue().size()) {
          return null;
        }
        next = seq.getValue().get(Integer.parseInt(step[1]));
      }
      node = next;
    }
    return node;
  }

  /** The steps of a path: (key, index or null) each; null when it is not a path. */
  private static List<String[]> steps(String path) {
    if (path == null || path.isEmpty() || path.length() > 200) {
      return null;
    }
    List<String[]> out = new ArrayList<>();
    for (String part : path.split("\\.", -1)) {
      Matcher m = STEP.matcher(part);
      if (!m.matches()) {
        return null;
      }
      out.add(new String[] {m.group(1), m.group(2)});
    }
    return out;
  }

  private static Node compose(String text) {
    LoadSettings settings = LoadSettings.builder()
        .setAllowDuplicateKeys(true)
        .setMaxAliasesForCollections(50)
        .setCodePointLimit(ScenarioLoader.MAX_FILE_BYTES)
        .setBufferSize(text.length() + 2)
        .build();
    try {
      return new Compose(settings).composeString(text).orElse(null);
    } catch (YamlEngineException | IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  /**
   * A number to draw {@code value} at, with its unit: durations in seconds, sizes in MiB,
   * percentages, rates per second, plain numbers; empty for names, flags and {@code auto}.
   */
  public static Optional<Numeric> numeric(String value) {
    String v = value.strip();
    try {
      if (v.endsWith("%")) {
        return Optional.of(new Numeric(Units.percent(v), "%"));
      }
      if (v.endsWith("‰") || v.endsWith("permille")) {
        return Optional.of(new Numeric(Units.permille(v), "‰"));
      }
      if (v.contains("/")) {
        return Optional.of(new Numeric(Units.ratePerSecond(v), "/s"));
      }
      if (v.matches("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?")) {
        return Optional.of(new Numeric(Units.number(v, "a number"), ""));
      }
    } catch (BadValue notThat) {
      return Optional.empty();
    }
    if (v.matches(".*\\d\\s*(B|KiB|MiB|GiB|TiB)")) {
      try {
        return Optional.of(new Numeric(Units.sizeBytes(v) / (double) (1 << 20), "MiB"));
      } catch (BadValue notThat) {
        return Optional.empty();
      }
    }
    try {
      return Optional.of(new Numeric(Units.durationNs(v) / 1e9, "s"));
    } catch (BadValue notThat) {
      return Optional.empty();
    }
  }

  /** A value as a number in {@code unit}. */
  public record Numeric(double value, String unit) {}
}
