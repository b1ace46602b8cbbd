package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results are never lost: the folder's lock, staging, the atomic swap and what is (not) deleted. */
class ResultsFolderTest {

  @TempDir Path dir;

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static Path results(Path folder, String marker) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("summary.csv"), marker);
    Files.writeString(folder.resolve("run.properties"), "scenario=x\n");
    return folder;
  }

  @Test
  void aSecondHolderFailsAtOnceNamingTheFirstOrWaitsForIt() throws Exception {
    Path out = dir.resolve("out");
    ResultsFolder first = ResultsFolder.open(out, "workbench run a", false, m -> { });
    try {
      assertThatThrownBy(() -> ResultsFolder.open(out, "workbench run b", false, m -> { }))
          .isInstanceOf(ResultsFolderException.class)
          .hasMessageContaining("is in use by another run in this process: pid " + ProcessHandle.current().pid())
          .hasMessageContaining("(workbench run a)")
          .hasMessageContaining("--wait");
      List<String> told = new ArrayList<>();
      CountDownLatch waiting = new CountDownLatch(1);
      CompletableFuture<ResultsFolder> second = CompletableFuture.supplyAsync(
          () -> ResultsFolder.open(out, "workbench run c", true, m -> {
            told.add(m);
            waiting.countDown();
          }));
      assertThat(waiting.await(30, TimeUnit.SECONDS)).isTrue();
      assertThat(second).isNotDone();
      first.close();
      second.get(30, TimeUnit.SECONDS).close();
      assertThat(told).singleElement().asString().startsWith("waiting for results folder");
    } finally {
      first.close(); // a second close does nothing
    }
    // the lock file stays (deleting a lock file races) and is empty when nobody holds the folder
    assertThat(Files.readString(out.resolve(ResultsFolder.LOCK_FILE))).isEmpty();
  }

  @Test
  void anotherProcessHoldingTheFolderIsNamed() throws Exception {
    Path out = Files.createDirectories(dir.resolve("held"));
    Path lock = out.resolve(ResultsFolder.LOCK_FILE);
    Files.writeString(lock, "pid 4242 on elsewhere (workbench run other) since then\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path src = dir.resolve("Hold.java");
    Files.writeString(src, """
        import java.nio.channels.FileChannel;
        import java.nio.file.*;
        public class Hold {
          public static void main(String[] a) throws Exception {
            try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE);
                 var l = c.lock()) {
              System.out.println("locked");
              System.out.flush();
              System.in.read();
            }
          }
        }
        """);
    Process p = new ProcessBuilder(java, src.toString(), lock.toString()).redirectErrorStream(true).start();
    try {
      assertThat(new String(p.getInputStream().readNBytes(7))).isEqualTo("locked\n".substring(0, 7));
      assertThatThrownBy(() -> ResultsFolder.open(out, "workbench run me", false, m -> { }))
          .hasMessageContaining("is in use by another run: pid 4242 on elsewhere (workbench run other)");
    } finally {
      p.getOutputStream().close();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    ResultsFolder.open(out, "workbench run me", false, m -> { }).close();
  }

  @Test
  void theSwapReplacesTheResultsAtOnceAndLeavesNothingHidden() throws IOException {
    Path out = dir.resolve("out");
    try (ResultsFolder f = ResultsFolder.open(out, "t", false, m -> { })) {
      Path staging = results(f.stage("sc"), "first");
      assertThat(staging.getFileName().toString()).matches("\\.sc\\.writing-\\d+-[0-9a-f]+");
      f.install(staging, "sc");
      Path again = results(f.stage("sc"), "second");
      Path other = f.stage("sc");
      assertThat(other).isNotEqualTo(again); // staging names are unique
      f.discard(other);
      f.install(again, "sc");
    }
    assertThat(Files.readString(out.resolve("sc/summary.csv"))).isEqualTo("second");
    assertThat(names(out)).containsExactly(".workbench.lock", "sc");
  }

  @Test
  void theSwapIsOneRenameExchangeOnLinux() throws IOException {
    assumeThat(System.getProperty("os.name")).containsIgnoringCase("linux");
    assertThat(RenameExchange.available()).isTrue();
    Path a = results(dir.resolve("a"), "a");
    Path b = results(dir.resolve("b"), "b");
    assertThat(RenameExchange.exchange(a, b)).isTrue();
    assertThat(Files.readString(a.resolve("summary.csv"))).isEqualTo("b");
    assertThat(Files.readString(b.resolve("summary.csv"))).isEqualTo("a");
  }

  @Test
  void whatKilledRunsLeftIsClearedAndSetAsideResultsComeBack() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    // killed while writing, killed after the exchange, the old fixed names of earlier versions
    results(out.resolve(".sc.writing-123-abc"), "half");
    results(out.resolve(".sc.writing"), "half");
    // killed between two renames (no exchange): the results set aside are the only ones
    results(out.resolve(".sc.old-77-beef"), "kept");
    Files.writeString(out.resolve(".sc.writing-notes"), "not ours: another naming");
    try (ResultsFolder f = ResultsFolder.open(out, "t", false, m -> { })) {
      Path staging = f.stage("sc");
      assertThat(Files.readString(out.resolve("sc/summary.csv"))).isEqualTo("kept");
      f.install(results(staging, "new"), "sc");
    }
    assertThat(names(out)).containsExactly(".sc.writing-notes", ".workbench.lock", "sc");
  }

  @Test
  void nothingButTheScenariosOwnFolderIsDeleted() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("sc"), "an unrelated file named like the scenario");
    Path notes = Files.createDirectories(out.resolve("notes"));
    Files.writeString(notes.resolve("todo.txt"), "mine");
    Path elsewhere = results(dir.resolve("elsewhere"), "precious");
    Files.createSymbolicLink(out.resolve("linked"), elsewhere);
    try (ResultsFolder f = ResultsFolder.open(out, "t", false, m -> { })) {
      assertThatThrownBy(() -> f.checkReplaceable("sc")).hasMessageContaining("exists and is a file");
      assertThatThrownBy(() -> f.checkReplaceable("notes")).hasMessageContaining("without workbench results");
      assertThatThrownBy(() -> f.checkReplaceable("linked")).hasMessageContaining("symbolic link");
      assertThatThrownBy(() -> f.stage("sc")).hasMessageContaining("left alone");
      f.checkReplaceable("fresh");
    }
    assertThat(Files.readString(out.resolve("sc"))).startsWith("an unrelated file");
    assertThat(notes.resolve("todo.txt")).exists();
    assertThat(Files.readString(elsewhere.resolve("summary.csv"))).isEqualTo("precious");
  }

  @Test
  void anUnusableFolderIsRefusedWithTheReason() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThatThrownBy(() -> ResultsFolder.open(file, "t", false, m -> { }))
        .hasMessageContaining("it is a file, not a folder");
    assertThatThrownBy(() -> ResultsFolder.open(Path.of(""), "t", false, m -> { }))
        .hasMessageContaining("an empty path");
    Files.createSymbolicLink(dir.resolve("loop1"), dir.resolve("loop2"));
    Files.createSymbolicLink(dir.resolve("loop2"), dir.resolve("loop1"));
    assertThatThrownBy(() -> ResultsFolder.open(dir.resolve("loop1"), "t", false, m -> { }))
        .hasMessageContaining("symbolic link that cannot be followed");
    assertThatThrownBy(() -> ResultsFolder.open(dir.resolve("loop1").resolve("sub"), "t", false, m -> { }))
        .hasMessageContaining("cannot create results folder").hasMessageContaining("symbolic links");
    if (Files.isDirectory(Path.of("/proc/self"))) {
      assertThatThrownBy(() -> ResultsFolder.open(Path.of("/proc"), "t", false, m -> { }))
          .hasMessageContaining("cannot write in results folder /proc: creating .workbench.lock there failed");
    }
  }
}
