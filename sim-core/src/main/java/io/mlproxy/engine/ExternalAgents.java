package io.mlproxy.engine;

import io.mlproxy.agent.external.ExternalAgent;
import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.scenario.AgentSpec;
import io.mlproxy.scenario.ExternalAgentSpec;
import io.mlproxy.scenario.Variant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** Builds the external agent of one replication from the scenario (agent.model: external). */
final class ExternalAgents {

  private ExternalAgents() {}

  static ExternalAgent create(
      RunPlan plan, Variant variant, int rep, long repSeed, MlModelProxy proxy, LongSupplier nowUs) {
    AgentSpec a = plan.scenario().agent();
    ExternalAgentSpec x = a.external();
    Map<String, String> hello = new LinkedHashMap<>();
    hello.put("page_size_bytes", Long.toString(plan.memory().pageSizeBytes()));
    hello.put("sampling_us", Long.toString(plan.monitor().samplingUs()));
    hello.put("aggregation_us", Long.toString(plan.monitor().aggregationUs()));
    hello.put("max_nr_accesses", Long.toString(plan.monitor().aggregationUs() / plan.monitor().samplingUs()));
    hello.put("period_us", Long.toString(a.periodUs()));
    hello.put("staleness_timeout_ms", Long.toString(plan.thresholds().stalenessTimeoutMs()));
    hello.put("scenario", plan.scenario().name());
    hello.put("variant", variant.yamlName());
    hello.put("rep", Integer.toString(rep));
    hello.put("seed", Long.toString(SeedPlan.streamSeed(repSeed, "agent")));
    // the built-in models' settings of the agent section, for agents that want them
    hello.put("agent.horizon_ms", Long.toString(a.horizonUs() / 1000));
    hello.put("agent.learning_rate", Double.toString(a.learningRate()));
    hello.put("agent.l2", Double.toString(a.l2()));
    hello.put("agent.min_confidence_permille", Integer.toString(a.minConfidencePermille()));
    hello.put("agent.train_cost_per_sample_ns", Long.toString(a.trainCostPerSampleNs()));
    hello.put("agent.read_cost_per_kib_ns", Long.toString(a.readCostPerKibNs()));
    hello.put("agent.write_latency_us", Long.toString(a.writeLatencyUs()));
    hello.put("agent.portion_bytes", Long.toString(a.portionBytes()));
    ExternalAgent.Settings settings =
        new ExternalAgent.Settings(
            x.command(), x.workingDirectory(), x.environment(), x.wallTimeFactor(), x.replyTimeoutMs(),
            x.startTimeoutMs(), x.restartDelayUs(), x.maxRestarts(), (int) x.logLimitBytes(),
            a.readCostPerKibNs(), hello);
    return new ExternalAgent(settings, new ControlInterface(proxy), new DataChannel(proxy), proxy.config(), nowUs);
  }
}
