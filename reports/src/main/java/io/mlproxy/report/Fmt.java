package io.mlproxy.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Number formatting for reports: 3 significant digits for people, exact for machine readers. */
public final class Fmt {

  /** Shown for an undefined value. */
  public static final String UNDEFINED = "—";

  private Fmt() {}

  /**
   * The shortest decimal that reads back as exactly {@code v} (no exponent), or "—" for NaN:
   * for {@code data-value} attributes, which carry the very number the CSV holds.
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

  /**
   * {@code v} to 3 significant digits as a person reads it: whole numbers of 1,000 and more with
   * thousands separators and rounded to 3 digits (33,998 → "34,000"), "—" for NaN.
   */
  public static String num(double v) {
    String s = sig(v, 3);
    if (Double.isNaN(v) || Double.isInfinite(v) || Math.abs(v) < 1000) {
      return s;
    }
    long whole = new BigDecimal(s).longValue();
    return String.format(Locale.ROOT, "%,d", whole);
  }

  /**
   * A p-value as "p = 0.022", or "p < 0.0001" below that: more digits of a tiny p (0.00000098) say
   * nothing a reader decides from, and the exact value is the t-test's, recomputable from the CSVs.
   */
  public static String pValue(double p) {
    return !Double.isNaN(p) && p < 1e-4 ? "p < 0.0001" : "p = " + sig(p, 2);
  }

  /** A signed value for differences, e.g. "+0.0123". */
  public static String signed(double v, int digits) {
    String s = sig(v, digits);
    return v > 0 ? "+" + s : s;
  }

  /** A fraction as a percentage to 3 significant digits, e.g. 0.624 → "62.4%". */
  public static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return UNDEFINED;
    }
    return num(fraction * 100) + "%";
  }
}
