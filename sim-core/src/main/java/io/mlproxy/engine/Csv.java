package io.mlproxy.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes CSV rows with the project's fixed number format, so equal results give equal bytes.
 *
 * <p>Doubles get at most six decimals, no exponent and no trailing zeros; NaN is an empty field;
 * text fields are quoted per RFC 4180 only when they need it.
 */
public final class Csv {

  private final Writer out;
  private boolean firstField = true;

  public Csv(Writer out) {
    this.out = out;
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
    sep();
    write(quote(value == null ? "" : value));
    return this;
  }

  /** Appends an integer field. */
  public Csv num(long value) {
    sep();
    write(Long.toString(value));
    return this;
  }

  /** Appends a decimal field (empty for NaN or infinity). */
  public Csv num(double value) {
    sep();
    write(format(value));
    return this;
  }

  /** Ends the current row. */
  public Csv end() {
    write("\n");
    firstField = true;
    return this;
  }

  /** The project's decimal format: up to six decimals, plain notation, empty when undefined. */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
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

  private void sep() {
    if (!firstField) {
      write(",");
    }
    firstField = false;
  }

  private void write(String s) {
    try {
      out.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
