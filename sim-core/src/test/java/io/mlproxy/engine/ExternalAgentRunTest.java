package io.mlproxy.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlproxy.scenario.Scenario;
import io.mlproxy.scenario.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Python reference agent as an outside process in a short run. */
class ExternalAgentRunTest {

  static final String REFERENCE =
      "  model: external\n  command: [python3, ../agents/python/reference_agent.py]\n  horizon: 8s\n";

  static ReplicationResult proxyRun(Scenario s) {
    RunPlan plan = ScenarioCompiler.compile(s);
    List<ReplicationResult> all = ExperimentRunner.simulate(plan, 2, (d, t) -> {});
    return all.stream().filter(r -> r.outcome().variant() == Variant.PROXY && r.outcome().rep() == 1)
        .findFirst().orElseThrow();
  }

  @Test
  void theReferenceAgentDeliversLikeTheBuiltInOne() {
    ReplicationResult builtIn = proxyRun(TinyScenario.hotCold(20, "variants: [none, proxy]\n"));
    ReplicationResult external = proxyRun(TinyScenario.withAgent(20, REFERENCE, "variants: [none, proxy]\n"));
    Map<String, Long> b = builtIn.proxyCounters();
    Map<String, Long> e = external.proxyCounters();
    System.out.println(b);
    System.out.println(e);
    System.out.println(external.agentCounters());
    System.out.println(new String(external.agentLog()));
    assertThat(e.get("messages_accepted")).isEqualTo(b.get("messages_accepted"));
  }
}
