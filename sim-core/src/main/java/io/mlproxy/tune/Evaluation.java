package io.mlproxy.tune;

import java.util.List;

/**
 * One candidate judged: its per-scenario scores, the mean advantage over handcrafted, whether it
 * kept the guard, and the (penalised) objective the optimizers maximise.
 */
public record Evaluation(
    Candidate candidate, List<ScenarioScore> scores, double meanAdvantage, boolean guardOk, double objective) {}
