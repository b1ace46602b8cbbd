package io.mlproxy.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads {@code summary.csv}: one row per variant, columns exactly as the results format says. */
public final class SummaryCsv {

  /** The header, exactly. */
  public static final List<String> COLUMNS;

  static {
    List<String> cols = new ArrayList<>(List.of("scenario", "variant", "replications"));
    for (SummaryMetric m : SummaryMetric.values()) {
      cols.add(m.column());
    }
    COLUMNS = List.copyOf(cols);
  }

  private SummaryCsv() {}

  /** The rows of {@code file}, in canonical variant order. */
  public static List<VariantSummary> read(Path file) {
    List<VariantSummary> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    String[] scenario = {null};
    ResultsCsv.read(file, t -> {
      String sc = t.requiredText(0);
      if (scenario[0] == null) {
        scenario[0] = sc;
      } else if (!scenario[0].equals(sc)) {
        throw t.rowError("scenario '" + sc + "' differs from '" + scenario[0] + "' on earlier rows");
      }
      String variant = t.requiredText(1);
      if (!Variants.isKnown(variant)) {
        throw t.fieldError(1, "'" + variant + "' is not a variant (one of " + Variants.ALL + ")");
      }
      if (!seen.add(variant)) {
        throw t.fieldError(1, "variant '" + variant + "' appears twice");
      }
      long reps = t.integer(2);
      if (reps < 1 || reps > 1_000_000) {
        throw t.fieldError(2, "must be a positive count, found " + reps);
      }
      double[] m = new double[SummaryMetric.values().length];
      for (SummaryMetric metric : SummaryMetric.values()) {
        m[metric.ordinal()] = t.numberOrNaN(3 + metric.ordinal());
      }
      out.add(new VariantSummary(sc, variant, (int) reps, m));
    }, COLUMNS);
    if (out.isEmpty()) {
      throw new ReportException(file, 0, "no variant rows");
    }
    out.sort((a, b) -> Variants.ORDER.compare(a.variant(), b.variant()));
    return List.copyOf(out);
  }
}
