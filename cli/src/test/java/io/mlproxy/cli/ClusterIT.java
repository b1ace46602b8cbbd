package io.mlproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.engine.ExperimentRunner;
import io.mlproxy.engine.ReplicationExecutor;
import io.mlproxy.engine.ResultsFolder;
import io.mlproxy.engine.ResultsWriter;
import io.mlproxy.scenario.ScenarioEdit;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Three {@code workbench worker} members on loopback, each a separate JVM started from the built
 * jar on a free port: a shipped scenario (shortened) and a trace scenario, then a small sweep and a
 * small tune, run on them give every CSV byte for byte as the embedded run (and as plain threads);
 * the same with one member killed while it runs a task, then a second one during a sweep.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  private static final String CLUSTER = "it-" + ProcessHandle.current().pid();
  private static final List<Worker> WORKERS = new ArrayList<>();

  @TempDir static Path tmp;

  /** A worker process and the lines it printed. */
  record Worker(Process process, int port, List<String> lines) {
    boolean printed(String text) {
      return lines.stream().anyMatch(l -> l.contains(text));
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static Worker startWorker(int port, String join) throws IOException {
    Path jar = Path.of("target", "workbench.jar");
    assertThat(jar).as("the shaded jar (failsafe runs after package)").isRegularFile();
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toString(), "worker", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--jobs", "1", "--cluster-name", CLUSTER));
    if (join != null) {
      cmd.addAll(List.of("--join", join));
    }
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String l; (l = r.readLine()) != null; ) {
          lines.add(l);
        }
      } catch (IOException ended) {
        // the process is gone
      }
    }, "worker-" + port);
    reader.setDaemon(true);
    reader.start();
    return new Worker(p, port, lines);
  }

  static void await(String what, java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        StringBuilder logs = new StringBuilder();
        WORKERS.forEach(w -> logs.append("worker ").append(w.port()).append(":\n  ")
            .append(String.join("\n  ", w.lines())).append('\n'));
        throw new AssertionError("timed out waiting for " + what + "\n" + logs);
      }
      Thread.sleep(50);
    }
  }

  @BeforeAll
  static void startThreeMembers() throws Exception {
    int[] ports = {freePort(), freePort(), freePort()};
    String all = "127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
    for (int port : ports) {
      WORKERS.add(startWorker(port, all));
    }
    for (Worker w : WORKERS) {
      await("worker " + w.port() + " to see 3 members", () -> w.lines().stream()
          .anyMatch(l -> l.contains("members: [") && l.chars().filter(c -> c == ',').count() >= 2), Duration.ofSeconds(90));
    }
  }

  @AfterAll
  static void stopMembers() throws InterruptedException {
    for (Worker w : WORKERS) {
      w.process().destroy();
    }
    for (Worker w : WORKERS) {
      if (!w.process().waitFor(20, TimeUnit.SECONDS)) {
        w.process().destroyForcibly();
      }
    }
  }

  private static String addresses() {
    return String.join(",", WORKERS.stream().filter(w -> w.process().isAlive())
        .map(w -> "127.0.0.1:" + w.port()).toList());
  }

  /** Runs workbench in this JVM; returns exit code, stdout and stderr. */
  static String[] workbench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Workbench.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /** A shipped scenario, shortened, written where the test can run it (trace paths made absolute). */
  static Path shortened(String name, String duration, int replications) throws IOException {
    Path shipped = Path.of("..", "scenarios", name + ".yaml");
    String text = Files.readString(shipped);
    Map<String, String> edits = new java.util.LinkedHashMap<>(Map.of("duration", duration,
        "replications", Integer.toString(replications)));
    ScenarioLoader.load(shipped).workload().trace()
        .ifPresent(t -> edits.put("workload.trace.path", t.path().toAbsolutePath().normalize().toString()));
    // one folder per length: the file keeps the scenario's name, and no run sees another's file
    Path file = Files.createDirectories(tmp.resolve(duration + "-" + replications)).resolve(name + ".yaml");
    Files.writeString(file, ScenarioEdit.apply(text, edits));
    return file;
  }

  /** Every CSV under {@code dir}, by relative path. */
  static Map<String, byte[]> csvs(Path dir) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
        m.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return m;
  }

  static void sameCsvs(Path expected, Path actual) throws IOException {
    Map<String, byte[]> a = csvs(expected);
    Map<String, byte[]> b = csvs(actual);
    assertThat(a).isNotEmpty();
    assertThat(b.keySet()).isEqualTo(a.keySet());
    for (String k : a.keySet()) {
      assertThat(b.get(k)).as(k).isEqualTo(a.get(k));
    }
  }

  @Test
  @Order(1)
  void aRunAndASweepOnThreeMembersGiveTheEmbeddedBytes() throws Exception {
    Path hotCold = shortened("static-hot-cold", "10s", 2);
    Path trace = shortened("trace-replay", "10s", 2);
    String[] embedded = workbench("run", hotCold.toString(), trace.toString(), "--out", tmp.resolve("embedded").toString(),
        "--jobs", "1", "--quiet");
    assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");
    String[] cluster = workbench("run", hotCold.toString(), trace.toString(), "--out", tmp.resolve("cluster").toString(),
        "--cluster", addresses(), "--cluster-name", CLUSTER, "--quiet");
    assertThat(cluster[0]).as(cluster[2]).isEqualTo("0");
    sameCsvs(tmp.resolve("embedded"), tmp.resolve("cluster"));
    // every member ran tasks, and the trace reached them by content
    for (Worker w : WORKERS) {
      assertThat(w.printed("done in")).as("worker " + w.port() + " ran tasks: " + w.lines()).isTrue();
    }
    assertThat(WORKERS.stream().filter(w -> w.printed("trace hotcold.lackey.gz fetched"))).isNotEmpty();

    // and the plain threads of the engine, as before Hazelcast, write the same bytes
    Path threads = tmp.resolve("threads");
    try (ResultsFolder folder = ResultsFolder.open(threads, "test", false, m -> { })) {
      ExperimentRunner.run(ScenarioLoader.load(hotCold), Files.readString(hotCold), folder,
          new ExperimentRunner.Options(null, null, null, 2, "test", (d, n) -> { }), ResultsWriter.Finishing.NONE,
          ReplicationExecutor.threads(2));
    }
    sameCsvs(tmp.resolve("embedded/static-hot-cold"), threads.resolve("static-hot-cold"));

    String[] sweepEmbedded = workbench("sweep", hotCold.toString(), "--out", tmp.resolve("sweep-embedded").toString(),
        "--param", "memory.capacity=50%,100%", "--param", "policy.min_age=2s,5s", "--replications", "1", "--quiet");
    assertThat(sweepEmbedded[0]).as(sweepEmbedded[2]).isEqualTo("0");
    String[] sweepCluster = workbench("sweep", hotCold.toString(), "--out", tmp.resolve("sweep-cluster").toString(),
        "--param", "memory.capacity=50%,100%", "--param", "policy.min_age=2s,5s", "--replications", "1", "--quiet",
        "--cluster", addresses(), "--cluster-name", CLUSTER);
    assertThat(sweepCluster[0]).as(sweepCluster[2]).isEqualTo("0");
    sameCsvs(tmp.resolve("sweep-embedded"), tmp.resolve("sweep-cluster"));
    assertThat(csvs(tmp.resolve("sweep-cluster"))).containsKey("static-hot-cold/sweep.csv")
        .containsKey("static-hot-cold/points/static-hot-cold-p04/summary.csv");

    // tune's evaluations too: the same log and held-out table
    String[] tuneEmbedded = workbench("tune", hotCold.toString(), "--budget", "3", "--method", "random", "--seed", "4",
        "--replications", "1", "--out", tmp.resolve("tune-embedded").toString(), "--quiet");
    assertThat(tuneEmbedded[0]).as(tuneEmbedded[2]).isEqualTo("0");
    String[] tuneCluster = workbench("tune", hotCold.toString(), "--budget", "3", "--method", "random", "--seed", "4",
        "--replications", "1", "--out", tmp.resolve("tune-cluster").toString(), "--quiet",
        "--cluster", addresses(), "--cluster-name", CLUSTER);
    assertThat(tuneCluster[0]).as(tuneCluster[2]).isEqualTo("0");
    sameCsvs(tmp.resolve("tune-embedded"), tmp.resolve("tune-cluster"));
    assertThat(csvs(tmp.resolve("tune-cluster"))).containsKeys("tuning.csv", "heldout.csv");
  }

  @Test
  @Order(2)
  void aMemberKilledWhileRunningATaskLosesNothing() throws Exception {
    Path hotCold = shortened("static-hot-cold", "30s", 2);
    String[] embedded = workbench("run", hotCold.toString(), "--out", tmp.resolve("kill-embedded").toString(),
        "--jobs", "2", "--quiet");
    assertThat(embedded[0]).as(embedded[2]).isEqualTo("0");

    Worker victim = WORKERS.get(2);
    int before = victim.lines().size();
    String cluster = addresses();
    CompletableFuture<String[]> run = CompletableFuture.supplyAsync(() -> workbench("run", hotCold.toString(),
        "--out", tmp.resolve("kill-cluster").toString(), "--cluster", cluster, "--cluster-name", CLUSTER, "--quiet"));
    await("a task to start on worker " + victim.port(), () -> victim.lines().subList(before, victim.lines().size())
        .stream().anyMatch(l -> l.contains("started")), Duration.ofSeconds(120));
    victim.process().destroyForcibly(); // SIGKILL: no goodbye to the cluster
    String[] result = run.get(5, TimeUnit.MINUTES);
    assertThat(result[0]).as(result[2]).isEqualTo("0");
    assertThat(result[2]).contains("cluster member 127.0.0.1:" + victim.port() + " left")
        .containsPattern("[1-9]\\d* tasks? it was running runs? again elsewhere");
    sameCsvs(tmp.resolve("kill-embedded"), tmp.resolve("kill-cluster"));

    // a second member killed in the middle of a sweep: the last one finishes it
    Path shortSweep = shortened("static-hot-cold", "10s", 1);
    String[] sweepEmbedded = workbench("sweep", shortSweep.toString(), "--out", tmp.resolve("kill-sweep-embedded").toString(),
        "--param", "memory.capacity=50%,100%", "--replications", "1", "--quiet");
    assertThat(sweepEmbedded[0]).as(sweepEmbedded[2]).isEqualTo("0");
    Worker second = WORKERS.get(1);
    int mark = second.lines().size();
    String remaining = addresses();
    CompletableFuture<String[]> sweep = CompletableFuture.supplyAsync(() -> workbench("sweep", shortSweep.toString(),
        "--out", tmp.resolve("kill-sweep-cluster").toString(), "--param", "memory.capacity=50%,100%",
        "--replications", "1", "--quiet", "--cluster", remaining, "--cluster-name", CLUSTER));
    await("a task to start on worker " + second.port(), () -> second.lines().subList(mark, second.lines().size())
        .stream().anyMatch(l -> l.contains("started")), Duration.ofSeconds(120));
    second.process().destroyForcibly();
    String[] swept = sweep.get(5, TimeUnit.MINUTES);
    assertThat(swept[0]).as(swept[2]).isEqualTo("0");
    assertThat(swept[2]).contains("cluster member 127.0.0.1:" + second.port() + " left");
    sameCsvs(tmp.resolve("kill-sweep-embedded"), tmp.resolve("kill-sweep-cluster"));
  }
}
