package io.mlproxy.agent.external;

import io.mlproxy.proxy.DatasetCodec;
import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.ProxyConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The text of the HELLO frame: the protocol's and the proxy's limits, then the run's settings. */
final class Handshake {

  private Handshake() {}

  /** "key value" lines: the limits of {@code config}, then {@code info} (simulation settings, hints). */
  static String text(ProxyConfig config, int maxFrameBytes, long replyTimeoutMs, int incarnation,
      Map<String, String> info) {
    Map<String, String> kv = new LinkedHashMap<>();
    kv.put("protocol", Integer.toString(AgentProtocol.VERSION));
    kv.put("max_frame_bytes", Integer.toString(maxFrameBytes));
    kv.put("address_space_pages", Long.toString(config.addressSpacePages()));
    kv.put("max_generation_lag", Integer.toString(config.maxGenerationLag()));
    kv.put("recommendation_buffer_bytes", Integer.toString(config.recommendationBufferBytes()));
    kv.put("max_region_hints", Integer.toString(config.maxRegionHints()));
    kv.put("max_param_hints", Integer.toString(config.maxParamHints()));
    kv.put("dataset_record_size", Integer.toString(DatasetCodec.RECORD_SIZE));
    kv.put("feedback_record_size", Integer.toString(FeedbackCodec.RECORD_SIZE));
    kv.put("reply_timeout_ms", Long.toString(replyTimeoutMs));
    kv.put("incarnation", Integer.toString(incarnation));
    kv.putAll(info);
    StringBuilder sb = new StringBuilder();
    kv.forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
    return sb.toString();
  }
}
