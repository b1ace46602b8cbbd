package io.mlproxy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code workload.model}: touch or rate, chosen by size when not given, touch for traces, and the
 * touch model's page bound checked with it, each error naming the field.
 */
class WorkloadModelTest {

  private static String withPages(String pages, String workloadExtra) {
    return ScenarioLoaderTest.MINIMAL.replace("pages: 1024", "pages: " + pages)
        .replace("workload:\n", "workload:\n" + workloadExtra);
  }

  @Test
  void theDefaultIsRateAboveTheDocumentedSizeAndTouchBelow() {
    Scenario small = ScenarioLoaderTest.parse(withPages("1048576", ""));
    assertThat(small.workload().model()).isEmpty();
    assertThat(small.workload().modelFor(small.memory().pages())).isEqualTo(WorkloadSpec.Model.TOUCH);
    Scenario large = ScenarioLoaderTest.parse(withPages("1048577", ""));
    assertThat(large.workload().modelFor(large.memory().pages())).isEqualTo(WorkloadSpec.Model.RATE);
    Scenario forced = ScenarioLoaderTest.parse(withPages("1024", "  model: rate\n"));
    assertThat(forced.workload().modelFor(1024)).isEqualTo(WorkloadSpec.Model.RATE);
    Scenario node = ScenarioLoaderTest.parse(ScenarioLoaderTest.MINIMAL.replace("pages: 1024", "size: 64GiB"));
    assertThat(node.memory().pages()).isEqualTo(1 << 24);
    assertThat(node.workload().modelFor(node.memory().pages())).isEqualTo(WorkloadSpec.Model.RATE);
  }

  @Test
  void theTouchModelHoldsAtMost2To22PagesAndSaysWhichFieldToChange() {
    List<ScenarioError> e = ScenarioLoaderTest.errors(withPages("4194305", "  model: touch\n"));
    assertThat(e).singleElement().satisfies(err -> {
      assertThat(err.field()).isEqualTo("workload.model");
      assertThat(err.message()).contains("4194305 pages is more than the touch model holds", "model: rate");
    });
    assertThat(ScenarioLoaderTest.parse(withPages("4194304", "  model: touch\n")).memory().pages())
        .isEqualTo(4194304);
    List<ScenarioError> size = ScenarioLoaderTest.errors(ScenarioLoaderTest.MINIMAL
        .replace("pages: 1024", "size: 32GiB").replace("workload:\n", "workload:\n  model: touch\n"));
    assertThat(size).singleElement().extracting(ScenarioError::field).isEqualTo("workload.model");
    assertThat(ScenarioLoaderTest.errors(withPages("16777217", ""))).singleElement()
        .extracting(ScenarioError::field).isEqualTo("memory.pages");
  }

  @Test
  void aTraceIsAlwaysReplayedTouchByTouch() {
    String trace = ScenarioLoaderTest.MINIMAL.replaceAll("(?s)  phases:.*", "  trace:\n    path: x\n"
        + "    format: plain\n    addresses: pages\n");
    // the trace file x does not exist: that error aside, the model's errors are what is checked
    List<ScenarioError> rate = ScenarioLoaderTest.errors(trace.replace("workload:\n", "workload:\n  model: rate\n"));
    assertThat(rate).anySatisfy(err -> {
      assertThat(err.field()).isEqualTo("workload.model");
      assertThat(err.message()).contains("a trace is replayed touch by touch");
    });
    List<ScenarioError> big = ScenarioLoaderTest.errors(trace.replace("pages: 1024", "size: 32GiB"));
    assertThat(big).anySatisfy(err -> {
      assertThat(err.field()).isEqualTo("memory.size");
      assertThat(err.message()).contains("more than the touch model holds", "with a trace");
    });
  }

  @Test
  void anUnknownModelIsAnErrorListingTheModels() {
    List<ScenarioError> e = ScenarioLoaderTest.errors(withPages("1024", "  model: poisson\n"));
    assertThat(e).singleElement().satisfies(err -> {
      assertThat(err.field()).isEqualTo("workload.model");
      assertThat(err.message()).contains("touch, rate");
    });
  }
}
