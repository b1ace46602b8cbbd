package io.mlproxy.agent;

import io.mlproxy.proxy.FeedbackCodec;
import io.mlproxy.proxy.Recommendation;

/** One of the agent's continual models: learns from datasets and feedback, then recommends. */
public interface AgentModel {

  /** Learns from a freshly read dataset; returns how many samples the training pass used. */
  int observe(RegionTable table);

  /** Learns from the proxy's judgement of one decision. */
  void feedback(FeedbackCodec.Record record);

  /** Adds this model's hints for {@code table} to {@code out}. */
  void recommend(RegionTable table, Recommendation.Builder out);
}
