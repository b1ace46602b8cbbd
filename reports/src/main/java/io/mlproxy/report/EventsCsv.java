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
    List<Event> out = new ArrayList<>();
    ResultsCsv.read(file, t -> {
      double time = t.number(0);
      if (time < 0) {
        throw t.fieldError(0, "is negative: " + time);
      }
      String variant = t.requiredText(1);
      if (!Variants.isKnown(variant)) {
        throw t.fieldError(1, "'" + variant + "' is not a variant (one of " + Variants.ALL + ")");
      }
      long rep = t.integer(2);
      if (rep < 1 || rep > 1_000_000) {
        throw t.fieldError(2, "replications are numbered from 1, found " + rep);
      }
      String kind = t.requiredText(3);
      if (!Event.isKnownKind(kind)) {
        throw t.fieldError(3, "'" + kind + "' is not an event kind");
      }
      String from = t.text(4);
      String to = t.text(5);
      if (kind.equals(Event.MODE_TRANSITION)) {
        if (Mode.parse(from) == null) {
          throw t.fieldError(4, "'" + from + "' is not a mode");
        }
        if (Mode.parse(to) == null) {
          throw t.fieldError(5, "'" + to + "' is not a mode");
        }
      }
      double[] evidence = new double[4];
      for (int k = 0; k < 4; k++) {
        evidence[k] = t.numberOrNaN(6 + k);
      }
      if (!Double.isNaN(evidence[0]) && !kind.equals(Event.MODE_TRANSITION)) {
        throw t.fieldError(6, "only a mode transition carries evidence");
      }
      out.add(new Event(time, variant, (int) rep, kind, from, to, evidence[0], evidence[1], evidence[2],
          evidence[3], t.text(10)));
    }, COLUMNS);
    return List.copyOf(out);
  }
}
