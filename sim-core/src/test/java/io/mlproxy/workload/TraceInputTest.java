package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trace files are read with a bound, whatever their encoding. */
class TraceInputTest {

  @TempDir Path dir;

  @Test
  void aZstdFileThatExpandsWithoutEndIsStopped() throws IOException {
    // 16 MiB of newlines compress to a few hundred bytes: blank lines a plain reader would skip forever
    byte[] lines = new byte[16 << 20];
    java.util.Arrays.fill(lines, (byte) '\n');
    Path bomb = dir.resolve("bomb.txt.zst");
    Files.write(bomb, Zstd.compress(lines, 3));
    assertThat(Files.size(bomb)).isLessThan(16L << 10);
    assertThatThrownBy(() -> Traces.scan(TraceSpec.plain(bomb, false, 16, 1000)))
        .isInstanceOfSatisfying(TraceFormatException.class, e -> assertThat(e.getMessage())
            .contains("bomb.txt.zst: zstd data is damaged: expands to more than 1032 times its"));
  }

  @Test
  void specialFilesAreNotOpened() {
    assertThatThrownBy(() -> Traces.open(TraceSpec.plain(Path.of("/dev/zero"), false, 16, 1000)))
        .isInstanceOf(TraceFormatException.class).hasMessageContaining("not a regular file");
  }
}
