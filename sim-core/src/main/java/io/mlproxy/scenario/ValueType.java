package io.mlproxy.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How one scalar field is parsed and range-checked; {@link #expected()} feeds error messages and
 * {@link #bounds()} the README's "bounds" column (see {@link Fields}).
 */
interface ValueType<T> {

  /** What a valid value looks like, e.g. "a duration such as 5ms". */
  String expected();

  /** The accepted range as README shows it, e.g. {@code 1us..576h}; "—" for names and flags. */
  default String bounds() {
    return "—";
  }

  /** Parses the scalar's text, or explains why it is not a valid value. */
  T parse(String text) throws BadValue;

  /** A duration in microseconds within [minUs, maxUs]. */
  static ValueType<Long> durationUs(long minUs, long maxUs) {
    String range = Units.formatDurationUs(minUs) + ".." + Units.formatDurationUs(maxUs);
    String expected = "a duration from " + Units.formatDurationUs(minUs) + " to " + Units.formatDurationUs(maxUs);
    return of(
        Units.DURATION_FORM + ", from " + Units.formatDurationUs(minUs) + " to " + Units.formatDurationUs(maxUs),
        range,
        text -> {
          long ns = Units.durationNs(text);
          if (ns < Math.multiplyExact(minUs, 1000L) || ns > Math.multiplyExact(maxUs, 1000L)) {
            throw new BadValue(SafeText.quote(text) + " is out of range", expected);
          }
          if (ns % 1000 != 0) {
            throw new BadValue(
                SafeText.quote(text) + " is not a whole number of microseconds", Units.DURATION_FORM);
          }
          return ns / 1000;
        });
  }

  /**
   * A duration counted in whole milliseconds by the component that uses it (the proxy, the DAMOS
   * quota, the agent's label horizon), within [minUs, maxUs]; stored in microseconds.
   */
  static ValueType<Long> durationMs(long minUs, long maxUs, String why) {
    ValueType<Long> us = durationUs(minUs, maxUs);
    return of(us.expected() + ", in whole milliseconds", us.bounds() + ", whole ms", text -> {
      long v = us.parse(text);
      if (v % 1000 != 0) {
        throw new BadValue(SafeText.quote(text) + " is not a whole number of milliseconds",
            "a duration in whole ms: " + why);
      }
      return v;
    });
  }

  /** A cost in nanoseconds within [minNs, maxNs]; whole microseconds when {@code wholeUs}. */
  static ValueType<Long> costNs(long minNs, long maxNs, boolean wholeUs, String why) {
    String range = Units.formatDurationNs(minNs) + ".." + Units.formatDurationNs(maxNs);
    String fromTo = "from " + Units.formatDurationNs(minNs) + " to " + Units.formatDurationNs(maxNs);
    return of(
        Units.DURATION_FORM + ", " + fromTo,
        range + (wholeUs ? ", whole us" : ""),
        text -> {
          long ns = Units.durationNs(text);
          if (ns < minNs || ns > maxNs) {
            throw new BadValue(SafeText.quote(text) + " is out of range", "a duration " + fromTo);
          }
          if (wholeUs && ns % 1000 != 0) {
            throw new BadValue(SafeText.quote(text) + " is not a whole number of microseconds",
                "a duration in whole us: " + why);
          }
          return ns;
        });
  }

  /** A size in bytes within [min, max]. */
  static ValueType<Long> sizeBytes(long min, long max) {
    String range = Units.formatSize(min) + ".." + Units.formatSize(max);
    String fromTo = "from " + Units.formatSize(min) + " to " + Units.formatSize(max);
    return of(
        Units.SIZE_FORM + ", " + fromTo,
        range,
        text -> {
          long b = Units.sizeBytes(text);
          if (b < min || b > max) {
            throw new BadValue(SafeText.quote(text) + " is out of range", "a size " + fromTo);
          }
          return b;
        });
  }

  /** A power-of-two size in bytes within [min, max]. */
  static ValueType<Long> pageSize(long min, long max) {
    ValueType<Long> size = sizeBytes(min, max);
    return of(
        "a power of two such as 4KiB, " + size.expected().substring(Units.SIZE_FORM.length() + 2),
        size.bounds() + ", a power of two",
        text -> {
          long b = size.parse(text);
          if (Long.bitCount(b) != 1) {
            throw new BadValue(SafeText.quote(text) + " is not a power of two", "a size such as 4KiB or 2MiB");
          }
          return b;
        });
  }

  /** Per-mille within [0, 1000]. */
  static ValueType<Integer> permille() {
    return of(
        Units.PERMILLE_FORM,
        "0..1000",
        text -> {
          int v = Units.permille(text);
          if (v < 0 || v > 1000) {
            throw new BadValue(SafeText.quote(text) + " is out of range", Units.PERMILLE_FORM);
          }
          return v;
        });
  }

  /** A whole number within [lo, hi]. */
  static ValueType<Integer> intRange(int lo, int hi) {
    ValueType<Long> l = longRange(lo, hi);
    return of(
        l.expected(),
        l.bounds(),
        text -> (int) (long) l.parse(text));
  }

  /** A whole number within [lo, hi]. */
  static ValueType<Long> longRange(long lo, long hi) {
    String expected = "an integer between " + lo + " and " + hi;
    return of(
        expected,
        lo + ".." + hi,
        text -> {
          String s = text.strip();
          if (!s.matches("[-+]?\\d+")) {
            throw new BadValue(SafeText.quote(s) + " is not an integer", expected);
          }
          long v;
          try {
            Units.tooManyDigits(s, expected);
            v = Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
          } catch (NumberFormatException | BadValue e) {
            throw new BadValue(SafeText.quote(s) + " is out of range", expected);
          }
          if (v < lo || v > hi) {
            throw new BadValue(SafeText.quote(s) + " is out of range", expected);
          }
          return v;
        });
  }

  /** A decimal number within the range; {@code loOpen} excludes the lower bound. */
  static ValueType<Double> number(double lo, boolean loOpen, double hi) {
    String expected = "a number " + (loOpen ? "> " : "≥ ") + fmt(lo) + " and ≤ " + fmt(hi);
    return of(
        expected,
        (loOpen ? ">" : "") + fmt(lo) + ".." + fmt(hi),
        text -> {
          double d = Units.number(text, expected);
          if (d < lo || (loOpen && d == lo) || d > hi) {
            throw new BadValue(SafeText.quote(text) + " is out of range", expected);
          }
          return d;
        });
  }

  /** A fraction within [0, 1]. */
  static ValueType<Double> fraction() {
    return number(0, false, 1);
  }

  /** A fraction within [0, 1): where a range of the address space starts. */
  static ValueType<Double> startFraction() {
    String expected = "a number ≥ 0 and < 1 (a start within the address space)";
    return of(
        expected,
        "0..<1",
        text -> {
          double d = Units.number(text, expected);
          if (d < 0 || d >= 1) {
            throw new BadValue(SafeText.quote(text) + " is out of range", expected);
          }
          return d;
        });
  }

  /** A whole number of touches per second within [1, 10^12], the workload generator's range. */
  static ValueType<Long> touchRate() {
    String range = "a whole number of touches per second between 1/s and 1000000000000/s";
    return of(
        Units.RATE_FORM + ", " + range,
        "1/s..1000000000000/s",
        text -> {
          double r = Units.ratePerSecond(text);
          if (r < 1 || r > 1e12) {
            throw new BadValue(SafeText.quote(text) + " is out of range", range);
          }
          if (r != Math.rint(r)) {
            throw new BadValue(SafeText.quote(text) + " is not a whole number of touches per second", range);
          }
          return (long) r;
        });
  }

  /** A rate in events per second, any sign (a direction), at most {@code maxAbs} per second. */
  static ValueType<Double> signedRate(double maxAbs) {
    String range = "-" + fmt(maxAbs) + "/s.." + fmt(maxAbs) + "/s";
    String fromTo = "from -" + fmt(maxAbs) + "/s to " + fmt(maxAbs) + "/s";
    return of(
        Units.RATE_FORM + ", " + fromTo,
        range,
        text -> {
          double r = Units.ratePerSecond(text);
          if (Math.abs(r) > maxAbs) {
            throw new BadValue(SafeText.quote(text) + " is out of range", "a rate " + fromTo);
          }
          return r;
        });
  }

  /** YAML 1.2 booleans. */
  static ValueType<Boolean> bool() {
    return of(
        "true or false",
        text ->
            switch (text.strip()) {
              case "true", "True", "TRUE" -> true;
              case "false", "False", "FALSE" -> false;
              default -> throw new BadValue(SafeText.quote(text) + " is not a boolean", "true or false");
            });
  }

  /**
   * Free text of at most {@code maxChars} characters that can be written to a UTF-8 file and
   * printed: no lone surrogates, no control characters but tab and newline.
   */
  static ValueType<String> text(int maxChars) {
    String expected = "text of at most " + maxChars + " characters, without control characters";
    return of(
        expected,
        "0.." + maxChars + " characters",
        text -> {
          int chars = text.codePointCount(0, text.length());
          if (chars > maxChars) {
            throw new BadValue("the text has " + chars + " characters", expected);
          }
          if (!SafeText.isPrintable(text)) {
            throw new BadValue("the text holds a character that cannot be written or printed: "
                + firstUnprintable(text), expected);
          }
          return text;
        });
  }

  /** A string matching a regular expression, of 1 to {@code maxChars} characters. */
  static ValueType<String> matching(String regex, int maxChars, String expected) {
    Pattern p = Pattern.compile(regex);
    String full = expected + ", at most " + maxChars + " characters";
    return of(
        full,
        "1.." + maxChars + " characters",
        text -> {
          if (!p.matcher(text).matches()) {
            throw new BadValue(SafeText.quote(text) + " is not valid", full);
          }
          if (text.length() > maxChars) {
            throw new BadValue("the name has " + text.length() + " characters", full);
          }
          return text;
        });
  }

  /** Any string, used for paths; checked by its reader. */
  static ValueType<String> string() {
    return of("a string", text -> text);
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
              SafeText.quote(text) + " is not valid" + (hint == null ? "" : " (did you mean '" + hint + "'?)"),
              expected);
        });
  }

  /** Parses a scalar's text into a value. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text) throws BadValue;
  }

  static <T> ValueType<T> of(String expected, Parser<T> parser) {
    return of(expected, "—", parser);
  }

  static <T> ValueType<T> of(String expected, String bounds, Parser<T> parser) {
    return new ValueType<>() {
      @Override
      public String expected() {
        return expected;
      }

      @Override
      public String bounds() {
        return bounds;
      }

      @Override
      public T parse(String text) throws BadValue {
        return parser.parse(text);
      }
    };
  }

  private static String firstUnprintable(String text) {
    String escaped = SafeText.escape(text);
    int i = 0;
    while (i < text.length() && i < escaped.length() && text.charAt(i) == escaped.charAt(i)) {
      i++;
    }
    int end = escaped.indexOf('\\', i) == i ? Math.min(escaped.length(), i + 6) : i + 1;
    String shown = escaped.substring(i, end).replaceAll("^(\\\\u[0-9A-F]{4}|\\\\x[0-9A-F]{2}|\\\\[a-z0-9]).*", "$1");
    return shown + " at character " + (text.codePointCount(0, i) + 1);
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.format(Locale.ROOT, "%d", (long) d) : Double.toString(d);
  }
}
