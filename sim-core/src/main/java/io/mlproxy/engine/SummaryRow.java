package io.mlproxy.engine;

import io.mlproxy.scenario.Variant;
/** One line of summary.csv: a variant's figures over all replications (see docs/results-format.md). */
public record SummaryRow(
    String scenario,
    Variant variant,
    int replications,
    ConfidenceInterval saving,
    ConfidenceInterval slowdown,
    ConfidenceInterval score,
    double faultsMean,
    double refaultsMean,
    double reclaimCpuSecondsMean,
    double timeEmergencyPct,
    double timeLearningPct,
    double timeCollaborationPct,
    double timeRecommendationPct,
    double transitionsMean,
    double hintsAppliedMean,
    double recsRejectedMean,
    double gapClosed) {}
