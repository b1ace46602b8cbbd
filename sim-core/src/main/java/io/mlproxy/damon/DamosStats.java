package io.mlproxy.damon;

/**
 * A scheme's statistics (struct damos_stat) plus how often a decision hook overrode the default.
 *
 * @param nrTried        regions an action was applied to
 * @param szTriedBytes   bytes of those regions
 * @param nrApplied      regions where the action changed at least one page
 * @param szAppliedBytes bytes of pages the action changed
 * @param qtExceeds      charge windows that ended with the quota used up
 * @param nrOverridden   regions whose final action differed from the scheme's default
 */
public record DamosStats(long nrTried, long szTriedBytes, long nrApplied, long szAppliedBytes, long qtExceeds,
                         long nrOverridden) {
}
