/**
 * JMH benchmarks of the workbench: the proxy's per-decision hot path ({@code execute_operation}),
 * recommendation ingest ({@code preprocess_recommendation} + {@code apply_recommendation}), dataset
 * export through the character-device-like channel, one DAMON sampling and aggregation interval,
 * page-touch replay through the memory model (with and without the monitor and DAMON_RECLAIM),
 * the DSOL engine against a bare priority-queue loop, and one whole shipped scenario.
 *
 * <p>Run them from {@code benchmarks/target/benchmarks.jar} (main class {@code org.openjdk.jmh.Main})
 * or with {@code workbench bench}; the README's "Performance" section lists the figures.
 */
package io.mlproxy.bench;
