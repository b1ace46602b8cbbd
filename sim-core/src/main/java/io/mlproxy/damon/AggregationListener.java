package io.mlproxy.damon;

/**
 * Told once per aggregation, after the merge and before the schemes, with the aggregated
 * regions (where mainline calls after_aggregation / damon_call): the place to build a dataset.
 */
@FunctionalInterface
public interface AggregationListener {

    AggregationListener NONE = (regions, nowUs) -> { };

    void onAggregated(RegionsView regions, long nowUs);
}
