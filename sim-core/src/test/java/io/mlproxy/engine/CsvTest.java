package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void numbersHaveAFixedPlainFormat() {
    assertThat(Csv.format(0.1)).isEqualTo("0.1");
    assertThat(Csv.format(1.0)).isEqualTo("1");
    assertThat(Csv.format(-0.0)).isEqualTo("0");
    assertThat(Csv.format(1e-9)).isEqualTo("0");
    assertThat(Csv.format(123456789.1234567)).isEqualTo("123456789.123457");
    assertThat(Csv.format(2.5e10)).isEqualTo("25000000000");
    assertThat(Csv.format(Double.NaN)).isEmpty();
  }

  @Test
  void halvesRoundToEvenAsTheExactValueSays() {
    // 0.0000005 is a little below the half in binary, 0.0000025 a little above, 2.5e-6 * 1e6 = 2.5 exactly
    for (double v : new double[] {5e-7, 2.5e-6, 1.5e-6, 0.1234565, 1234.0000005, -0.0000005, 0.0000015,
        123456789.0000005, 7.000000499999999, 9.9999995}) {
      assertThat(Csv.format(v)).as("%s", v).isEqualTo(Csv.exact(v));
    }
  }

  @Property(tries = 3000)
  void theFastFormatEqualsTheExactOne(@ForAll double v) {
    assertThat(Csv.format(v)).isEqualTo(Double.isFinite(v) ? Csv.exact(v) : "");
  }

  @Property(tries = 3000)
  void theFastFormatEqualsTheExactOneOnTimesAndShares(@ForAll @DoubleRange(min = -1e9, max = 1e9) double v,
      @ForAll @DoubleRange(min = 0, max = 1e7) double ms) {
    assertThat(Csv.format(v)).isEqualTo(Csv.exact(v));
    double time = Math.floor(ms) / 1e3;
    assertThat(Csv.format(time)).isEqualTo(Csv.exact(time));
    double halfMillionth = (Math.floor(ms) + 0.5) / 1e6;
    assertThat(Csv.format(halfMillionth)).isEqualTo(Csv.exact(halfMillionth));
  }

  @Test
  void textIsQuotedOnlyWhenNeeded() {
    StringWriter w = new StringWriter();
    new Csv(w).text("plain").text("a,b").text("say \"hi\"").num(3).num(0.25).end().row("x", "y");
    assertThat(w.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",3,0.25\nx,y\n");
  }

  @Test
  void emptyFieldsKeepTheirSeparatorsAndARowReachesTheWriterAtItsEnd() {
    StringWriter w = new StringWriter();
    Csv csv = new Csv(w).text("").num(Double.NaN).num(-7);
    assertThat(w.toString()).isEmpty();
    csv.end().text(null).end();
    assertThat(w.toString()).isEqualTo(",,-7\n\n");
  }

  @Test
  void fieldsMakeOneFragmentOfQuotedText() {
    assertThat(Csv.fields(java.util.List.of("p1", "a,b", ""))).isEqualTo("p1,\"a,b\",");
    assertThat(Csv.fields(java.util.List.of())).isEmpty();
    // an empty first field keeps its comma (a sweep value may be empty)
    assertThat(Csv.fields(java.util.Arrays.asList("", null, "x"))).isEqualTo(",,x");
  }

  /** Rows of random fields come out as each field's own format joined by commas, one line per row. */
  @Property(tries = 300)
  void aRowIsItsFieldsFormatsJoined(@ForAll java.util.List<@From("field") Object> fields) {
    StringWriter w = new StringWriter();
    Csv csv = new Csv(w);
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      Object f = fields.get(i);
      expected.append(i == 0 ? "" : ",");
      if (f instanceof Long l) {
        csv.num(l);
        expected.append(Long.toString(l));
      } else if (f instanceof Double d) {
        csv.num(d);
        expected.append(Double.isFinite(d) ? Csv.exact(d) : "");
      } else {
        csv.text((String) f);
        expected.append(Csv.quote((String) f));
      }
    }
    csv.end();
    assertThat(w.toString()).isEqualTo(expected.append('\n').toString());
  }

  @Provide
  Arbitrary<Object> field() {
    return Arbitraries.oneOf(Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(Double.NaN, 0.0000005, -0.0000015, 1e300).map(d -> (Object) d),
        Arbitraries.strings().ofMaxLength(6).withChars("ab,\"\n\r").map(t -> (Object) t));
  }
}
