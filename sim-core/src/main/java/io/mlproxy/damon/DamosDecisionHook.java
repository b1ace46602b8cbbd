package io.mlproxy.damon;

/**
 * Intercepts every per-region decision of a scheme: given the default action (an
 * {@link DamosAction#code()}), returns the action to apply. Called for all regions in
 * priority order on each application, without allocation; the region's figures can be read
 * from the monitor's {@link RegionsView} at {@code regionIndex}.
 */
@FunctionalInterface
public interface DamosDecisionHook {

    /** Applies the default unchanged. */
    DamosDecisionHook IDENTITY = (regionIndex, startPage, endPage, defaultAction) -> defaultAction;

    /** The final action code for region {@code regionIndex} covering {@code [startPage, endPage)}. */
    int decide(int regionIndex, int startPage, int endPage, int defaultAction);

    /** Tag of the decision just returned, stored with paged-out pages for refault attribution. */
    default int lastDecisionTag() {
        return 0;
    }

    /**
     * Where the decision just returned ends: {@code endPage} of the call when it covers the whole
     * candidate, or an earlier page when the hook decided only a prefix (the scheme then splits the
     * region there and asks again for the rest).
     */
    default int lastDecisionEnd() {
        return Integer.MAX_VALUE;
    }

    /** Told what the last decision's action did once carried out on [startPage, endPage). */
    default void applied(int action, int startPage, int endPage, int changedPages) {
    }
}
