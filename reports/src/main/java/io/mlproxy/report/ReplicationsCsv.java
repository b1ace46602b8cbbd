package io.mlproxy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code replications.csv}: one row per variant × replication, for paired comparisons. */
public final class ReplicationsCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS =
      List.of(
          "scenario", "variant", "rep", "seed", "saving", "slowdown", "score", "faults", "refaults",
          "reclaim_cpu_s", "transitions", "hints_applied", "recs_rejected", "time_emergency_pct",
          "time_learning_pct", "time_collaboration_pct", "time_recommendation_pct");

  private ReplicationsCsv() {}

  /** The rows of {@code file}, in file order. */
  public static List<ReplicationRow> read(Path file) {
    CsvTable t = CsvTable.read(file);
    t.requireHeader(COLUMNS);
    List<ReplicationRow> out = new ArrayList<>(t.size());
    Set<String> seen = new HashSet<>();
    for (int r = 0; r < t.size(); r++) {
      String variant = t.requiredText(r, 1);
      if (!Variants.isKnown(variant)) {
        throw t.fieldError(r, 1, "'" + variant + "' is not a variant (one of " + Variants.ALL + ")");
      }
      long rep = t.integer(r, 2);
      if (rep < 1 || rep > 1_000_000) {
        throw t.fieldError(r, 2, "replications are numbered from 1, found " + rep);
      }
      if (!seen.add(variant + "#" + rep)) {
        throw t.rowError(r, "variant '" + variant + "' replication " + rep + " appears twice");
      }
      out.add(
          new ReplicationRow(
              t.requiredText(r, 0),
              variant,
              (int) rep,
              t.integer(r, 3),
              t.number(r, 4),
              t.numberOrNaN(r, 5),
              t.number(r, 6),
              t.number(r, 7),
              t.number(r, 8),
              t.number(r, 9),
              t.numberOrNaN(r, 10),
              t.numberOrNaN(r, 11),
              t.numberOrNaN(r, 12),
              t.numberOrNaN(r, 13),
              t.numberOrNaN(r, 14),
              t.numberOrNaN(r, 15),
              t.numberOrNaN(r, 16)));
    }
    return List.copyOf(out);
  }
}
