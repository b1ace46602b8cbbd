package io.mlproxy.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for reports: exact for tables, rounded for prose. */
public final class Fmt {

  /** Shown for an undefined value. */
  public static final String UNDEFINED = "—";

  private Fmt() {}

  /**
   * The shortest decimal that reads back as exactly {@code v} (no exponent), or "—" for NaN:
   * table cells show the very number summary.csv holds.
   */
  public static String exact(double v) {
    if (Double.isNaN(v)) {
      return UNDEFINED;
    }
    if (v == 0) {
      return "0";
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** {@code v} rounded to {@code digits} significant digits, no exponent; "—" for NaN. */
  public static String sig(double v, int digits) {
    if (Double.isNaN(v)) {
      return UNDEFINED;
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "−∞";
    }
    if (v == 0) {
      return "0";
    }
    return new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
  }

  /** A signed value for differences, e.g. "+0.0123". */
  public static String signed(double v, int digits) {
    String s = sig(v, digits);
    return v > 0 ? "+" + s : s;
  }

  /** A fraction as a percentage with no decimals, e.g. 0.624 → "62%". */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return UNDEFINED;
    }
    return String.format(Locale.ROOT, "%.0f%%", fraction * 100);
  }
}
