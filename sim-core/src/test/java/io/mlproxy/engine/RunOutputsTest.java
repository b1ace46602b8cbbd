package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run writes about its edges: a small address space's heatmap, a lenient trace's skipped records. */
class RunOutputsTest {

  @TempDir Path dir;

  private ExperimentRunner.Outcome run(String yaml) {
    Scenario s = ScenarioLoader.parse(yaml, dir.resolve("s.yaml"), RunChecks.standard());
    return ExperimentRunner.run(s, yaml, dir.resolve("out"), TinyScenario.options(2));
  }

  @Test
  void anAddressSpaceOfFewerThan64PagesHasOneHeatmapBucketPerPage() throws IOException {
    // memory.pages < 64 simulated, then failed in the report: "bucket pages must satisfy 0 <= start_page < end_page"
    ExperimentRunner.Outcome o = run(RunChecksTest.BASE.replace("pages: 1024", "pages: 32")
        .replace("replications: 1", "replications: 1\nvariants: [proxy]"));
    List<String> rows = Files.readAllLines(o.folder().resolve("proxy/rep-1/heatmap.csv"));
    List<String> firstStep = rows.subList(1, 33);
    for (int b = 0; b < 32; b++) {
      assertThat(firstStep.get(b)).startsWith("0.1," + b + "," + b + "," + (b + 1) + ",");
    }
    assertThat(rows.get(33)).startsWith("0.2,0,");
  }

  @Test
  void skippedTraceRecordsAreCountedInRunProperties() throws IOException {
    Files.writeString(dir.resolve("t.txt"), "1\nbad\n2\n3\nworse\n4\n");
    String yaml = RunChecksTest.BASE.replaceAll("(?s)  phases:.*", "  trace:\n    path: t.txt\n    format: plain\n"
        + "    addresses: pages\n    lenient: true\n    loop: true\n");
    ExperimentRunner.Outcome o = run(yaml.replace("replications: 1", "replications: 1\nvariants: [handcrafted]"));
    assertThat(o.traceSkippedRecords()).isEqualTo(2);
    assertThat(o.traceRecords()).isEqualTo(4);
    assertThat(Files.readAllLines(o.folder().resolve("run.properties")))
        .contains("trace.skipped_records=2", "trace.touches_per_pass=4");
  }
}
