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
    List<ReplicationRow> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    ResultsCsv.read(file, t -> {
      String variant = t.requiredText(1);
      if (!Variants.isKnown(variant)) {
        throw t.fieldError(1, "'" + variant + "' is not a variant (one of " + Variants.ALL + ")");
      }
      long rep = t.integer(2);
      if (rep < 1 || rep > 1_000_000) {
        throw t.fieldError(2, "replications are numbered from 1, found " + rep);
      }
      if (!seen.add(variant + "#" + rep)) {
        throw t.rowError("variant '" + variant + "' replication " + rep + " appears twice");
      }
      out.add(
          new ReplicationRow(
              t.requiredText(0),
              variant,
              (int) rep,
              t.integer(3),
              t.number(4),
              t.numberOrNaN(5),
              t.number(6),
              t.number(7),
              t.number(8),
              t.number(9),
              t.numberOrNaN(10),
              t.numberOrNaN(11),
              t.numberOrNaN(12),
              t.numberOrNaN(13),
              t.numberOrNaN(14),
              t.numberOrNaN(15),
              t.numberOrNaN(16)));
    }, COLUMNS);
    return List.copyOf(out);
  }
}
