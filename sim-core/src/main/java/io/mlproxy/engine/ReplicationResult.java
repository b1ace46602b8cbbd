package io.mlproxy.engine;

import java.util.List;
import java.util.Map;

/**
 * Everything one variant produced in one replication.
 *
 * @param heatmap one row per aggregation: time in ms, then {@link ReplicationModel#heatmapBuckets} of the address space's
 *     access rates in per-mille (empty unless the heatmap was requested)
 * @param proxyCounters the proxy's counters at the end (empty for variants without a proxy)
 * @param touches touches replayed, for checking that all variants saw the same stream
 * @param agentCounters an external agent's counters (empty for built-in agents and no agent)
 * @param agentLog an external agent's agent.log (empty for built-in agents and no agent)
 */
public record ReplicationResult(
    ReplicationOutcome outcome,
    List<TimeseriesRow> rows,
    List<EventLog.Entry> events,
    List<int[]> heatmap,
    Map<String, Long> proxyCounters,
    long touches,
    Map<String, Long> agentCounters,
    byte[] agentLog) implements java.io.Serializable {}
