package io.mlproxy.scenario;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and formatting of the scenario file's quantities: durations ({@code 5ms}), sizes
 * ({@code 4KiB}), rates ({@code 2000000/s}), per-mille ({@code 500}, {@code 500‰}, {@code 50%})
 * and percentages. Parsing is exact (decimal arithmetic, no rounding) and strict: a unit is
 * always required where the quantity has one, and only binary IEC size units are accepted.
 */
public final class Units {

  /** What a duration looks like, for error messages. */
  public static final String DURATION_FORM =
      "a duration such as 5ms or 1.5s, units ns, us, ms, s, m, h";

  /** What a size looks like, for error messages. */
  public static final String SIZE_FORM = "a size such as 4KiB or 1GiB, units B, KiB, MiB, GiB, TiB";

  /** What a rate looks like, for error messages. */
  public static final String RATE_FORM =
      "a rate such as 2000000/s (per us, ms, s, m or h) or a plain number per second";

  /** What a per-mille value looks like, for error messages. */
  public static final String PERMILLE_FORM =
      "per-mille 0..1000: a whole number, optionally written 500‰ or 500permille, or 50%";

  /** What a percentage looks like, for error messages. */
  public static final String PERCENT_FORM = "a percentage such as 50% or 12.5%";

  /** Most digits accepted before and after the decimal point: decimal arithmetic stays cheap. */
  static final int MAX_DIGITS = 30;

  // The unit may not start with a digit or a point, so that a long numeral is never read as a
  // short one followed by a strange unit.
  private static final Pattern QUANTITY =
      Pattern.compile("\\s*([-+]?)(\\d+)(?:\\.(\\d+))?\\s*([^\\s\\d.]\\S*)?\\s*");
  private static final Pattern NUMBER =
      Pattern.compile("\\s*[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?\\s*");
  private static final Pattern DIGIT_RUN = Pattern.compile("\\d{" + (MAX_DIGITS + 1) + ",}");

  private Units() {}

  /** Parses a duration into nanoseconds; the sign is kept, callers check ranges. */
  public static long parseDurationNs(String text) throws IllegalArgumentException {
    try {
      return durationNs(text);
    } catch (BadValue e) {
      throw new IllegalArgumentException(e.getMessage() + " (expected " + e.expected() + ")");
    }
  }

  /** Parses a size into bytes. */
  public static long parseSizeBytes(String text) throws IllegalArgumentException {
    try {
      return sizeBytes(text);
    } catch (BadValue e) {
      throw new IllegalArgumentException(e.getMessage() + " (expected " + e.expected() + ")");
    }
  }

  static long durationNs(String text) throws BadValue {
    Matcher m = quantity(text, DURATION_FORM);
    String unit = unit(m);
    long scale =
        switch (unit) {
          case "ns" -> 1L;
          case "us", "µs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          case "h" -> 3_600_000_000_000L;
          case "" -> throw new BadValue(SafeText.quote(text) + " has no unit", DURATION_FORM);
          default -> throw new BadValue("unknown duration unit " + SafeText.quote(unit), DURATION_FORM);
        };
    return exact(m, scale, "ns", DURATION_FORM, text);
  }

  static long sizeBytes(String text) throws BadValue {
    Matcher m = quantity(text, SIZE_FORM);
    String unit = unit(m);
    long scale =
        switch (unit) {
          case "B" -> 1L;
          case "KiB" -> 1L << 10;
          case "MiB" -> 1L << 20;
          case "GiB" -> 1L << 30;
          case "TiB" -> 1L << 40;
          case "" -> throw new BadValue(SafeText.quote(text) + " has no unit", SIZE_FORM);
          default ->
              throw new BadValue(
                  "unknown size unit " + SafeText.quote(unit) + " (only binary IEC units are accepted)",
                  SIZE_FORM);
        };
    return exact(m, scale, "byte", SIZE_FORM, text);
  }

  /** Parses a rate into events per second: {@code N/s}, {@code N/ms}, ... or a plain number. */
  static double ratePerSecond(String text) throws BadValue {
    String s = text.strip();
    int slash = s.indexOf('/');
    String number = slash < 0 ? s : s.substring(0, slash).strip();
    String unit = slash < 0 ? "s" : s.substring(slash + 1).strip();
    double perUnit = number(number, RATE_FORM);
    double unitsPerSecond =
        switch (unit) {
          case "us", "µs" -> 1e6;
          case "ms" -> 1e3;
          case "s" -> 1.0;
          case "m" -> 1.0 / 60;
          case "h" -> 1.0 / 3600;
          default -> throw new BadValue("unknown rate unit " + SafeText.quote("/" + unit), RATE_FORM);
        };
    double r = perUnit * unitsPerSecond;
    if (!Double.isFinite(r)) {
      throw new BadValue("rate " + SafeText.quote(s) + " is too large", RATE_FORM);
    }
    return r;
  }

