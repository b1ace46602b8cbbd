package io.mlproxy.sweep;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One {@code --param FIELD=V1,V2,...}: a scenario field (its dotted path, list items by index) and
 * the values it takes, in the field's own units, in the order given.
 */
public record SweepParam(String field, List<String> values) {

  /** Most values of one field. */
  public static final int MAX_VALUES = 100;

  /** Copies the list so the record stays immutable. */
  public SweepParam {
    values = List.copyOf(values);
  }

  /**
   * Parses the text of one {@code --param}; every problem goes to {@code problems}.
   *
   * @return the parameter, or null when it cannot be read at all
   */
  public static SweepParam parse(String text, List<String> problems) {
    int eq = text.indexOf('=');
    String shown = "--param " + io.mlproxy.scenario.SafeText.quote(text);
    if (eq < 0) {
      problems.add(shown + ": no '=' (expected FIELD=V1,V2,... such as memory.capacity=50%,100%)");
      return null;
    }
    String field = text.substring(0, eq).strip();
    if (field.isEmpty()) {
      problems.add(shown + ": no field before '=' (expected FIELD=V1,V2,... such as memory.capacity=50%,100%)");
      return null;
    }
    List<String> values = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    String[] parts = text.substring(eq + 1).split(",", -1);
    boolean ok = true;
    for (int i = 0; i < parts.length; i++) {
      String v = parts[i].strip();
      if (v.isEmpty()) {
        problems.add(shown + ": value " + (i + 1) + " is empty (expected values separated by single commas)");
        ok = false;
      } else if (!seen.add(v)) {
        problems.add(shown + ": " + io.mlproxy.scenario.SafeText.quote(v) + " is given twice (expected each value once)");
        ok = false;
      } else {
        values.add(v);
      }
    }
    if (parts.length > MAX_VALUES) {
      problems.add(shown + ": " + parts.length + " values (expected at most " + MAX_VALUES + ")");
      ok = false;
    }
    return ok ? new SweepParam(field, values) : null;
  }
}
