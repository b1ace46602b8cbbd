package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data training runs stay runnable: its scenarios are written into the
 * {@code workbench} script, where a change to the scenario format would otherwise only show as every
 * run starting slower (the launcher says once that the archive failed).
 */
class LauncherTrainingTest extends CliTestSupport {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** {@code cat >"$train/NAME.yaml" <<'YAML' ... YAML} (quoted or not). */
  private static final Pattern HEREDOC =
      Pattern.compile("cat >\"\\$train/([\\w.-]+\\.yaml)\" <<'?YAML'?\\n(.*?)\\nYAML\\n", Pattern.DOTALL);

  @Test
  void theTrainingScenariosAndTheirTracesValidate(@TempDir Path train) throws Exception {
    String launcher = Files.readString(ROOT.resolve("workbench"), StandardCharsets.UTF_8);
    List<String> files = new ArrayList<>();
    Matcher m = HEREDOC.matcher(launcher);
    while (m.find()) {
      Path yaml = train.resolve(m.group(1));
      Files.writeString(yaml, m.group(2).replace("$here", ROOT.toString()) + "\n");
      files.add(yaml.toString());
    }
    assertThat(files).extracting(f -> Path.of(f).getFileName().toString())
        .containsExactly("synthetic.yaml", "trace.yaml", "oracle.yaml");
    writeOracleGeneralTrace(launcher, train);
    assertThat(Files.size(train.resolve("cds.oracleGeneral"))).isEqualTo(512 * 24);

    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(files);
    assertThat(run(args.toArray(String[]::new))).as("validate: %s", err).isZero();
  }

  /** Runs the launcher's own lines that write the oracleGeneral trace, with {@code train} as its folder. */
  private static void writeOracleGeneralTrace(String launcher, Path train) throws IOException, InterruptedException {
    int from = launcher.indexOf("  records=\"\"");
    String last = "printf \"$records\" >\"$train/cds.oracleGeneral\"";
    int to = launcher.indexOf(last, from);
    assertThat(from).isPositive();
    assertThat(to).isGreaterThan(from);
    String lines = launcher.substring(from, to + last.length());
    Process bash = new ProcessBuilder("bash", "-c", "set -eu; train='" + train + "'\n" + lines)
        .redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor()).as("bash: %s", output).isZero();
  }
}
