package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvTableTest {

  private static final Path F = Path.of("x.csv");

  @Test
  void parsesHeaderRowsAndLineNumbers() {
    CsvTable t = CsvTable.parse(F, "a,b,c\n1,2,3\n4,,6\n");
    assertThat(t.header()).containsExactly("a", "b", "c");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.text(1, 1)).isEmpty();
    assertThat(t.number(1, 2)).isEqualTo(6.0);
    assertThat(t.numberOrNaN(1, 1)).isNaN();
    assertThat(t.line(0)).isEqualTo(2);
    assertThat(t.line(1)).isEqualTo(3);
  }

  @Test
  void quotedFieldsMayHoldCommasQuotesAndNewlinesAndLinesStillCount() {
    CsvTable t = CsvTable.parse(F, "k,reason\n1,\"a, \"\"b\"\"\nc\"\n2,plain\n");
    assertThat(t.text(0, 1)).isEqualTo("a, \"b\"\nc");
    assertThat(t.line(0)).isEqualTo(2);
    assertThat(t.line(1)).isEqualTo(4); // the quoted newline took a line
    assertThat(t.text(1, 1)).isEqualTo("plain");
  }

  @Test
  void lastLineWithoutNewlineAndCrLfAreAccepted() {
    CsvTable t = CsvTable.parse(F, "a,b\r\n1,2\r\n3,4");
    assertThat(t.size()).isEqualTo(2);
    assertThat(t.number(1, 1)).isEqualTo(4.0);
  }

  @Test
  void wrongFieldCountNamesTheLine() {
    assertThatThrownBy(() -> CsvTable.parse(F, "a,b\n1,2\n3\n"))
        .isInstanceOf(ReportException.class)
        .hasMessage("x.csv:3: expected 2 fields as in the header, found 1");
  }

  @Test
  void unclosedQuoteNamesTheLineWhereItOpened() {
    assertThatThrownBy(() -> CsvTable.parse(F, "a,b\n1,2\n3,\"oops\n4,5\n"))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).contains("never closed");
        });
  }

  @Test
  void strayQuoteAndTextAfterClosingQuoteAreErrors() {
    assertThatThrownBy(() -> CsvTable.parse(F, "a\nx\"y\n")).hasMessage("x.csv:2: quote inside an unquoted field");
    assertThatThrownBy(() -> CsvTable.parse(F, "a\n\"x\"y\n")).hasMessageContaining("x.csv:2: unexpected character after closing quote");
  }

  @Test
  void badNumbersNameFileLineAndColumn() {
    CsvTable t = CsvTable.parse(F, "a,b\n1,2\n1,abc\n1,NaN\n1,0x10\n1,\n");
    assertThatThrownBy(() -> t.number(1, 1)).hasMessage("x.csv:3: column 'b' 'abc' is not a number");
    assertThatThrownBy(() -> t.number(2, 1)).hasMessage("x.csv:4: column 'b' 'NaN' is not a number");
    assertThatThrownBy(() -> t.number(3, 1)).hasMessage("x.csv:5: column 'b' '0x10' is not a number");
    assertThatThrownBy(() -> t.number(4, 1)).hasMessage("x.csv:6: column 'b' is empty, a number is required");
    assertThatThrownBy(() -> CsvTable.parse(F, "a\n1.5\n").integer(0, 0))
        .hasMessage("x.csv:2: column 'a' '1.5' is not a whole number");
  }

  @Test
  void numbersAreParsedExactly() {
    CsvTable t = CsvTable.parse(F, "a\n-42\n0.1\n1e-3\n123456789012345678\n-0\n");
    assertThat(t.number(0, 0)).isEqualTo(-42.0);
    assertThat(t.number(1, 0)).isEqualTo(0.1);
    assertThat(t.number(2, 0)).isEqualTo(0.001);
    assertThat(t.number(3, 0)).isEqualTo(123456789012345678.0);
    assertThat(t.number(4, 0)).isEqualTo(0.0);
    assertThat(t.integer(0, 0)).isEqualTo(-42L);
  }

  @Test
  void decimalsParseExactlyAsDoubleParseDouble() {
    Random rnd = new Random(13);
    StringBuilder text = new StringBuilder("v\n");
    java.util.List<String> values = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder v = new StringBuilder(rnd.nextInt(4) == 0 ? "-" : "");
      int intDigits = 1 + rnd.nextInt(9);
      v.append(rnd.nextInt(9) + 1);
      for (int d = 1; d < intDigits; d++) {
        v.append(rnd.nextInt(10));
      }
      if (rnd.nextInt(5) == 0) {
        v.setLength(v.length() - intDigits + 1);
        v.setCharAt(v.length() - 1, '0');
      }
      v.append('.');
      for (int d = 1 + rnd.nextInt(9); d > 0; d--) {
        v.append(rnd.nextInt(10));
      }
      values.add(v.toString());
      text.append(v).append('\n');
    }
    values.addAll(List.of("0.1", "0.3", "9.999999999999", "123456.789012345", "-0.000001",
        "1234567890123.45", "12345678901234.56"));
    for (String v : values.subList(20_000, values.size())) {
      text.append(v).append('\n');
    }
    CsvTable t = CsvTable.parse(F, text.toString());
    for (int r = 0; r < values.size(); r++) {
      assertThat(t.number(r, 0)).as(values.get(r)).isEqualTo(Double.parseDouble(values.get(r)));
    }
  }

  @Test
  void headerChecks() {
    assertThatThrownBy(() -> CsvTable.parse(F, "")).hasMessage("x.csv: file is empty (no header row)");
    assertThatThrownBy(() -> CsvTable.parse(F, "a,a\n")).hasMessage("x.csv:1: column 'a' appears twice");
    CsvTable t = CsvTable.parse(F, "a,b\n");
    assertThatThrownBy(() -> t.column("c")).hasMessageStartingWith("x.csv:1: missing column 'c'");
    assertThatThrownBy(() -> t.requireHeader(List.of("b", "a")))
        .hasMessage("x.csv:1: columns must be exactly b,a in this order");
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumn() {
    assertThat(CsvTable.parse(F, "\uFEFFa,b\n1,2\n").header()).containsExactly("a", "b");
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

  @Test
  void roundTripsRandomTables() {
    Random rnd = new Random(7);
    String alphabet = "ab,\"\n\r 1.-é€";
    for (int trial = 0; trial < 2000; trial++) {
      int cols = 1 + rnd.nextInt(4);
      int rows = rnd.nextInt(5);
      List<List<String>> records = new ArrayList<>();
      for (int r = 0; r <= rows; r++) {
        List<String> rec = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
          StringBuilder f = new StringBuilder();
          int len = r == 0 ? 1 + rnd.nextInt(3) : rnd.nextInt(5);
          for (int k = 0; k < len; k++) {
            f.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
          }
          // header names must differ
          rec.add(r == 0 ? "h" + c + f : f.toString());
        }
        records.add(rec);
      }
      String text = write(records);
      CsvTable t = CsvTable.parse(F, text);
      assertThat(t.header()).as(text).isEqualTo(records.get(0));
      assertThat(t.size()).as(text).isEqualTo(rows);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          assertThat(t.text(r, c)).as(text).isEqualTo(records.get(r + 1).get(c));
        }
      }
    }
  }

  @Test
  void garbageEitherParsesOrFailsWithAReportExceptionNamingALine() {
    Random rnd = new Random(11);
    String alphabet = "a1,\"\n\r.-e ";
    for (int trial = 0; trial < 20_000; trial++) {
      int len = rnd.nextInt(40);
      StringBuilder s = new StringBuilder();
      for (int k = 0; k < len; k++) {
        s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
      }
      try {
        CsvTable t = CsvTable.parse(F, s.toString());
        for (int r = 0; r < t.size(); r++) {
          for (int c = 0; c < t.header().size(); c++) {
            try {
              t.numberOrNaN(r, c);
            } catch (ReportException e) {
              assertThat(e.line()).isEqualTo(t.line(r));
            }
          }
        }
      } catch (ReportException e) {
        int lines = s.toString().split("\n", -1).length;
        assertThat(e.line()).as(s.toString()).isBetween(0, lines);
        assertThat(e.getMessage()).startsWith("x.csv");
      }
    }
  }
}
