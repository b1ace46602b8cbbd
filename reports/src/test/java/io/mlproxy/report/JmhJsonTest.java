package io.mlproxy.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    assertThat(r.get(2).isTimePerOp()).isFalse();
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
}
