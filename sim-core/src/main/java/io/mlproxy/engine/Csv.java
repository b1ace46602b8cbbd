package io.mlproxy.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.StringJoiner;

/**
 * Writes CSV rows with the project's fixed number format, so equal results give equal bytes.
 *
 * <p>Doubles get at most six decimals, no exponent and no trailing zeros; NaN is an empty field;
 * text fields are quoted per RFC 4180 only when they need it. A row is assembled here and handed to
 * the writer whole at {@link #end}: one call per row rather than two per field (a scenario's
 * timeseries and DAMON files are millions of fields, and each call into a {@code BufferedWriter}
 * takes its lock and checks its state).
 */
public final class Csv {

  private final Writer out;
  private final StringBuilder line = new StringBuilder(256);
  private boolean firstField = true;

  public Csv(Writer out) {
    this.out = out;
  }

  /** The text fields as one CSV fragment (no line end), each quoted if it needs it. */
  public static String fields(Iterable<String> values) {
    StringJoiner joined = new StringJoiner(",");
    for (String v : values) {
      joined.add(quote(v == null ? "" : v));
    }
    return joined.toString();
  }

  /** Writes a header or any row of plain text fields. */
  public Csv row(String... fields) {
    for (String f : fields) {
      text(f);
    }
    return end();
  }

  /** Appends a text field, quoted if it holds a comma, quote or line break. */
  public Csv text(String value) {
    sep().append(quote(value == null ? "" : value));
    return this;
  }

  /** Appends an integer field. */
  public Csv num(long value) {
    sep().append(value);
    return this;
  }

  /** Appends a decimal field (empty for NaN or infinity). */
  public Csv num(double value) {
    append(sep(), value);
    return this;
  }

  /** Ends the current row and writes it. */
  public Csv end() {
    line.append('\n');
    try {
      out.append(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    line.setLength(0);
    firstField = true;
    return this;
  }

  /** The project's decimal format: up to six decimals, plain notation, empty when undefined. */
  public static String format(double value) {
    StringBuilder sb = new StringBuilder(24);
    append(sb, value);
    return sb.toString();
  }

  /** Appends {@code value} in {@link #format}'s format. */
  private static void append(StringBuilder sb, double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }
    double scaled = value * 1e6;
    if (Math.abs(scaled) < 1e15) {
      // The exact value·10^6 lies within half an ulp of scaled; unless that could reach across a
      // half, rounding scaled to the nearest integer rounds the exact value the same way, and
      // the result equals the BigDecimal path below (BigDecimal costs ~1 µs per number).
      double units = Math.rint(scaled);
      if (0.5 - Math.abs(scaled - units) > Math.ulp(scaled)) {
        plain(sb, (long) units);
        return;
      }
    }
    sb.append(exact(value));
  }

  /** Appends {@code units} millionths in plain notation without trailing zeros. */
  private static void plain(StringBuilder sb, long units) {
    if (units == 0) {
      sb.append('0');
      return;
    }
    long a = Math.abs(units);
    long whole = a / 1_000_000L;
    long frac = a % 1_000_000L;
    if (units < 0) {
      sb.append('-');
    }
    sb.append(whole);
    if (frac != 0) {
      int digits = 6;
      while (frac % 10 == 0) {
        frac /= 10;
        digits--;
      }
      sb.append('.');
      int length = 1;
      for (long rest = frac; rest >= 10; rest /= 10) {
        length++;
      }
      for (int i = length; i < digits; i++) {
        sb.append('0');
      }
      sb.append(frac);
    }
  }

  /** The format computed with BigDecimal from the double's exact binary value. */
  static String exact(double value) {
    BigDecimal d = new BigDecimal(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }

  static String quote(String s) {
    boolean needs = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        needs = true;
        break;
      }
    }
    return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }

  /** The row so far, with a separator unless this is its first field. */
  private StringBuilder sep() {
    if (!firstField) {
      line.append(',');
    }
    firstField = false;
    return line;
  }
}
