package io.mlproxy.report;

/** One row of {@code replications.csv}: a variant's figures in one replication. */
public record ReplicationRow(
    String scenario,
    String variant,
    int rep,
    long seed,
    double saving,
    double slowdown,
    double score,
    double faults,
    double refaults,
    double reclaimCpuS,
    double transitions,
    double hintsApplied,
    double recsRejected,
    double timeEmergencyPct,
    double timeLearningPct,
    double timeCollaborationPct,
    double timeRecommendationPct) {}
