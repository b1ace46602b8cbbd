package io.mlproxy.engine;

import java.util.List;

/**
 * Everything one variant produced in one replication.
 *
 * @param heatmap one row per aggregation: time in ms, then {@link ReplicationModel#HEATMAP_BUCKETS}
 *     access rates in per-mille (empty unless the heatmap was requested)
 */
public record ReplicationResult(
    ReplicationOutcome outcome, List<TimeseriesRow> rows, List<EventLog.Entry> events, List<int[]> heatmap) {}
