/**
 * Reclaim policies and how their decisions are judged: the ML-applied policy that lets the proxy's
 * execute_operation decide each DAMON_RECLAIM candidate ({@link
 * io.mlproxy.policy.ProxyReclaimHook}), the oracle that pages out exactly what will not be touched
 * within the horizon ({@link io.mlproxy.policy.OraclePolicy}), the break-even time that values a
 * pageout ({@link io.mlproxy.policy.BreakEven}), and shadow evaluation of taken and not-taken
 * pageouts ({@link io.mlproxy.policy.DecisionLedger}). The handcrafted policy itself is
 * DAMON_RECLAIM in {@code io.mlproxy.damon}.
 */
package io.mlproxy.policy;
