package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15's misleading or unsafe messages, and inputs that hung the loader. */
class LoaderMessagesTest {

  @TempDir Path dir;

  @Test
  void aValidFileWithAnEmojiAtEveryPositionAroundTheReadBufferEdgeLoads() {
    // snakeyaml-engine's 1,024-character buffer split the surrogate pair: "Range [1025, 1025 + 1) out of bounds"
    for (int at = 1000; at <= 1050; at++) {
      String head = ScenarioLoaderTest.MINIMAL + "description: '";
      String text = head + "x".repeat(at - head.length()) + "😀'\n";
      assertThat(text.indexOf("😀")).isEqualTo(at);
      assertThat(ScenarioLoader.parse(text, ScenarioLoaderTest.FILE).description()).endsWith("x😀");
    }
  }

  @Test
  void aNumeralOfThirtyOneDigitsIsTooLongNotAStrangeUnit() {
    ScenarioError e = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("duration: 1m",
        "duration: 1000000000000000000000000000001s"));
    assertThat(e.message()).contains("has more than 30 digits in a row").doesNotContain("unknown duration unit");
    assertThat(ScenarioLoaderTest.onlyError(ScenarioLoaderTest.minimalPlus("seed: 1000000000000000000000000000001\n"))
        .message()).contains("out of range");
    assertThat(ScenarioLoaderTest.onlyError(ScenarioLoaderTest.minimalPlus("objective:\n  lambda: 0.1000000000000000000000000000001\n"))
        .message()).contains("more than 30 digits");
  }

  @Test
  void aTabAfterAColonIsCalledATabAfterAColonNotIndentation() {
    ScenarioError e = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("duration: 1m", "duration:\t1m"));
    assertThat(e.line()).isEqualTo(2);
    assertThat(e.message()).contains("a tab after ':'").doesNotContain("indentation");
    ScenarioError indent = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("  pages: 1024", "\tpages: 1024"));
    assertThat(indent.message()).contains("a tab in the indentation");
  }

  @Test
  void controlCharactersFromTheFileAreEscapedInEveryMessage() {
    // eviction: "\e]0;pwned\a\e[2J" set the terminal's title and cleared it
    ScenarioError e = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("pages: 1024",
        "pages: 1024\n  eviction: \"\\e]0;pwned\\a\\e[2J\""));
    assertThat(e.message()).contains("'\\e]0;pwned\\a\\e[2J' is not valid");
    assertThat(e.toString()).doesNotContainPattern("[\\x00-\\x08\\x0b-\\x1f\\x7f]");
    ScenarioError key = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.minimalPlus("\"bad\\ekey\": 1\n"));
    assertThat(key.field()).isEqualTo("bad\\ekey");
    ScenarioError bidi = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("pages: 1024",
        "pages: 1024\n  eviction: \"lru\\u202E\""));
    assertThat(bidi.message()).contains("lru\\u202E");
  }

  @Test
  void longValuesAreCutInMessages() {
    ScenarioError e = ScenarioLoaderTest.onlyError(ScenarioLoaderTest.MINIMAL.replace("pages: 1024",
        "pages: 1024\n  eviction: " + "x".repeat(5000)));
    assertThat(e.message()).hasSizeLessThan(300).contains("…");
  }

  @Test
  void specialFilesAreRefusedWithoutReadingThem() throws Exception {
    for (String dev : new String[] {"/dev/zero", "/dev/urandom"}) {
      assumeThat(Path.of(dev)).exists();
      Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(
          () -> ScenarioLoader.load(Path.of(dev)))
          .isInstanceOfSatisfying(ScenarioException.class, ex -> assertThat(ex.errors().get(0).message())
              .contains("not a regular file")));
    }
    Path fifo = dir.resolve("fifo");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException noMkfifo) {
      return;
    }
    assumeThat(mk.waitFor()).isZero();
    // a FIFO blocks the open forever: it must be refused before
    Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> ScenarioLoader.load(fifo))
        .isInstanceOfSatisfying(ScenarioException.class, ex -> assertThat(ex.errors().get(0).toString())
            .startsWith(fifo + ":1:1: (document): cannot read the file: is a FIFO")));
    assertThatThrownBy(() -> ScenarioLoader.load(dir))
        .isInstanceOfSatisfying(ScenarioException.class, ex -> assertThat(ex.errors().get(0).message())
            .contains("is a directory"));
  }

  @Test
  void inputIsReadWithABound() throws IOException {
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[ScenarioLoader.MAX_FILE_BYTES + 1]);
    assertThatThrownBy(() -> ScenarioLoader.load(big)).hasMessageContaining("more than 1048576 bytes");
    // standard input never ends like /dev/zero: only the bound is read
    java.io.InputStream endless = new java.io.InputStream() {
      @Override
      public int read() {
        return 'a';
      }
    };
    assertThatThrownBy(() -> ScenarioLoader.readText(endless)).isInstanceOfSatisfying(ScenarioException.class,
        ex -> assertThat(ex.errors().get(0).toString()).startsWith("<stdin>:1:1: (document): the file has more than"));
    String text = ScenarioLoader.readText(new ByteArrayInputStream(
        ScenarioLoaderTest.MINIMAL.getBytes(StandardCharsets.UTF_8)));
    assertThat(ScenarioLoader.parse(text, ScenarioLoader.STDIN).name()).isEqualTo("minimal");
  }
}
