package io.mlproxy.tune;

/**
 * One line of tuning.csv: the {@code evaluation}-th distinct candidate (1-based) that {@code
 * method} evaluated, judged.
 */
public record TuningRecord(String method, int evaluation, Evaluation result) {}
