package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.NumericChars;
import org.junit.jupiter.api.Test;

class AsciiWriterTest {

  @Property(tries = 200)
  void writesWhatTheStringsWouldBe(@ForAll @Size(max = 3000) List<Integer> values,
      @ForAll @NumericChars @StringLength(max = 40) String text, @ForAll @IntRange(min = 0, max = 70_000) int big)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder expected = new StringBuilder();
    byte[] large = "x".repeat(big).getBytes(StandardCharsets.US_ASCII);
    try (AsciiWriter out = new AsciiWriter(bytes)) {
      out.ascii(text).ch(',');
      expected.append(text).append(',');
      for (int v : values) {
        out.decimal(v).ch('\n');
        expected.append(v).append('\n');
      }
      // longer than the buffer, and again after it
      out.bytes(large).decimal(Integer.MIN_VALUE).bytes(large);
      expected.append("x".repeat(big)).append(Integer.MIN_VALUE).append("x".repeat(big));
    }
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
  }

  @Test
  void decimalsAtTheEdgesOfTheirLength() throws IOException {
    int[] values = {0, 9, 10, 99, 100, 999_999_999, 1_000_000_000, Integer.MAX_VALUE, -1, -10, Integer.MIN_VALUE};
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder expected = new StringBuilder();
    try (AsciiWriter out = new AsciiWriter(bytes)) {
      for (int v : values) {
        out.decimal(v).ch(' ');
        expected.append(v).append(' ');
      }
    }
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
  }
}
