package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormattingTest {

  @Test
  void escapesMarkupAndAttributeDelimiters() {
    assertThat(HtmlWriter.escape("<script>alert('x') & \"y\"</script>"))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    assertThat(HtmlWriter.escape("plain")).isEqualTo("plain");
    assertThat(HtmlWriter.escape("a\u0001b")).isEqualTo("a\uFFFDb");
  }

  @Test
  void writerEscapesTextAndAttributes() {
    String html = new HtmlWriter().element("td", "a<b", "title", "\"q\"").toString();
    assertThat(html).isEqualTo("<td title=\"&quot;q&quot;\">a&lt;b</td>");
  }

  @Test
  void exactNumbersReadBackToTheSameDouble() {
    assertThat(Fmt.exact(0.123456)).isEqualTo("0.123456");
    assertThat(Fmt.exact(12345.0)).isEqualTo("12345");
    assertThat(Fmt.exact(1e-7)).isEqualTo("0.0000001");
    assertThat(Fmt.exact(-0.0)).isEqualTo("0");
    assertThat(Fmt.exact(Double.NaN)).isEqualTo("—");
    java.util.Random rnd = new java.util.Random(5);
    for (int i = 0; i < 10_000; i++) {
      double v = (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(12) - 6);
      assertThat(Double.parseDouble(Fmt.exact(v))).isEqualTo(v);
    }
  }

  @Test
  void roundedNumbers() {
    assertThat(Fmt.sig(0.0123456, 3)).isEqualTo("0.0123");
    assertThat(Fmt.signed(0.0123456, 2)).isEqualTo("+0.012");
    assertThat(Fmt.signed(-2.5, 2)).isEqualTo("-2.5");
    assertThat(Fmt.percent(0.624)).isEqualTo("62.4%");
    assertThat(Fmt.percent(-6.51)).isEqualTo("-651%");
    assertThat(Fmt.pValue(0.0221)).isEqualTo("p = 0.022");
    assertThat(Fmt.pValue(9.8e-7)).isEqualTo("p < 0.0001");
    assertThat(Fmt.pValue(Double.NaN)).isEqualTo("p = —");
  }

  @Test
  void threeSignificantDigitsWithThousandsSeparators() {
    assertThat(Fmt.num(196.333333)).isEqualTo("196");
    assertThat(Fmt.num(0.36339399999999994)).isEqualTo("0.363");
    assertThat(Fmt.num(0.2573283561940925)).isEqualTo("0.257");
    assertThat(Fmt.num(33997.666667)).isEqualTo("34,000");
    assertThat(Fmt.num(-1234.5)).isEqualTo("-1,230");
    assertThat(Fmt.num(0.000012345)).isEqualTo("0.0000123");
    assertThat(Fmt.num(Double.NaN)).isEqualTo("—");
    assertThat(Fmt.num(0)).isEqualTo("0");
  }

  @Test
  void oneDecimalSvgCoordinates() {
    assertThat(ChartEmbedder.oneDecimal(12.34)).isEqualTo("12.3");
    assertThat(ChartEmbedder.oneDecimal(12.0)).isEqualTo("12");
    assertThat(ChartEmbedder.oneDecimal(-0.04)).isEqualTo("0");
    assertThat(ChartEmbedder.oneDecimal(-0.26)).isEqualTo("-0.3");
    assertThat(ChartEmbedder.oneDecimal(-3.25)).isEqualTo("-3.2");
  }
}
