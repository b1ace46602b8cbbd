package io.mlproxy.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A small strict JSON (RFC 8259) reader for JMH's result files: objects become {@link Obj}
 * (which remembers its line, for error messages), arrays {@link List}, numbers {@link Double},
 * strings, booleans and {@link #NULL}. No library of ours brings a JSON parser we may rely on.
 */
public final class Json {

  /** JSON's null. */
  public static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  /** Deeper nesting than this is rejected instead of overflowing the stack. */
  public static final int MAX_DEPTH = 256;

  /** A JSON object: insertion-ordered members and the line its opening brace is on. */
  public static final class Obj extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
    private final int line;

    Obj(int line) {
      this.line = line;
    }

    /** 1-based line of the opening brace. */
    public int line() {
      return line;
    }
  }

  private final String text;
  private int pos;
  private int line = 1;
  private int lineStart;

  private Json(String text) {
    this.text = text;
  }

  /** Parses one JSON value filling the whole of {@code text}. */
  public static Object parse(String text) {
    Json p = new Json(text);
    p.skipWhitespace();
    Object v = p.value(0);
    p.skipWhitespace();
    if (p.pos < text.length()) {
      throw p.error("unexpected '" + text.charAt(p.pos) + "' after the value");
    }
    return v;
  }

  private JsonException error(String reason) {
    return new JsonException(line, pos - lineStart + 1, reason);
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c == '\n') {
        line++;
        lineStart = pos + 1;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Object value(int depth) {
    if (pos >= text.length()) {
      throw error("unexpected end of input, a value is expected");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth + 1);
      case '[' -> array(depth + 1);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", NULL);
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          yield number();
        }
        throw error("unexpected '" + c + "', a value is expected");
      }
    };
  }

  private Object literal(String word, Object v) {
    if (!text.startsWith(word, pos)) {
      throw error("invalid literal, expected '" + word + "'");
    }
    pos += word.length();
    return v;
  }

  private Obj object(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    Obj obj = new Obj(line);
    pos++; // '{'
    skipWhitespace();
    if (pos < text.length() && text.charAt(pos) == '}') {
      pos++;
      return obj;
    }
    while (true) {
      skipWhitespace();
      if (pos >= text.length() || text.charAt(pos) != '"') {
        throw error("a member name (string) is expected");
      }
      String key = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      Object v = value(depth);
      if (obj.containsKey(key)) {
        throw error("duplicate member '" + key + "'");
      }
      obj.put(key, v);
      skipWhitespace();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect('}');
      return obj;
    }
  }

  private List<Object> array(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting deeper than " + MAX_DEPTH);
    }
    List<Object> list = new ArrayList<>();
    pos++; // '['
    skipWhitespace();
    if (pos < text.length() && text.charAt(pos) == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth));
      skipWhitespace();
      if (pos < text.length() && text.charAt(pos) == ',') {
        pos++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private void expect(char c) {
    if (pos >= text.length()) {
      throw error("unexpected end of input, expected '" + c + "'");
    }
    if (text.charAt(pos) != c) {
      throw error("expected '" + c + "' but found '" + text.charAt(pos) + "'");
    }
    pos++;
  }

  private String string() {
    pos++; // opening quote
    StringBuilder b = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return b.toString();
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c) + " in a string");
      }
      if (c != '\\') {
        b.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        throw error("unterminated escape");
      }
      char e = text.charAt(pos + 1);
      pos += 2;
      switch (e) {
        case '"' -> b.append('"');
        case '\\' -> b.append('\\');
        case '/' -> b.append('/');
        case 'b' -> b.append('\b');
        case 'f' -> b.append('\f');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'u' -> {
          if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
          }
          int cp = 0;
          for (int k = 0; k < 4; k++) {
            int d = Character.digit(text.charAt(pos + k), 16);
            if (d < 0) {
              throw error("bad hex digit in \\u escape");
            }
            cp = cp * 16 + d;
          }
          pos += 4;
          b.append((char) cp);
        }
        default -> {
          pos -= 1;
          throw error("unknown escape '\\" + e + "'");
        }
      }
    }
  }

  private Double number() {
    int start = pos;
    if (text.charAt(pos) == '-') {
      pos++;
    }
    if (pos >= text.length() || !isDigit(text.charAt(pos))) {
      throw error("a digit is expected");
    }
    if (text.charAt(pos) == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      if (pos >= text.length() || !isDigit(text.charAt(pos))) {
        throw error("a digit is expected after the decimal point");
      }
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
        pos++;
      }
      if (pos >= text.length() || !isDigit(text.charAt(pos))) {
        throw error("a digit is expected in the exponent");
      }
      digits();
    }
    return Double.parseDouble(text.substring(start, pos));
  }

  private void digits() {
    while (pos < text.length() && isDigit(text.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
