package io.mlproxy.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one YAML mapping of the scenario file field by field. Every getter records its key as
 * known; a bad value is reported to {@link Problems} and replaced by the default so reading goes
 * on; {@link #finish()} reports keys nobody asked for.
 */
final class Section {
  private final Node node;
  // Where errors about missing keys point: the mapping, or for an absent section its parent.
  private Node anchor;
  private final String path;
  private final Problems problems;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
  private final Set<String> known = new LinkedHashSet<>();

  private Section(Node node, String path, Problems problems) {
    this.node = node;
    this.anchor = node;
    this.path = path;
    this.problems = problems;
  }

  /**
   * A section over {@code value}; an absent value gives an empty section (all defaults), a value
   * that is not a mapping is reported and also read as empty.
   */
  static Section of(Node value, String path, Problems problems) {
    Section s = new Section(value, path, problems);
    if (value == null) {
      return s;
    }
    if (!(value instanceof MappingNode mapping)) {
      problems.add(value, path.isEmpty() ? ScenarioError.DOCUMENT : path,
          "expected a mapping of keys to values, got " + describe(value));
      problems.markBroken(path);
      return s;
    }
    Map<String, Node> firstKeys = new LinkedHashMap<>();
    for (NodeTuple t : mapping.getValue()) {
      Node key = t.getKeyNode();
      if (!(key instanceof ScalarNode scalar)) {
        problems.add(key, path.isEmpty() ? ScenarioError.DOCUMENT : path,
            "a key must be a plain name, got " + describe(key));
        continue;
      }
      String name = scalar.getValue();
      Node first = firstKeys.putIfAbsent(name, key);
      problems.position(s.field(name), t.getValueNode());
      if (first != null) {
        problems.add(key, s.field(name), "duplicate key (first given at line "
            + (first.getStartMark().map(m -> m.getLine() + 1).orElse(0)) + ")");
        continue;
      }
      s.entries.put(name, t);
    }
    return s;
  }

  String path() {
    return path;
  }

  Problems problems() {
    return problems;
  }

  /** The dotted path of a key of this section. */
  String field(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** Declares keys as known without reading them (read elsewhere, or forbidden with a reason). */
  void know(String... keys) {
    known.addAll(List.of(keys));
  }

  boolean has(String key) {
    known.add(key);
    return entries.containsKey(key);
  }

  /** The value node of a key, or null. */
  Node value(String key) {
    known.add(key);
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getValueNode();
  }

  /** The key node of a key, or null. */
  Node keyNode(String key) {
    NodeTuple t = entries.get(key);
    return t == null ? null : t.getKeyNode();
  }

  /** Where to point an error about a key: its value if given, else the section itself. */
  Node where(String key) {
    Node v = value(key);
    return v != null ? v : anchor;
  }

  /** The mapping node, or for an absent section the node of the section containing it. */
  Node node() {
    return anchor;
  }

  /** Reports a problem about one key of this section. */
  void error(String key, String message) {
    problems.add(where(key), field(key), message);
  }

  /** Reads an optional field. */
  <T> T get(String key, T defaultValue, ValueType<T> type) {
    Node v = value(key);
    if (v == null) {
      return defaultValue;
    }
    T parsed = parse(v, field(key), type);
    return parsed == null ? defaultValue : parsed;
  }

  /** Reads a required field; when it is missing or bad, reports it and returns the placeholder. */
  <T> T require(String key, T placeholder, ValueType<T> type) {
    Node v = value(key);
    if (v == null) {
      problems.add(anchor, field(key), "missing required field (expected " + type.expected() + ")");
      return placeholder;
    }
    T parsed = parse(v, field(key), type);
    return parsed == null ? placeholder : parsed;
  }

  /** Parses a node as a scalar of the given type, or reports why not and returns null. */
  static <T> T parse(Node v, String field, ValueType<T> type, Problems problems) {
    problems.used(field, type);
    if (!(v instanceof ScalarNode scalar)) {
      problems.add(v, field, "wrong type: got " + describe(v) + " (expected " + type.expected() + ")");
      return null;
    }
    if (isNull(scalar)) {
      problems.add(v, field, "no value given (expected " + type.expected() + ")");
      return null;
    }
    try {
      return type.parse(scalar.getValue());
    } catch (BadValue bad) {
      problems.add(v, field, bad);
      return null;
    }
  }

  private <T> T parse(Node v, String field, ValueType<T> type) {
    return parse(v, field, type, problems);
  }

  /** The items of a list field, or null when absent; a non-list is reported and gives null. */
  List<Node> list(String key, String expected) {
    Node v = value(key);
    if (v == null) {
      return null;
    }
    if (!(v instanceof SequenceNode seq)) {
      problems.add(v, field(key), "wrong type: got " + describe(v) + " (expected " + expected + ")");
      problems.markBroken(field(key));
      return null;
    }
    return new ArrayList<>(seq.getValue());
  }

  /** A sub-section; absent gives an empty section whose errors point at this one. */
  Section section(String key) {
    Section s = Section.of(value(key), field(key), problems);
    if (s.node == null) {
      s.anchor = anchor;
    }
    return s;
  }

  /** Reports every key that no getter asked for, with the closest known key as a hint. */
  void finish() {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!known.contains(e.getKey())) {
        String hint = Suggest.closest(e.getKey(), known);
        String knownList = known.stream().sorted().collect(Collectors.joining(", "));
        problems.add(
            e.getValue().getKeyNode(),
            field(e.getKey()),
            "unknown key"
                + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                + " (expected one of " + knownList + ")");
      }
    }
  }

  static boolean isNull(ScalarNode s) {
    if (s.getScalarStyle() != ScalarStyle.PLAIN) {
      return false;
    }
    return switch (s.getValue()) {
      case "", "~", "null", "Null", "NULL" -> true;
      default -> false;
    };
  }

  static String describe(Node n) {
    if (n instanceof MappingNode) {
      return "a mapping";
    }
    if (n instanceof SequenceNode) {
      return "a list";
    }
    if (n instanceof ScalarNode s) {
      if (isNull(s)) {
        return "no value";
      }
      return SafeText.quote(s.getValue());
    }
    return "a " + n.getNodeType();
  }
}
