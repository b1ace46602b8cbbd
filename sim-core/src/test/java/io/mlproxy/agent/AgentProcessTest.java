package io.mlproxy.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlproxy.proxy.ControlInterface;
import io.mlproxy.proxy.DataChannel;
import io.mlproxy.proxy.DatasetCodec;
import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.MlLibException;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.ModeThresholds;
import io.mlproxy.proxy.ModelOperations;
import io.mlproxy.proxy.ProxyConfig;
import io.mlproxy.proxy.SystemMode;
import org.junit.jupiter.api.Test;

/** The agent against a real proxy: only text commands and bytes pass between them. */
class AgentProcessTest {

  private long nowMs = 1_000;

  /** Two regions: [0,100) busy, [100,1000) idle and old. */
  private MlModelProxy proxy() {
    MlModelProxy p =
        MlModelProxy.create(
            "test",
            ModelOperations.GENERIC,
            sink -> {
              sink.region(0, 100, 20, 20, 0, 1000, 0);
              sink.region(100, 1000, 0, 0, 500, 1000, 0);
            },
            () -> nowMs);
    p.init(ProxyConfig.forAddressSpace(1000), ModeThresholds.defaults());
    return p;
  }

  @Test
  void aCycleReadsTheDatasetTrainsAndDeliversAnAcceptedRecommendation() {
    MlModelProxy p = proxy();
    LogisticAgentModel model = new LogisticAgentModel(20, 5_000, 0.5, 0, 600);
    AgentProcess agent =
        new AgentProcess(new ControlInterface(p), new DataChannel(p), model, new AgentCosts(10_000, 2_000, 16));
    agent.attach();
    long readNs = agent.readDataset();
    // 48-byte header + 2 records of 40 bytes = 128 bytes: one KiB started, 10 us
    assertThat(readNs).isEqualTo(10_000);
    assertThat(agent.generation()).isEqualTo(1);
    long trainNs = agent.train();
    // two new samples, no label yet: 2 x 2 us
    assertThat(trainNs).isEqualTo(4_000);
    byte[] message = agent.recommendation();
    agent.write(message);
    assertThat(p.counters().get("messages_accepted")).isEqualTo(1);
    assertThat(p.counters().get("datasets_discarded")).isEqualTo(1);
  }

  @Test
  void aLearnedModelRecommendsPageoutForTheIdleRegionOnly() {
    MlModelProxy p = proxy();
    LogisticAgentModel model = new LogisticAgentModel(20, 5_000, 0.5, 0, 600);
    AgentProcess agent =
        new AgentProcess(new ControlInterface(p), new DataChannel(p), model, new AgentCosts(0, 0, 4096));
    agent.attach();
    for (int cycle = 0; cycle < 200; cycle++) {
      nowMs += 1_000;
      agent.readDataset();
      agent.train();
      agent.write(agent.recommendation());
    }
    p.forceMode(SystemMode.RECOMMENDATION);
    long busy = p.executeOperation(10, 20, HintAction.CODE_PAGEOUT);
    long idle = p.executeOperation(200, 300, HintAction.CODE_KEEP);
    assertThat(io.mlproxy.proxy.Decision.action(busy)).isEqualTo(HintAction.CODE_KEEP);
    assertThat(io.mlproxy.proxy.Decision.action(idle)).isEqualTo(HintAction.CODE_PAGEOUT);
    assertThat(io.mlproxy.proxy.Decision.isMl(idle)).isTrue();
  }

  @Test
  void readingWithoutAnAttachedProxyFailsWithAnErrnoNotACrash() {
    MlModelProxy p = proxy();
    p.destroy();
    AgentProcess agent =
        new AgentProcess(new ControlInterface(p), new DataChannel(proxy()), new TunerAgentModel(0.5),
            new AgentCosts(0, 0, 64));
    assertThatThrownBy(agent::readDataset).isInstanceOf(MlLibException.class);
    assertThatThrownBy(agent::recommendation).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDatasetBytesAreTheProxysWireFormat() {
    MlModelProxy p = proxy();
    new ControlInterface(p).write("control", "START");
    long gen = p.prepareDataset();
    byte[] buf = new byte[4096];
    int n = new DataChannel(p).readDataset(gen, 0, buf, 0, buf.length);
    DatasetCodec.Decoded d = DatasetCodec.decode(java.util.Arrays.copyOf(buf, n));
    assertThat(d.regions().size()).isEqualTo(2);
    assertThat(d.regions().age(1)).isEqualTo(500);
  }
}