  /** Parses a per-mille value; the result is not range-checked. */
  static int permille(String text) throws BadValue {
    String s = text.strip();
    if (s.endsWith("%")) {
      BigDecimal pct = decimal(s.substring(0, s.length() - 1), PERMILLE_FORM);
      BigDecimal pm = pct.multiply(BigDecimal.TEN);
      try {
        return pm.intValueExact();
      } catch (ArithmeticException e) {
        throw new BadValue(SafeText.quote(s) + " is not a whole number of per-mille", PERMILLE_FORM);
      }
    }
    String digits = s;
    if (s.endsWith("‰")) {
      digits = s.substring(0, s.length() - 1).strip();
    } else if (s.endsWith("permille")) {
      digits = s.substring(0, s.length() - "permille".length()).strip();
    }
    if (!digits.matches("[-+]?\\d{1,9}")) {
      throw new BadValue(SafeText.quote(s) + (digits.matches("[-+]?\\d+") ? " is out of range" : " is not a per-mille value"),
          PERMILLE_FORM);
    }
    return Integer.parseInt(digits);
  }

  /** Parses a percentage such as {@code 50%}; the result is not range-checked. */
  static double percent(String text) throws BadValue {
    String s = text.strip();
    if (!s.endsWith("%")) {
      throw new BadValue(SafeText.quote(s) + " is not a percentage", PERCENT_FORM);
    }
    return decimal(s.substring(0, s.length() - 1), PERCENT_FORM).doubleValue();
  }

  /** Parses a plain decimal number (exponent allowed), finite. */
  static double number(String text, String expected) throws BadValue {
    if (!NUMBER.matcher(text).matches()) {
      throw new BadValue(SafeText.quote(text) + " is not a number", expected);
    }
    tooManyDigits(text, expected);
    double d = Double.parseDouble(text.strip());
    if (!Double.isFinite(d)) {
      throw new BadValue(SafeText.quote(text) + " is too large", expected);
    }
    if (d != 0 && Math.abs(d) < Double.MIN_NORMAL) {
      // subnormal: so close to 0 that arithmetic on it loses its precision
      throw new BadValue(SafeText.quote(text) + " is too small to compute with (its magnitude is below "
          + Double.MIN_NORMAL + ")", expected);
    }
    return d;
  }

  private static BigDecimal decimal(String text, String expected) throws BadValue {
    String s = text.strip();
    if (!s.matches("[-+]?\\d+(\\.\\d+)?")) {
      throw new BadValue(SafeText.quote(text) + " is not a number", expected);
    }
    tooManyDigits(s, expected);
    return new BigDecimal(s);
  }

  private static Matcher quantity(String text, String expected) throws BadValue {
    Matcher m = QUANTITY.matcher(text);
    if (!m.matches()) {
      throw new BadValue(SafeText.quote(text) + " is not a number with a unit", expected);
    }
    tooManyDigits(text, expected);
    return m;
  }

  private static String unit(Matcher m) {
    return m.group(4) == null ? "" : m.group(4);
  }

  /** A numeral with more than {@link #MAX_DIGITS} digits in a row is refused before any arithmetic. */
  static void tooManyDigits(String text, String expected) throws BadValue {
    if (DIGIT_RUN.matcher(text).find()) {
      throw new BadValue(SafeText.quote(text) + " has more than " + MAX_DIGITS + " digits in a row", expected);
    }
  }

  private static long exact(Matcher m, long scale, String what, String expected, String text)
      throws BadValue {
    String fraction = m.group(3) == null ? "" : "." + m.group(3);
    BigDecimal value = new BigDecimal(m.group(2) + fraction).multiply(BigDecimal.valueOf(scale));
    if ("-".equals(m.group(1))) {
      value = value.negate();
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      if (value.stripTrailingZeros().scale() > 0) {
        throw new BadValue(SafeText.quote(text) + " is not a whole number of " + what + "s", expected);
      }
      throw new BadValue(SafeText.quote(text) + " is too large", expected);
    }
  }

  /** Formats microseconds with the largest unit that represents them exactly. */
  public static String formatDurationUs(long us) {
    return formatDurationNs(Math.multiplyExact(us, 1000L));
  }

  /** Formats nanoseconds with the largest unit that represents them exactly. */
  public static String formatDurationNs(long ns) {
    long[] scales = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L, 1L};
    String[] names = {"h", "m", "s", "ms", "us", "ns"};
    for (int i = 0; i < scales.length; i++) {
      if (ns != 0 && ns % scales[i] == 0) {
        return (ns / scales[i]) + names[i];
      }
    }
    return ns == 0 ? "0s" : ns + "ns";
  }

  /** Formats bytes with the largest binary IEC unit that represents them exactly. */
  public static String formatSize(long bytes) {
    String[] names = {"TiB", "GiB", "MiB", "KiB"};
    int[] shifts = {40, 30, 20, 10};
    for (int i = 0; i < names.length; i++) {
      long unit = 1L << shifts[i];
      if (bytes != 0 && bytes % unit == 0) {
        return (bytes / unit) + names[i];
      }
    }
    return bytes + "B";
  }

  /** Formats a rate per second so that it parses back to the same double. */
  public static String formatRate(double perSecond) {
    if (perSecond == Math.rint(perSecond) && Math.abs(perSecond) < 1e15) {
      return String.format(Locale.ROOT, "%d/s", (long) perSecond);
    }
    return Double.toString(perSecond) + "/s";
  }

  /** Formats a plain number so that it parses back to the same double. */
  static String formatNumber(double d) {
    return Double.toString(d);
  }
}
