package io.mlproxy.engine;

/** The derived figures of one variant in one replication: saving, slowdown against `none`, score. */
public record ReplicationScore(ReplicationOutcome outcome, double saving, double slowdown, double score) {}
