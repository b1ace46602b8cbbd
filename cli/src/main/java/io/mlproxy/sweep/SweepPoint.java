package io.mlproxy.sweep;

import java.util.List;
import java.util.Map;

/**
 * One point of a sweep: its name (the scenario's name and its number) and the value of every
 * swept field, in --param order.
 */
public record SweepPoint(int index, String name, Map<String, String> values) {

  /** The points of the grid of {@code params}: the first parameter varies slowest. */
  public static List<SweepPoint> grid(String scenarioName, List<SweepParam> params) {
    int total = 1;
    for (SweepParam p : params) {
      total = Math.multiplyExact(total, p.values().size());
    }
    int width = Math.max(2, Integer.toString(total).length());
    java.util.List<SweepPoint> points = new java.util.ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      Map<String, String> values = new java.util.LinkedHashMap<>();
      int rest = i;
      int[] digits = new int[params.size()];
      for (int k = params.size() - 1; k >= 0; k--) {
        int n = params.get(k).values().size();
        digits[k] = rest % n;
        rest /= n;
      }
      for (int k = 0; k < params.size(); k++) {
        values.put(params.get(k).field(), params.get(k).values().get(digits[k]));
      }
      points.add(new SweepPoint(i + 1, scenarioName + "-p" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i + 1),
          java.util.Collections.unmodifiableMap(values)));
    }
    return points;
  }

  /** {@code memory.capacity=50%, policy.min_age=5s}. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
    return sb.toString();
  }
}
