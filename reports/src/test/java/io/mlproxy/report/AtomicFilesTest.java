package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void replacesContentAndLeavesNoTemporaryFile() throws Exception {
    Path f = dir.resolve("sub").resolve("report.html");
    AtomicFiles.writeString(f, "one");
    AtomicFiles.writeString(f, "two");
    assertThat(Files.readString(f)).isEqualTo("two");
    try (var s = Files.list(f.getParent())) {
      assertThat(s).containsExactly(f);
    }
  }

  @Test
  void reportIsReadableByOthersLikeAnyWrittenFile() throws Exception {
    Path plain = Files.writeString(dir.resolve("plain.txt"), "x");
    Path f = AtomicFiles.writeString(dir.resolve("report.html"), "x");
    var expected = Files.getPosixFilePermissions(plain);
    assertThat(Files.getPosixFilePermissions(f)).isEqualTo(expected);
    assertThat(expected).contains(PosixFilePermission.OWNER_READ);
  }

  @Test
  void aTargetThatIsADirectoryIsAReportExceptionAndNothingIsLeft() throws Exception {
    Path target = Files.createDirectories(dir.resolve("report.html"));
    Files.writeString(target.resolve("inside"), "x");
    assertThatThrownBy(() -> AtomicFiles.writeString(target, "x"))
        .isInstanceOf(ReportException.class).hasMessageContaining("cannot write");
    try (var s = Files.list(dir)) {
      assertThat(s).containsExactly(target);
    }
  }
}
