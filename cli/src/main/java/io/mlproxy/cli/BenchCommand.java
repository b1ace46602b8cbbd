package io.mlproxy.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code workbench bench [REGEX] [--quick] [--out DIR]}: runs the JMH benchmarks jar as a child
 * process with the GC profiler, streams its output and leaves the JSON results in
 * {@code DIR/bench/jmh-<timestamp>.json} for the report index.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    header = "Run the JMH benchmarks of the proxy's hot path.",
    description = {
      "Runs the JMH benchmarks (benchmarks/target/benchmarks.jar) with -prof gc and writes OUT/bench/jmh-<timestamp>.json, which 'workbench report OUT' shows in the index. --quick runs each benchmark once, briefly, in one fork (a few minutes on 2 cores); the full run takes about 20 minutes.",
      "Exit code: 0 success, 1 failure (JMH failed or the jar is missing), 2 usage error."
    })
public final class BenchCommand implements Callable<Integer> {

  /**
   * JMH options of {@code --quick}: one fork, one warm-up and two measurement iterations of 0.5 s,
   * replay streams of 2 M touches instead of 10 M, a 30 s slice of the scenario instead of all of
   * it, execute_operation only in the two pure modes (all default, all ML) and in DAMOS's
   * coldest-first (shuffled) order, replay only with CLOCK; every benchmark still runs, and a JVM
   * fork per parameter combination dominates the time, so this keeps the suite near 3 minutes on
   * 2 cores.
   */
  static final List<String> QUICK_OPTIONS =
      List.of(
          "-f", "1", "-wi", "1", "-i", "2", "-w", "500ms", "-r", "500ms",
          "-p", "touches=2000000", "-p", "duration=30s",
          "-p", "mode=EMERGENCY,RECOMMENDATION", "-p", "order=shuffled", "-p", "eviction=CLOCK");

  /** Where the jar lives inside the repository. */
  static final Path JAR_IN_REPO = Path.of("benchmarks", "target", "benchmarks.jar");

  @Parameters(
      arity = "0..1",
      paramLabel = "REGEX",
      description = "Benchmarks to run, a JMH regular expression (default: all).")
  String regex;

  @Option(
      names = "--quick",
      description = {
        "Short run (under 3 minutes on 2 cores): one fork, 1 warm-up and 2 measurement",
        "iterations of 0.5 s, 2 M-touch replay streams, a 30 s slice of the scenario,",
        "execute_operation in EMERGENCY/RECOMMENDATION and shuffled order, replay with CLOCK."
      })
  boolean quick;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: ${DEFAULT-VALUE}).")
  Path outDir = Path.of("results");

  @Option(names = "--jar", paramLabel = "FILE", description = "The benchmarks jar (default: found from the workbench jar or the working directory).")
  Path jar;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<Path> found = jar != null ? Optional.of(jar) : locateJar();
    if (found.isEmpty() || !Files.isRegularFile(found.get())) {
      err.println(
          "workbench: benchmarks jar not found ("
              + (jar != null ? jar : "looked for " + JAR_IN_REPO + " next to the workbench jar and above " + cwd())
              + "); build it from the repository root with: mvn -B -DskipTests package");
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    Path benchJar = found.get().toAbsolutePath().normalize();
    Path json = outDir.resolve("bench").resolve("jmh-" + timestamp() + ".json").toAbsolutePath();
    Files.createDirectories(json.getParent());
    List<String> command = command(javaExecutable(), benchJar, regex, quick, json);
    // the benchmarks resolve shipped scenarios and traces against the repository root
    Path workDir = repositoryOf(benchJar).orElse(cwd());
    out.println("workbench: " + String.join(" ", command));
    out.flush();
    Process process =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        out.println(line);
        out.flush();
      }
    }
    int code = process.waitFor();
    if (code != 0) {
      err.println("workbench: JMH exited with code " + code);
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    if (!Files.isRegularFile(json)) {
      err.println("workbench: JMH wrote no results to " + json);
      err.flush();
      return Workbench.EXIT_FAILURE;
    }
    out.println("workbench: results in " + json);
    out.flush();
    return 0;
  }

  /** The JMH command line; {@code regex} may be null (all benchmarks). */
  static List<String> command(String java, Path benchJar, String regex, boolean quick, Path json) {
    List<String> c = new ArrayList<>(List.of(java, "-jar", benchJar.toString()));
    if (regex != null && !regex.isBlank()) {
      c.add(regex);
    }
    c.addAll(List.of("-prof", "gc", "-rf", "json", "-rff", json.toString()));
    if (quick) {
      c.addAll(QUICK_OPTIONS);
    }
    return c;
  }

  /**
   * The jar relative to the running workbench jar ({@code cli/target/workbench.jar} → {@code
   * benchmarks/target/benchmarks.jar}), else in the first repository at or above the working
   * directory.
   */
  static Optional<Path> locateJar() {
    List<Path> roots = new ArrayList<>();
    ownLocation().ifPresent(p -> {
      // cli/target/workbench.jar or cli/target/classes
      Path parent = p.getParent();
      if (parent != null && parent.getParent() != null && parent.getParent().getParent() != null) {
        roots.add(parent.getParent().getParent());
      }
    });
    for (Path d = cwd(); d != null; d = d.getParent()) {
      roots.add(d);
    }
    return roots.stream().map(r -> r.resolve(JAR_IN_REPO)).filter(Files::isRegularFile).findFirst();
  }

  /** The repository root holding {@code jar} at {@link #JAR_IN_REPO}, if it is laid out that way. */
  static Optional<Path> repositoryOf(Path jar) {
    Path target = jar.getParent();
    Path module = target == null ? null : target.getParent();
    Path root = module == null ? null : module.getParent();
    return root != null && root.resolve(JAR_IN_REPO).equals(jar) && Files.isDirectory(root.resolve("scenarios"))
        ? Optional.of(root)
        : Optional.empty();
  }

  private static Optional<Path> ownLocation() {
    try {
      var source = BenchCommand.class.getProtectionDomain().getCodeSource();
      return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return Optional.empty();
    }
  }

  private static Path cwd() {
    return Path.of("").toAbsolutePath();
  }

  private static String javaExecutable() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return Files.isExecutable(java) ? java.toString() : "java";
  }

  private static String timestamp() {
    return ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
  }
}
