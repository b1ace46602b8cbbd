package io.mlproxy.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** How one scalar field is parsed and range-checked; {@link #expected()} feeds error messages. */
interface ValueType<T> {

  /** What a valid value looks like, e.g. "a duration such as 5ms". */
  String expected();

  /** Parses the scalar's text, or explains why it is not a valid value. */
  T parse(String text) throws BadValue;

  /** A duration in microseconds, at least {@code minUs}. */
  static ValueType<Long> durationUs(long minUs) {
    return of(
        Units.DURATION_FORM + (minUs > 0 ? ", greater than 0" : ""),
        text -> {
          long ns = Units.durationNs(text);
          if (ns % 1000 != 0) {
            throw new BadValue(
                "'" + text.strip() + "' is not a whole number of microseconds", Units.DURATION_FORM);
          }
          long us = ns / 1000;
          if (us < minUs) {
            throw new BadValue(
                "'" + text.strip() + "' is out of range",
                minUs == 0 ? "a duration ≥ 0s" : "a duration ≥ " + Units.formatDurationUs(minUs));
          }
          return us;
        });
  }

  /** A cost in nanoseconds, at least 0. */
  static ValueType<Long> costNs() {
    return of(
        Units.DURATION_FORM,
        text -> {
          long ns = Units.durationNs(text);
          if (ns < 0) {
            throw new BadValue("'" + text.strip() + "' is negative", "a duration ≥ 0ns");
          }
          return ns;
        });
  }

  /** A size in bytes within [min, max]. */
  static ValueType<Long> sizeBytes(long min, long max) {
    String range = "a size between " + Units.formatSize(min) + " and " + Units.formatSize(max);
    return of(
        Units.SIZE_FORM,
        text -> {
          long b = Units.sizeBytes(text);
          if (b < min || b > max) {
            throw new BadValue("'" + text.strip() + "' is out of range", range);
          }
          return b;
        });
  }

  /** A power-of-two size in bytes within [min, max]. */
  static ValueType<Long> pageSize(long min, long max) {
    ValueType<Long> size = sizeBytes(min, max);
    return of(
        "a power of two such as 4KiB",
        text -> {
          long b = size.parse(text);
          if (Long.bitCount(b) != 1) {
            throw new BadValue("'" + text.strip() + "' is not a power of two", "a size such as 4KiB or 2MiB");
          }
          return b;
        });
  }

  /** Per-mille within [0, 1000]. */
  static ValueType<Integer> permille() {
    return of(
        Units.PERMILLE_FORM,
        text -> {
          int v = Units.permille(text);
          if (v < 0 || v > 1000) {
            throw new BadValue("'" + text.strip() + "' is out of range", Units.PERMILLE_FORM);
          }
          return v;
        });
  }

  /** A whole number within [lo, hi]. */
  static ValueType<Integer> intRange(int lo, int hi) {
    String expected =
        hi == Integer.MAX_VALUE ? "an integer ≥ " + lo : "an integer between " + lo + " and " + hi;
    return of(
        expected,
        text -> {
          try {
            return (int) (long) ValueType.longRange(lo, hi).parse(text);
          } catch (BadValue bad) {
            throw new BadValue(bad.getMessage(), expected);
          }
        });
  }

  /** A whole number within [lo, hi]. */
  static ValueType<Long> longRange(long lo, long hi) {
    String expected =
        hi == Long.MAX_VALUE ? "an integer ≥ " + lo : "an integer between " + lo + " and " + hi;
    return of(
        expected,
        text -> {
          String s = text.strip();
          if (!s.matches("[-+]?\\d{1,30}")) {
            throw new BadValue("'" + s + "' is not an integer", expected);
          }
          long v;
          try {
            v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
          } catch (NumberFormatException e) {
            throw new BadValue("'" + s + "' is out of range", expected);
          }
          if (v < lo || v > hi) {
            throw new BadValue("'" + s + "' is out of range", expected);
          }
          return v;
        });
  }

  /** A decimal number within the range; {@code loOpen} excludes the lower bound. */
  static ValueType<Double> number(double lo, boolean loOpen, double hi) {
    String expected =
        hi == Double.MAX_VALUE
            ? "a number " + (loOpen ? "> " : "≥ ") + fmt(lo)
            : "a number " + (loOpen ? "> " : "≥ ") + fmt(lo) + " and ≤ " + fmt(hi);
    return of(
        expected,
        text -> {
          double d = Units.number(text, expected);
          if (d < lo || (loOpen && d == lo) || d > hi) {
            throw new BadValue("'" + text.strip() + "' is out of range", expected);
          }
          return d;
        });
  }

  /** Any finite decimal number. */
  static ValueType<Double> anyNumber() {
    return of("a number", text -> Units.number(text, "a number"));
  }

  /** A fraction within [0, 1]. */
  static ValueType<Double> fraction() {
    return number(0, false, 1);
  }

  /** A whole number of touches per second within [1, 10^12], the workload generator's range. */
  static ValueType<Long> touchRate() {
    String range = "a whole number of touches per second between 1/s and 1000000000000/s";
    return of(
        Units.RATE_FORM + ", " + range,
        text -> {
          double r = Units.ratePerSecond(text);
          if (r < 1 || r > 1e12) {
            throw new BadValue("'" + text.strip() + "' is out of range", range);
          }
          if (r != Math.rint(r)) {
            throw new BadValue("'" + text.strip() + "' is not a whole number of touches per second", range);
          }
          return (long) r;
        });
  }

  /** A rate in events per second, any sign (a direction). */
  static ValueType<Double> signedRate() {
    return of(Units.RATE_FORM, Units::ratePerSecond);
  }

  /** YAML 1.2 booleans. */
  static ValueType<Boolean> bool() {
    return of(
        "true or false",
        text ->
            switch (text.strip()) {
              case "true", "True", "TRUE" -> true;
              case "false", "False", "FALSE" -> false;
              default -> throw new BadValue("'" + text.strip() + "' is not a boolean", "true or false");
            });
  }

  /** Any string. */
  static ValueType<String> string() {
    return of("a string", text -> text);
  }

  /** A string matching a regular expression. */
  static ValueType<String> matching(String regex, String expected) {
    Pattern p = Pattern.compile(regex);
    return of(
        expected,
        text -> {
          if (!p.matcher(text).matches()) {
            throw new BadValue("'" + text + "' is not valid", expected);
          }
          return text;
        });
  }

  /** One of an enum's YAML names. */
  static <E extends Enum<E>> ValueType<E> oneOf(Class<E> type, Function<E, String> yamlName) {
    E[] values = type.getEnumConstants();
    String names = Arrays.stream(values).map(yamlName).collect(Collectors.joining(", "));
    String expected = "one of " + names;
    return of(
        expected,
        text -> {
          for (E e : values) {
            if (yamlName.apply(e).equals(text.strip())) {
              return e;
            }
          }
          String hint = Suggest.closest(text.strip(), Arrays.stream(values).map(yamlName).toList());
          throw new BadValue(
              "'" + text.strip() + "' is not valid" + (hint == null ? "" : " (did you mean '" + hint + "'?)"),
              expected);
        });
  }

  /** Parses a scalar's text into a value. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws BadValue;
  }

  static <T> ValueType<T> of(String expected, Parser<T> parser) {
    return new ValueType<>() {
      @Override
      public String expected() {
        return expected;
      }

      @Override
      public T parse(String text) throws BadValue {
        return parser.parse(text);
      }
    };
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.format(Locale.ROOT, "%d", (long) d) : Double.toString(d);
  }
}
