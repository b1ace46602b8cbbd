/**
 * The monitored workload: streams of page touches that drive the simulated memory and the DAMON-like
 * monitor. Synthetic, seeded, phase-based patterns ({@link io.mlproxy.workload.SyntheticWorkload}) and
 * streamed replay of real traces ({@link io.mlproxy.workload.Traces}: valgrind lackey, plain page or
 * address lists, CSV, libCacheSim oracleGeneral) share one batch interface,
 * {@link io.mlproxy.workload.AccessStream}. {@link io.mlproxy.workload.Lookahead} wraps any stream and
 * exposes its near future, which is what an oracle policy (and the break-even horizon) needs.
 *
 * <p>Every touch is an {@code int} page number in {@code [0, pages)} of one contiguous address space
 * and a time in microseconds; times never decrease within a stream.
 */
package io.mlproxy.workload;
