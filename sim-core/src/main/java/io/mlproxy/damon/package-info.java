/**
 * A DAMON-like data access monitor and DAMOS-like schemes over one contiguous, paddr-like
 * target of pages.
 *
 * <p>Mirrors mm/damon/core.c (regions, sampling, aggregation, adaptive merge/split, age),
 * mm/damon/ops-common.c (the cold score used for quota prioritisation) and mm/damon/reclaim.c
 * (DAMON_RECLAIM and its defaults). The memory is reached only through the narrow
 * {@link io.mlproxy.damon.AccessBitSource} and {@link io.mlproxy.damon.DamosActionTarget}
 * interfaces; decisions can be intercepted through {@link io.mlproxy.damon.DamosDecisionHook}.
 */
package io.mlproxy.damon;
