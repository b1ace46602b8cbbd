/**
 * Efficiency reports over a results folder: CSV readers with line-numbered errors, the results
 * model, Tablesaw tables, JFreeChart charts and self-contained HTML (one report per scenario and
 * an index over all of them).
 *
 * <p>It reads only what the engine wrote to disk ({@code docs/results-format.md}); nothing is
 * re-simulated. The charts show what the RFC's ML model proxy did over time: its mode, the
 * windowed ML and default efficiency it compared, dataset age and recommendation staleness, and
 * the DAMON access pattern it was steering.
 */
package io.mlproxy.report;
