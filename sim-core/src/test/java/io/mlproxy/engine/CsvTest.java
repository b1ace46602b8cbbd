package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
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
  void textIsQuotedOnlyWhenNeeded() {
    StringWriter w = new StringWriter();
    new Csv(w).text("plain").text("a,b").text("say \"hi\"").num(3).num(0.25).end().row("x", "y");
    assertThat(w.toString()).isEqualTo("plain,\"a,b\",\"say \"\"hi\"\"\",3,0.25\nx,y\n");
  }
}
