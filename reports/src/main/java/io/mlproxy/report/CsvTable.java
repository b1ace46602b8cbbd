package io.mlproxy.report;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.BitSet;
import java.util.Arrays;
import java.util.List;

/**
 * A parsed results CSV (RFC 4180 quoting, header row, {@code \n} line ends) that remembers the
 * line each record started on, so every later complaint about a field can name file and line.
 *
 * <p>Fields are kept as offsets into the file's text, not as strings: a results folder holds
 * millions of fields, and numbers are parsed straight from the text.
 */
public final class CsvTable {

  private final Path file;
  private final String text;
  private final String[] header;
  private final int rows;
  /** Per field (row-major, header excluded): start and end offsets into {@link #text}. */
  private final int[] bounds;
  /** Fields that were quoted and contain a doubled quote to undo on access. */
  private final BitSet escaped;
  private final int[] lines;

  private CsvTable(Path file, String text, String[] header, int rows, int[] bounds,
      BitSet escaped, int[] lines) {
    this.file = file;
    this.text = text;
    this.header = header;
    this.rows = rows;
    this.bounds = bounds;
    this.escaped = escaped;
    this.lines = lines;
  }

  /** Reads and parses {@code file}; a missing, unreadable or malformed file is a ReportException. */
  public static CsvTable read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ReportException(file, 0, "file is missing");
    } catch (IOException e) {
      throw new ReportException(file, 0, "cannot read: " + e.getMessage(), e);
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new ReportException(file, 0, "not valid UTF-8");
    }
    return parse(file, text);
  }

  /** Growable int array: the parser's only per-field storage. */
  private static final class Ints {
    int[] a = new int[1024];
    int n;

    void add(int v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }
  }

  /** Parses CSV text; {@code file} is used only to name the source in errors. */
  public static CsvTable parse(Path file, String text) {
    int n = text.length();
    int i = 0;
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      i = 1; // a UTF-8 byte-order mark is not part of the first column's name
    }
    Ints bounds = new Ints();
    Ints recordLines = new Ints();
    BitSet escaped = new BitSet();
    int line = 1;
    int columns = -1; // known once the header is parsed
    int fieldsInRecord = 0;
    int fieldIndex = 0; // over all fields of all records
    boolean atRecordStart = true;
    int recordLine = 1;
    while (i < n || !atRecordStart) {
      if (atRecordStart) {
        recordLine = line;
        atRecordStart = false;
        fieldsInRecord = 0;
      }
      int start;
      int end;
      if (i < n && text.charAt(i) == '"') {
        int quoteLine = line;
        start = ++i;
        boolean hasEscape = false;
        while (true) {
          if (i >= n) {
            throw new ReportException(file, quoteLine, "quoted field is never closed");
          }
          char q = text.charAt(i);
          if (q == '"') {
            if (i + 1 < n && text.charAt(i + 1) == '"') {
              hasEscape = true;
              i += 2;
              continue;
            }
            break;
          }
          if (q == '\n') {
            line++;
          }
          i++;
        }
        end = i++;
        if (hasEscape) {
          escaped.set(fieldIndex);
        }
        if (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && !isCrLf(text, i)) {
          throw new ReportException(
              file, line, "unexpected character after closing quote: '" + text.charAt(i) + "'");
        }
      } else {
        start = i;
        while (i < n) {
          char c = text.charAt(i);
          if (c == ',' || c == '\n' || isCrLf(text, i)) {
            break;
          }
          if (c == '"') {
            throw new ReportException(file, line, "quote inside an unquoted field");
          }
          if (c == '\r') {
            throw new ReportException(file, line, "carriage return outside a quoted field");
          }
          i++;
        }
        end = i;
      }
      bounds.add(start);
      bounds.add(end);
      fieldIndex++;
      fieldsInRecord++;
      boolean recordEnds = i >= n || text.charAt(i) != ',';
      if (!recordEnds) {
        i++; // the comma; at end of text, one more (empty) field follows
        continue;
      }
      if (columns < 0) {
        columns = fieldsInRecord;
      } else if (fieldsInRecord != columns) {
        throw new ReportException(file, recordLine,
            "expected " + columns + " fields as in the header, found " + fieldsInRecord);
      }
      recordLines.add(recordLine);
      if (i < n) {
        i += text.charAt(i) == '\n' ? 1 : 2;
        line++;
      }
      atRecordStart = true;
    }
    if (columns < 0) {
      throw new ReportException(file, 0, "file is empty (no header row)");
    }
    String[] header = new String[columns];
    for (int h = 0; h < columns; h++) {
      header[h] = field(text, bounds.a[2 * h], bounds.a[2 * h + 1], escaped.get(h));
      for (int k = 0; k < h; k++) {
        if (header[h].equals(header[k])) {
          throw new ReportException(file, 1, "column '" + header[h] + "' appears twice");
        }
      }
    }
    int rows = recordLines.n - 1;
    int[] rowBounds = Arrays.copyOfRange(bounds.a, 2 * columns, 2 * columns * (rows + 1));
    BitSet rowEscaped = escaped.get(columns, Math.max(columns, fieldIndex));
    int[] lines = Arrays.copyOfRange(recordLines.a, 1, rows + 1);
    return new CsvTable(file, text, header, rows, rowBounds, rowEscaped, lines);
  }

  private static String field(String text, int start, int end, boolean escaped) {
    String s = text.substring(start, end);
    return escaped ? s.replace("\"\"", "\"") : s;
  }

  private static boolean isCrLf(String text, int i) {
    return text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
  }

  /** The file this table came from. */
  public Path file() {
    return file;
  }

  /** The header's column names, in file order. */
  public List<String> header() {
    return List.of(header);
  }

  /** Number of data rows (the header excluded). */
  public int size() {
    return rows;
  }

  /** The 1-based line on which data row {@code row} (0-based) starts. */
  public int line(int row) {
    return lines[row];
  }

  /** The index of column {@code name}; a missing column is an error naming the header line. */
  public int column(String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i].equals(name)) {
        return i;
      }
    }
    throw new ReportException(file, 1, "missing column '" + name + "' (header: " + Arrays.toString(header) + ")");
  }

  /** Fails unless the header is exactly {@code expected}, in order. */
  public void requireHeader(List<String> expected) {
    for (String name : expected) {
      column(name);
    }
    if (!List.of(header).equals(expected)) {
      throw new ReportException(
          file, 1, "columns must be exactly " + String.join(",", expected) + " in this order");
    }
  }

  /** The text of a field (quotes removed). */
  public String text(int row, int col) {
    int k = check(row, col);
    return field(text, bounds[2 * k], bounds[2 * k + 1], escaped.get(k));
  }

  private int check(int row, int col) {
    if (row < 0 || row >= rows || col < 0 || col >= header.length) {
      throw new IndexOutOfBoundsException("row " + row + ", column " + col);
    }
    return row * header.length + col;
  }

  private boolean isEmpty(int k) {
    return bounds[2 * k] == bounds[2 * k + 1];
  }

  /** A non-empty text field. */
  public String requiredText(int row, int col) {
    if (isEmpty(check(row, col))) {
      throw fieldError(row, col, "is empty");
    }
    return text(row, col);
  }

  /** A finite number; empty or non-numeric is an error. */
  public double number(int row, int col) {
    int k = check(row, col);
    if (isEmpty(k)) {
      throw fieldError(row, col, "is empty, a number is required");
    }
    return parseNumber(row, col, k);
  }

  /** A finite number, or NaN for an empty field (the format's "undefined"). */
  public double numberOrNaN(int row, int col) {
    int k = check(row, col);
    return isEmpty(k) ? Double.NaN : parseNumber(row, col, k);
  }

  /** A whole number (written without fraction). */
  public long integer(int row, int col) {
    int k = check(row, col);
    long v = parseLong(bounds[2 * k], bounds[2 * k + 1]);
    if (v == NOT_A_LONG) {
      throw fieldError(row, col, "'" + text(row, col) + "' is not a whole number");
    }
    return v;
  }

  private static final long NOT_A_LONG = Long.MIN_VALUE;

  /** Decimal digits with an optional '-', at most 18 of them; NOT_A_LONG otherwise. */
  private long parseLong(int start, int end) {
    int i = start;
    boolean negative = i < end && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    if (i == end || end - i > 18) {
      return NOT_A_LONG;
    }
    long v = 0;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return NOT_A_LONG;
      }
      v = v * 10 + (c - '0');
    }
    return negative ? -v : v;
  }

  private static final double[] POW10 = new double[23];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10; // exact up to 1e22
    }
  }

  /**
   * "[-]digits.digits" with at most 15 digits in all, else NaN. The digits form an integer m
   * below 2^53 and 10^f is exact, so the one division m / 10^f is correctly rounded: the same
   * double Double.parseDouble gives, without building a string.
   */
  private double plainDecimal(int start, int end) {
    int i = start;
    boolean negative = i < end && text.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long m = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < end; i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        m = m * 10 + (c - '0');
        if (++digits > 15) {
          return Double.NaN;
        }
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (fraction <= 0 || digits == fraction) {
      return Double.NaN; // no fraction digits, or none before the point: leave to the slow path
    }
    double v = m / POW10[fraction];
    return negative ? -v : v;
  }

  private double parseNumber(int row, int col, int k) {
    int start = bounds[2 * k];
    int end = bounds[2 * k + 1];
    long whole = escaped.get(k) ? NOT_A_LONG : parseLong(start, end);
    if (whole != NOT_A_LONG && Math.abs(whole) < (1L << 53)) {
      return whole; // exact: no string, no rounding
    }
    if (!escaped.get(k)) {
      double d = plainDecimal(start, end);
      if (!Double.isNaN(d)) {
        return d;
      }
    }
    String s = text(row, col);
    // Double.parseDouble accepts "NaN", "Infinity", hex and trailing 'd'/'f': the format has none.
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
      if (!ok) {
        throw fieldError(row, col, "'" + s + "' is not a number");
      }
    }
    try {
      double v = Double.parseDouble(s);
      if (!Double.isFinite(v)) {
        throw fieldError(row, col, "'" + s + "' is not a finite number");
      }
      return v;
    } catch (NumberFormatException e) {
      throw fieldError(row, col, "'" + s + "' is not a number");
    }
  }

  /** An error about one field, naming file, line and column. */
  public ReportException fieldError(int row, int col, String what) {
    return new ReportException(file, lines[row], "column '" + header[col] + "' " + what);
  }

  /** An error about a whole row. */
  public ReportException rowError(int row, String what) {
    return new ReportException(file, lines[row], what);
  }
}
