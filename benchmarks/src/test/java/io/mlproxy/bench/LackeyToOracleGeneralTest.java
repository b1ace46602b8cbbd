package io.mlproxy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The converter's records: dense object ids, times from the rate, next accesses across the copies. */
class LackeyToOracleGeneralTest {

  @TempDir Path dir;

  @Test
  void nextAccessesRunAcrossTheCopiesAndNothingIsLeftBehind() throws IOException {
    int[] pages = {0, 1, 0, 2};
    Path out = dir.resolve("t.oracleGeneral");
    assertThat(LackeyToOracleGeneral.write(pages, 3, 2, 2, out)).isEqualTo(8);
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.remaining()).isEqualTo(8 * OracleGeneralFile.RECORD);
    // requests 0..7 are pages 0 1 0 2 0 1 0 2: each record names the index of its page's next request
    long[] next = {2, 5, 4, 7, 6, -1, -1, -1};
    for (int i = 0; i < 8; i++) {
      assertThat(b.getInt() & 0xFFFF_FFFFL).as("time of %d at 2 requests/s", i).isEqualTo(i / 2);
      assertThat(b.getLong()).isEqualTo(pages[i % 4]);
      assertThat(b.getInt()).isEqualTo(4096);
      assertThat(b.getLong()).as("next access of request %d", i).isEqualTo(next[i]);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(out); // the temporary file was moved into place
    }
  }
}
