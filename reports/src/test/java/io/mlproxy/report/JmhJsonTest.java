package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;

class JmhJsonTest {

  /** Shaped like JMH 1.37's -rf json output with -prof gc (trimmed). */
  static final String SAMPLE = """
      [
          {
              "jmh": "1.37",
              "benchmark" : "io.mlproxy.bench.ProxyHotPath.executeOperation",
              "mode" : "avgt",
              "threads" : 1,
              "forks" : 1,
              "params" : {
                  "regions" : "1000"
              },
              "primaryMetric" : {
                  "score" : 41.25,
                  "scoreError" : 1.5,
                  "scoreConfidence" : [39.75, 42.75],
                  "scoreUnit" : "ns/op",
                  "rawData" : [[41.0, 41.5]]
              },
              "secondaryMetrics" : {
                  "·gc.alloc.rate" : { "score" : 0.001, "scoreError" : "NaN", "scoreUnit" : "MB/sec" },
                  "·gc.alloc.rate.norm" : { "score" : 0.0, "scoreError" : 0.0, "scoreUnit" : "B/op" }
              }
          },
          {
              "benchmark" : "io.mlproxy.bench.RecommendationCodec.decode",
              "mode" : "avgt",
              "primaryMetric" : {
                  "score" : 2.5,
                  "scoreError" : "NaN",
                  "scoreUnit" : "us/op"
              },
              "secondaryMetrics" : {
              }
          },
          {
              "benchmark" : "io.mlproxy.bench.ProxyHotPath.publish",
              "mode" : "thrpt",
              "primaryMetric" : { "score" : 1200.0, "scoreError" : 10.0, "scoreUnit" : "ops/ms" }
          }
      ]
      """;

  @Test
  void readsScoresErrorsUnitsParamsAndBytesPerOp() {
    List<BenchmarkResult> r = JmhJson.parse(Path.of("bench.json"), SAMPLE);
    assertThat(r).hasSize(3);
    BenchmarkResult a = r.get(0);
    assertThat(a.shortName()).isEqualTo("ProxyHotPath.executeOperation");
    assertThat(a.params()).isEqualTo(Map.of("regions", "1000"));
    assertThat(a.nsPerOp()).isEqualTo(41.25);
    assertThat(a.nsPerOpError()).isEqualTo(1.5);
    assertThat(a.bytesPerOp()).isEqualTo(0.0);
    BenchmarkResult b = r.get(1);
    assertThat(b.nsPerOp()).isEqualTo(2500.0);
    assertThat(b.nsPerOpError()).isNaN();
    assertThat(b.bytesPerOp()).isNaN();
    // a throughput converts to a time per operation: 1200 ops/ms is 833 ns/op
    assertThat(r.get(2).isTimePerOp()).isFalse();
    assertThat(r.get(2).isThroughput()).isTrue();
    assertThat(r.get(2).nsPerOp()).isCloseTo(1e6 / 1200, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.get(2).nsPerOpBar()[0]).isCloseTo(1e6 / 1210, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void badFilesNameFileAndLine() {
    Path f = Path.of("bench", "x.json");
    assertThatThrownBy(() -> JmhJson.parse(f, "[\n {\"benchmark\": \"a\",\n \"mode\": }]"))
        .isInstanceOfSatisfying(ReportException.class, e -> {
          assertThat(e.file()).isEqualTo(f);
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.reason()).startsWith("malformed JSON at column 10");
        });
    assertThatThrownBy(() -> JmhJson.parse(f, "[\n\n {\"benchmark\": \"a\", \"mode\": \"avgt\"}]"))
        .hasMessage(f + ":3: 'primaryMetric' must be an object (missing)");
    assertThatThrownBy(() -> JmhJson.parse(f, "{}"))
        .hasMessage(f + ":1: a JMH result file is a JSON array of benchmark results");
  }

  @Test
  void errorBarsComeFromJmhsIntervalElseFromTheIterations() {
    List<BenchmarkResult> r = JmhJson.parse(Path.of("bench.json"), SAMPLE);
    assertThat(r.get(0).nsPerOpBar()).containsExactly(39.75, 42.75);
    assertThat(r.get(0).rawMin()).isEqualTo(41.0);
    assertThat(r.get(0).rawMax()).isEqualTo(41.5);
    // no interval (one iteration): the bar is undefined rather than invented
    assertThat(r.get(1).nsPerOpBar()[0]).isNaN();
    String oneIteration = """
        [{"benchmark": "a.B.c", "mode": "avgt", "primaryMetric": {"score": 2.0, "scoreError": "NaN",
          "scoreUnit": "us/op", "rawData": [[1.5, 2.5]]}}]""";
    assertThat(JmhJson.parse(Path.of("b.json"), oneIteration).get(0).nsPerOpBar()).containsExactly(1500.0, 2500.0);
  }

  @Test
  void duplicateMembersAndTrailingContentAreErrors() {
    Path f = Path.of("d.json");
    assertThatThrownBy(() -> JmhJson.parse(f, "[{\"benchmark\": \"a\",\n\"benchmark\": \"b\"}]"))
        .hasMessageStartingWith(f + ":2: malformed JSON").hasMessageContaining("Duplicate field 'benchmark'");
    assertThatThrownBy(() -> JmhJson.parse(f, "[]\n[]")).hasMessageStartingWith(f + ":2:");
  }

  @Provide
  Arbitrary<List<Tuple.Tuple3<Integer, Integer, Character>>> edits() {
    return Arbitraries.integers().between(0, SAMPLE.length() - 1)
        .flatMap(at -> Arbitraries.integers().between(0, 2)
            .flatMap(kind -> Arbitraries.of("{}[],:\"\\0123456789.eE+-tfnulN \n".toCharArray())
                .map(c -> Tuple.of(at, kind, c))))
        .list().ofMinSize(1).ofMaxSize(4);
  }

  /** A mutated result file either reads or fails with a ReportException naming a line of it. */
  @Property(tries = 2000)
  void mutatedFilesReadOrFailNamingALine(@ForAll("edits") List<Tuple.Tuple3<Integer, Integer, Character>> edits) {
    StringBuilder b = new StringBuilder(SAMPLE);
    for (Tuple.Tuple3<Integer, Integer, Character> e : edits) {
      int at = Math.min(e.get1(), Math.max(0, b.length() - 1));
      if (b.length() == 0) {
        break;
      }
      switch (e.get2()) {
        case 0 -> b.deleteCharAt(at);
        case 1 -> b.insert(at, (char) e.get3());
        default -> b.setCharAt(at, e.get3());
      }
    }
    String text = b.toString();
    try {
      JmhJson.parse(Path.of("m.json"), text);
    } catch (ReportException e) {
      assertThat(e.line()).as(text).isBetween(0, text.split("\n", -1).length);
      assertThat(e.getMessage()).startsWith("m.json");
    }
  }
}
