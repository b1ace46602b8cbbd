package io.mlproxy.report;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a results CSV (RFC 4180, a header row, UTF-8) with Commons CSV, row by row, so that a
 * reader turns fields into primitives as they come and every complaint names file and line.
 */
public final class ResultsCsv {

  /** RFC 4180 as the results format writes it: no blank-line skipping, no trimming. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().get();

  /** Receives each data row; the row object is reused, so keep values, not the row. */
  @FunctionalInterface
  public interface RowHandler {
    /** One data row. */
    void row(Row row);
  }

  private ResultsCsv() {}

  /**
   * Reads {@code file}, whose header must be one of {@code headers} exactly (in order; any header
   * when none is given), and hands
   * every data row to {@code handler}. Returns the header found. A missing, unreadable or
   * malformed file is a ReportException naming the file and line.
   */
  @SafeVarargs
  public static List<String> read(Path file, RowHandler handler, List<String>... headers) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ReportException(file, 0, "file is missing");
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    return parse(file, new StringReader(utf8(file, bytes)), handler, headers);
  }

  /** The bytes as strict UTF-8; a malformed sequence is an error naming its line. */
  private static String utf8(Path file, byte[] bytes) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new ReportException(file, line, "not valid UTF-8 (byte " + (in.position() + 1) + ")");
    }
    return out.flip().toString();
  }

  /** Parses CSV text; {@code file} only names the source in errors. */
  @SafeVarargs
  public static List<String> parse(Path file, String text, RowHandler handler, List<String>... headers) {
    return parse(file, new StringReader(text), handler, headers);
  }

  @SafeVarargs
  private static List<String> parse(Path file, Reader in, RowHandler handler, List<String>... headers) {
    long line = 1;
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(FORMAT).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new ReportException(file, 0, "file is empty (no header row)");
      }
      String[] header = records.next().values();
      if (header.length > 0 && header[0].startsWith("\uFEFF")) {
        header[0] = header[0].substring(1); // a byte-order mark is not part of the first name
      }
      List<String> found = List.of(header);
      checkHeader(file, found, headers);
      line = parser.getCurrentLineNumber() + 1;
      Row row = new Row(file, header);
      while (records.hasNext()) {
        CSVRecord r = records.next();
        row.set(r.values(), line);
        if (row.values.length != header.length) {
          throw row.rowError("expected " + header.length + " fields as in the header, found "
              + row.values.length);
        }
        handler.row(row);
        line = parser.getCurrentLineNumber() + 1;
      }
      return found;
    } catch (UncheckedIOException e) {
      throw malformed(file, line, e.getCause());
    } catch (IOException e) {
      throw malformed(file, line, e);
    }
  }

  private static ReportException malformed(Path file, long line, IOException e) {
    // Commons CSV names the line where it stopped; ours is the line the record started on.
    return new ReportException(file, (int) line, "malformed CSV: " + e.getMessage(), e);
  }

  @SafeVarargs
  private static void checkHeader(Path file, List<String> found, List<String>... headers) {
    for (int h = 0; h < found.size(); h++) {
      if (found.subList(0, h).contains(found.get(h))) {
        throw new ReportException(file, 1, "column '" + found.get(h) + "' appears twice");
      }
    }
    if (headers.length == 0) {
      return; // any header: the reader checks it (sweep.csv's columns depend on the sweep)
    }
    for (List<String> expected : headers) {
      if (found.equals(expected)) {
        return;
      }
    }
    List<String> expected = headers[headers.length - 1];
    for (String name : expected) {
      if (!found.contains(name)) {
        throw new ReportException(file, 1, "missing column '" + name + "' (header: " + found + ")");
      }
    }
    throw new ReportException(
        file, 1, "columns must be exactly " + String.join(",", expected) + " in this order");
  }

  /** One data row: typed access to its fields, errors naming file, line and column. */
  public static final class Row {
    private final Path file;
    private final String[] header;
    private String[] values;
    private long line;

    private Row(Path file, String[] header) {
      this.file = file;
      this.header = header;
    }

    private void set(String[] values, long line) {
      this.values = values;
      this.line = line;
    }

    /** The index of column {@code name}; an error naming the file if the header lacks it. */
    public int column(String name) {
      for (int i = 0; i < header.length; i++) {
        if (header[i].equals(name)) {
          return i;
        }
      }
      throw new ReportException(file, 1, "missing column '" + name + "' (header: " + Arrays.toString(header) + ")");
    }

    /** The header's column names. */
    public List<String> header() {
      return List.of(header);
    }

    /** Number of fields (the header's). */
    public int width() {
      return header.length;
    }

    /** The 1-based line this row starts on. */
    public int line() {
      return (int) line;
    }

    /** The text of a field (quotes removed). */
    public String text(int col) {
      return values[col];
    }

    /** A non-empty text field. */
    public String requiredText(int col) {
      if (values[col].isEmpty()) {
        throw fieldError(col, "is empty");
      }
      return values[col];
    }

    /** A finite number; empty or non-numeric is an error. */
    public double number(int col) {
      if (values[col].isEmpty()) {
        throw fieldError(col, "is empty, a number is required");
      }
      return parseNumber(col);
    }

    /** A finite number, or NaN for an empty field (the format's "undefined"). */
    public double numberOrNaN(int col) {
      return values[col].isEmpty() ? Double.NaN : parseNumber(col);
    }

    /** A whole number (digits with an optional sign). */
    public long integer(int col) {
      String s = values[col];
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw fieldError(col, "'" + s + "' is not a whole number");
      }
    }

    /**
     * A decimal number as the results format writes it. Double.parseDouble also accepts "NaN",
     * "Infinity", hex ("0x1p3"), a trailing 'd' or 'f' and surrounding blanks, none of which the
     * format has: checking the first, second and last characters rules them all out without a
     * pass over every character (millions of fields are read per report).
     */
    private double parseNumber(int col) {
      String s = values[col];
      int n = s.length();
      char first = s.charAt(0);
      char last = s.charAt(n - 1);
      boolean ok = (first >= '0' && first <= '9' || first == '-' || first == '.')
          && last >= '0' && last <= '9'
          && !(n > 1 && (s.charAt(1) == 'x' || s.charAt(1) == 'X'))
          && !(n > 2 && (s.charAt(2) == 'x' || s.charAt(2) == 'X'));
      if (!ok) {
        throw fieldError(col, "'" + s + "' is not a number");
      }
      try {
        double v = Double.parseDouble(s) + 0.0; // "-0" reads as 0
        if (!Double.isFinite(v)) {
          throw fieldError(col, "'" + s + "' is not a finite number");
        }
        return v;
      } catch (NumberFormatException e) {
        throw fieldError(col, "'" + s + "' is not a number");
      }
    }

    /** An error about one field, naming file, line and column. */
    public ReportException fieldError(int col, String what) {
      return new ReportException(file, (int) line, "column '" + header[col] + "' " + what);
    }

    /** An error about the whole row. */
    public ReportException rowError(String what) {
      return new ReportException(file, (int) line, what);
    }

    @Override
    public String toString() {
      return file + ":" + line + " " + Arrays.toString(values);
    }
  }
}
