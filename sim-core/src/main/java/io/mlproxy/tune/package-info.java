/**
 * Mode-threshold tuning: searches the {@link io.mlproxy.proxy.ModeController}'s thresholds
 * (ML shares, promote/demote margins, window, dwell, staleness, reject rate, pressure) for the
 * proxy that beats the handcrafted DAMON_RECLAIM-like policy most robustly over a set of
 * scenarios, with CMA-ES, BOBYQA or random search from Commons Math.
 *
 * <p>There is no kernel counterpart: this is the offline work a subsystem maintainer would do
 * before choosing the defaults the proxy ships with (the values written through RE_INIT).
 */
package io.mlproxy.tune;
