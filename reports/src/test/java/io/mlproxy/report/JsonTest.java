package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  @SuppressWarnings("unchecked")
  void parsesAllValueKinds() {
    Object v = Json.parse(" {\"a\": [1, -2.5e3, 0.25, true, false, null, \"x\\n\\u00e9\\\"\"], \"b\": {}} ");
    assertThat(v).isInstanceOf(Json.Obj.class);
    Map<?, ?> m = (Map<?, ?>) v;
    assertThat((List<Object>) m.get("a")).containsExactly(1.0, -2500.0, 0.25, true, false, Json.NULL, "x\né\"");
    assertThat((Map<?, ?>) m.get("b")).isEmpty();
  }

  @Test
  void objectsRememberTheirLine() {
    List<?> l = (List<?>) Json.parse("[\n  {\"a\": 1},\n\n  {\"b\": 2}\n]");
    assertThat(((Json.Obj) l.get(0)).line()).isEqualTo(2);
    assertThat(((Json.Obj) l.get(1)).line()).isEqualTo(4);
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> Json.parse("{\n  \"a\": 01\n}"))
        .isInstanceOfSatisfying(JsonException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.column()).isEqualTo(9);
        });
    assertThatThrownBy(() -> Json.parse("[1,]")).hasMessage("line 1, column 4: unexpected ']', a value is expected");
    assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate member 'a'");
    assertThatThrownBy(() -> Json.parse("\"a\tb\"")).hasMessageContaining("control character U+0009");
    assertThatThrownBy(() -> Json.parse("[1] x")).hasMessageContaining("after the value");
    assertThatThrownBy(() -> Json.parse("")).hasMessageContaining("unexpected end of input");
    assertThatThrownBy(() -> Json.parse("NaN")).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> Json.parse("[1.]")).hasMessageContaining("after the decimal point");
  }

  @Test
  void deepNestingIsRejectedNotAStackOverflow() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> Json.parse(deep)).hasMessageContaining("nesting deeper than 256");
    String ok = "[".repeat(200) + "]".repeat(200);
    assertThat(Json.parse(ok)).isInstanceOf(List.class);
  }

  // An independent writer: the reference the parser's output is compared with.
  private static void write(Object v, StringBuilder b, Random rnd) {
    if (v instanceof Map<?, ?> m) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        ws(b, rnd);
        writeString((String) e.getKey(), b);
        ws(b, rnd);
        b.append(':');
        ws(b, rnd);
        write(e.getValue(), b, rnd);
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        ws(b, rnd);
        write(l.get(i), b, rnd);
        ws(b, rnd);
      }
      b.append(']');
    } else if (v instanceof String s) {
      writeString(s, b);
    } else if (v instanceof Double d) {
      b.append(rnd.nextBoolean() ? d.toString().replace("E", "e") : Fmt.exact(d));
    } else {
      b.append(v == Json.NULL ? "null" : v.toString());
    }
  }

  private static void ws(StringBuilder b, Random rnd) {
    String[] w = {"", " ", "\n", "\t", "\r\n  "};
    b.append(w[rnd.nextInt(w.length)]);
  }

  private static void writeString(String s, StringBuilder b) {
    b.append('"');
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  private static Object randomValue(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 4 ? 4 : 6);
    return switch (kind) {
      case 0 -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(20) - 10);
      case 1 -> randomString(rnd);
      case 2 -> rnd.nextBoolean();
      case 3 -> Json.NULL;
      case 4 -> {
        List<Object> l = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          l.add(randomValue(rnd, depth + 1));
        }
        yield l;
      }
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          m.put(randomString(rnd), randomValue(rnd, depth + 1));
        }
        yield m;
      }
    };
  }

  private static String randomString(Random rnd) {
    String alphabet = "az\"\\/\n\t·é€ 0";
    StringBuilder s = new StringBuilder();
    for (int i = rnd.nextInt(6); i > 0; i--) {
      s.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  @Test
  void roundTripsRandomDocuments() {
    Random rnd = new Random(1);
    for (int trial = 0; trial < 3000; trial++) {
      Object v = randomValue(rnd, 0);
      StringBuilder b = new StringBuilder();
      write(v, b, rnd);
      assertThat(Json.parse(b.toString())).as(b.toString()).isEqualTo(v);
    }
  }

  @Test
  void mutatedDocumentsParseOrThrowJsonExceptionOnly() {
    Random rnd = new Random(2);
    String noise = "{}[],:\"\\0123456789.eE+-tfnul \n";
    for (int trial = 0; trial < 20_000; trial++) {
      StringBuilder b = new StringBuilder();
      write(randomValue(rnd, 0), b, rnd);
      for (int k = rnd.nextInt(4); k >= 0 && b.length() > 0; k--) {
        int at = rnd.nextInt(b.length());
        switch (rnd.nextInt(3)) {
          case 0 -> b.deleteCharAt(at);
          case 1 -> b.insert(at, noise.charAt(rnd.nextInt(noise.length())));
          default -> b.setCharAt(at, noise.charAt(rnd.nextInt(noise.length())));
        }
      }
      String text = b.toString();
      try {
        Json.parse(text);
      } catch (JsonException e) {
        assertThat(e.line()).isBetween(1, text.split("\n", -1).length);
        assertThat(e.column()).isPositive();
      }
    }
  }
}
