package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCsvTest {

  private static final Path F = Path.of("x.csv");

  /** A parsed table: the rows' fields and the line each started on. */
  private record Parsed(List<String> header, List<String[]> rows, List<Integer> lines) {}

  @SafeVarargs
  private static Parsed parse(String text, List<String>... headers) {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> header = ResultsCsv.parse(F, text, r -> {
      String[] f = new String[r.width()];
      for (int i = 0; i < f.length; i++) {
        f[i] = r.text(i);
      }
      rows.add(f);
      lines.add(r.line());
    }, headers);
    return new Parsed(header, rows, lines);
  }

  /** The value of one field read through {@code reader}. */
  private static Object field(String text, int row, java.util.function.Function<ResultsCsv.Row, Object> reader) {
    Object[] out = {null};
    int[] n = {0};
    String head = text.substring(0, text.indexOf('\n'));
    ResultsCsv.parse(F, text, r -> {
      if (n[0]++ == row) {
        out[0] = reader.apply(r);
      }
    }, List.of(head.split(",", -1)));
    return out[0];
  }

  @Test
  void parsesHeaderRowsAndLineNumbers() {
    Parsed t = parse("a,b,c\n1,2,3\n4,,6\n", List.of("a", "b", "c"));
    assertThat(t.header()).containsExactly("a", "b", "c");
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1)[1]).isEmpty();
    assertThat(t.lines()).containsExactly(2, 3);
    assertThat(field("a,b\n1,\n", 0, r -> r.numberOrNaN(1))).isEqualTo(Double.NaN);
    assertThat(field("a,b\n1,6\n", 0, r -> r.number(1))).isEqualTo(6.0);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndNewlinesAndLinesStillCount() {
    Parsed t = parse("k,reason\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n", List.of("k", "reason"));
    assertThat(t.rows().get(0)[1]).isEqualTo("a, \"b\"\nc");
    assertThat(t.lines()).containsExactly(2, 4); // the quoted newline took a line
    assertThat(t.rows().get(1)[1]).isEqualTo("plain");
  }

  @Test
  void lastLineWithoutNewlineAndCrLfAreAccepted() {
    Parsed t = parse("a,b\r\n1,2\r\n3,4", List.of("a", "b"));
    assertThat(t.rows()).hasSize(2);
    assertThat(t.rows().get(1)[1]).isEqualTo("4");
  }

  @Test
  void wrongFieldCountNamesTheLine() {
    assertThatThrownBy(() -> parse("a,b\n1,2\n3\n", List.of("a", "b")))
        .isInstanceOf(ReportException.class)
        .hasMessage("x.csv:3: expected 2 fields as in the header, found 1");
  }

  @Test
  void unclosedQuoteNamesTheLineWhereTheRecordStarted() {
    assertThatThrownBy(() -> parse("a,b\n1,2\n3,\"oops\n4,5\n", List.of("a", "b")))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).startsWith("malformed CSV").contains("EOF");
        });
  }

  @Test
  void textAfterAClosingQuoteIsAnError() {
    assertThatThrownBy(() -> parse("a\n\"x\"y\n", List.of("a")))
        .hasMessageStartingWith("x.csv:2: malformed CSV: ");
  }

  @Test
  void badNumbersNameFileLineAndColumn() {
    String text = "a,b\n1,2\n1,abc\n1,NaN\n1,0x10\n1,\n";
    assertThatThrownBy(() -> field(text, 1, r -> r.number(1))).hasMessage("x.csv:3: column 'b' 'abc' is not a number");
    assertThatThrownBy(() -> field(text, 2, r -> r.number(1))).hasMessage("x.csv:4: column 'b' 'NaN' is not a number");
    assertThatThrownBy(() -> field(text, 3, r -> r.number(1))).hasMessage("x.csv:5: column 'b' '0x10' is not a number");
    assertThatThrownBy(() -> field(text, 4, r -> r.number(1)))
        .hasMessage("x.csv:6: column 'b' is empty, a number is required");
    assertThatThrownBy(() -> field("a\n1.5\n", 0, r -> r.integer(0)))
        .hasMessage("x.csv:2: column 'a' '1.5' is not a whole number");
  }

  @Test
  void numbersAreParsedExactly() {
    String text = "a\n-42\n0.1\n1e-3\n123456789012345678\n-0\n";
    assertThat(field(text, 0, r -> r.number(0))).isEqualTo(-42.0);
    assertThat(field(text, 1, r -> r.number(0))).isEqualTo(0.1);
    assertThat(field(text, 2, r -> r.number(0))).isEqualTo(0.001);
    assertThat(field(text, 3, r -> r.number(0))).isEqualTo(123456789012345678.0);
    assertThat(field(text, 4, r -> r.number(0))).isEqualTo(0.0);
    assertThat(field(text, 0, r -> r.integer(0))).isEqualTo(-42L);
  }

  @Test
  void headerChecks() {
    assertThatThrownBy(() -> parse("", List.of("a"))).hasMessage("x.csv: file is empty (no header row)");
    assertThatThrownBy(() -> parse("a,a\n", List.of("a", "a"))).hasMessage("x.csv:1: column 'a' appears twice");
    assertThatThrownBy(() -> parse("a,b\n", List.of("a", "b", "c")))
        .hasMessageStartingWith("x.csv:1: missing column 'c'");
    assertThatThrownBy(() -> parse("a,b\n", List.of("b", "a")))
        .hasMessage("x.csv:1: columns must be exactly b,a in this order");
    // one of several accepted headers (a column added later, older results still read)
    assertThat(parse("a,b\n1,2\n", List.of("a", "b", "c"), List.of("a", "b")).header()).containsExactly("a", "b");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumn() {
    assertThat(parse("\uFEFFa,b\n1,2\n", List.of("a", "b")).header()).containsExactly("a", "b");
  }

  @Test
  void filesThatAreMissingOrNotUtf8NameFileAndLine(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("none.csv");
    assertThatThrownBy(() -> ResultsCsv.read(missing, r -> { }, List.of("a")))
        .hasMessage(missing + ": file is missing");
    Path bad = dir.resolve("bad.csv");
    Files.write(bad, new byte[] {'a', '\n', '1', '\n', (byte) 0xff, '\n'});
    assertThatThrownBy(() -> ResultsCsv.read(bad, r -> { }, List.of("a")))
        .hasMessageStartingWith(bad + ":3: not valid UTF-8");
    Path ok = dir.resolve("ok.csv");
    Files.writeString(ok, "a\n€\n", StandardCharsets.UTF_8);
    List<String> seen = new ArrayList<>();
    ResultsCsv.read(ok, r -> seen.add(r.text(0)), List.of("a"));
    assertThat(seen).containsExactly("€");
  }

  /** Writes records with RFC 4180 quoting, independently of the parser. */
  private static String write(List<List<String>> records) {
    StringBuilder b = new StringBuilder();
    for (List<String> r : records) {
      for (int i = 0; i < r.size(); i++) {
        String f = r.get(i);
        if (i > 0) {
          b.append(',');
        }
        if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
            || f.isEmpty() && r.size() == 1) {
          b.append('"').append(f.replace("\"", "\"\"")).append('"');
        } else {
          b.append(f);
        }
      }
      b.append('\n');
    }
    return b.toString();
  }

  @Provide
  Arbitrary<List<List<String>>> tables() {
    Arbitrary<String> field = Arbitraries.strings().withChars("ab,\"\n\r 1.-é€").ofMaxLength(5);
    return Arbitraries.integers().between(1, 4).flatMap(cols ->
        field.list().ofSize(cols).list().ofMinSize(0).ofMaxSize(5).map(rows -> {
          List<List<String>> records = new ArrayList<>();
          List<String> header = new ArrayList<>();
          for (int c = 0; c < cols; c++) {
            header.add("h" + c); // header names must differ
          }
          records.add(header);
          records.addAll(rows);
          return records;
        }));
  }

  @Property(tries = 500)
  void roundTripsRandomTables(@ForAll("tables") List<List<String>> records) {
    String text = write(records);
    Parsed t = parse(text, records.get(0));
    assertThat(t.rows()).as(text).hasSize(records.size() - 1);
    for (int r = 0; r < t.rows().size(); r++) {
      assertThat(t.rows().get(r)).as(text).containsExactlyElementsOf(records.get(r + 1));
    }
  }

  @Property(tries = 3000)
  void garbageEitherParsesOrFailsWithAReportExceptionNamingALine(
      @ForAll("garbage") String text) {
    try {
      String head = text.contains("\n") ? text.substring(0, text.indexOf('\n')) : text;
      ResultsCsv.parse(F, text, r -> {
        for (int c = 0; c < r.width(); c++) {
          try {
            r.numberOrNaN(c);
          } catch (ReportException e) {
            assertThat(e.line()).isEqualTo(r.line());
          }
        }
      }, List.of(head.split(",", -1)));
    } catch (ReportException e) {
      // Commons CSV counts a lone carriage return as a line end too
      int lines = 1 + (int) text.chars().filter(c -> c == '\n' || c == '\r').count();
      assertThat(e.line()).as(text).isBetween(0, lines);
      assertThat(e.getMessage()).startsWith("x.csv");
    }
  }

  @Provide
  Arbitrary<String> garbage() {
    return Arbitraries.strings().withChars("a1,\"\n\r.-e ").ofMaxLength(40);
  }
}
