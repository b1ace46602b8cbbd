package io.mlproxy.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/** Collects the errors of one file, so that loading reports all of them at once. */
final class Problems {
  private final Path file;
  private final List<ScenarioError> errors = new ArrayList<>();
  // Fields whose value has the wrong shape (not a mapping or list): nothing inside them is reported.
  private final List<String> broken = new ArrayList<>();
  // Where each field given in the file is, for checks made after reading (ScenarioCheck).
  private final Map<String, Node> positions = new HashMap<>();
  private final List<Map.Entry<String, ValueType<?>>> used = new ArrayList<>();

  Problems(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  void add(Node at, String field, String message) {
    Mark mark = at == null ? null : at.getStartMark().orElse(null);
    add(mark, field, message);
  }

  void add(Mark mark, String field, String message) {
    if (insideReported(field)) {
      return; // e.g. "memory: 5" is one error, not one more per missing key of memory
    }
    int line = mark == null ? 1 : mark.getLine() + 1;
    int column = mark == null ? 1 : mark.getColumn() + 1;
    // keys and values come from the file: nothing of them may act on the terminal
    errors.add(new ScenarioError(file, line, column, SafeText.escapeLine(field), SafeText.escapeLine(message)));
  }

  /** Notes that {@code field} was read with {@code type} (README's bounds test checks each type is a {@link Fields} entry). */
  void used(String field, ValueType<?> type) {
    used.add(Map.entry(field, type));
  }

  List<Map.Entry<String, ValueType<?>>> used() {
    return used;
  }

  /** Remembers where {@code field} is given. */
  void position(String field, Node value) {
    positions.putIfAbsent(field, value);
  }

  /** Whether the file gives {@code field}. */
  boolean given(String field) {
    return positions.containsKey(field);
  }

  /**
   * Reports a problem found after reading: at the field if the file gives it, else at the
   * closest enclosing section the file gives, else at the top of the file.
   */
  void addAt(String field, String message) {
    String f = field;
    while (true) {
      Node n = positions.get(f);
      if (n != null) {
        add(n, field, message);
        return;
      }
      int cut = Math.max(f.lastIndexOf('.'), f.lastIndexOf('['));
      if (cut <= 0) {
        add((Mark) null, field, message);
        return;
      }
      f = f.substring(0, cut);
    }
  }

  void add(Node at, String field, BadValue bad) {
    add(at, field, withExpected(bad));
  }

  static String withExpected(BadValue bad) {
    return bad.expected() == null
        ? bad.getMessage()
        : bad.getMessage() + " (expected " + bad.expected() + ")";
  }

  /**
   * True when none of the fields, nor any section containing them, has an error: cross-field
   * checks run only on values that were read successfully, so one mistake is reported once.
   */
  boolean ok(String... fields) {
    for (ScenarioError e : errors) {
      String f = e.field();
      for (String p : fields) {
        if (p.equals(f) || p.startsWith(f + ".") || p.startsWith(f + "[")) {
          return false;
        }
      }
    }
    return true;
  }

  /** Marks a field whose value has the wrong shape, so that nothing inside it is reported again. */
  void markBroken(String field) {
    broken.add(field);
  }

  private boolean insideReported(String field) {
    for (String f : broken) {
      if (field.startsWith(f + ".") || field.startsWith(f + "[")) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return errors.isEmpty();
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      List<ScenarioError> sorted = new ArrayList<>(errors);
      sorted.sort(Comparator.comparingInt(ScenarioError::line).thenComparingInt(ScenarioError::column));
      throw new ScenarioException(sorted);
    }
  }
}
