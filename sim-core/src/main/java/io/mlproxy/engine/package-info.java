/**
 * Runs experiments: compiles a scenario into component configurations ({@link
 * io.mlproxy.engine.ScenarioCompiler}), wires memory, DAMON monitor, policy, proxy and agent into
 * one DSOL DEVS model per variant and replication ({@code ReplicationModel}), runs them in parallel
 * with common random numbers ({@link io.mlproxy.engine.ExperimentRunner}), and writes the results
 * folder with its deterministic CSV files ({@link io.mlproxy.engine.ResultsWriter}).
 */
package io.mlproxy.engine;
