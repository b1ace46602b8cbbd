package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import net.jqwik.api.ForAll;
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
}
