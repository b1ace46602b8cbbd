package io.mlproxy.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code events.csv}; a missing file means no events, a malformed one is an error. */
public final class EventsCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS =
      List.of("time_s", "variant", "rep", "kind", "from", "to", "evidence_pages", "evidence_mean_ms",
          "evidence_lower_ms", "evidence_upper_ms", "reason");

  private EventsCsv() {}

  /** The events of {@code file}, or an empty list when it does not exist. */
  public static List<Event> readIfPresent(Path file) {
    return Files.exists(file) ? read(file) : List.of();
  }

  /** The events of {@code file}, in file order. */
  public static List<Event> read(Path file) {
    CsvTable t = CsvTable.read(file);
    t.requireHeader(COLUMNS);
    List<Event> out = new ArrayList<>(t.size());
    for (int r = 0; r < t.size(); r++) {
      double time = t.number(r, 0);
      if (time < 0) {
        throw t.fieldError(r, 0, "is negative: " + time);
      }
      String variant = t.requiredText(r, 1);
      if (!Variants.isKnown(variant)) {
        throw t.fieldError(r, 1, "'" + variant + "' is not a variant (one of " + Variants.ALL + ")");
      }
      long rep = t.integer(r, 2);
      if (rep < 1 || rep > 1_000_000) {
        throw t.fieldError(r, 2, "replications are numbered from 1, found " + rep);
      }
      String kind = t.requiredText(r, 3);
      if (!Event.isKnownKind(kind)) {
        throw t.fieldError(r, 3, "'" + kind + "' is not an event kind");
      }
      String from = t.text(r, 4);
      String to = t.text(r, 5);
      if (kind.equals(Event.MODE_TRANSITION)) {
        if (Mode.parse(from) == null) {
          throw t.fieldError(r, 4, "'" + from + "' is not a mode");
        }
        if (Mode.parse(to) == null) {
          throw t.fieldError(r, 5, "'" + to + "' is not a mode");
        }
      }
      double[] evidence = new double[4];
      for (int k = 0; k < 4; k++) {
        evidence[k] = t.numberOrNaN(r, 6 + k);
      }
      if (!Double.isNaN(evidence[0]) && !kind.equals(Event.MODE_TRANSITION)) {
        throw t.fieldError(r, 6, "only a mode transition carries evidence");
      }
      out.add(new Event(time, variant, (int) rep, kind, from, to, evidence[0], evidence[1], evidence[2], evidence[3],
          t.text(r, 10)));
    }
    return List.copyOf(out);
  }
}
