package io.mlproxy.memory;

/**
 * Told when a page that proactive reclaim paged out faults back in, so the decision that paged
 * it out (identified by its tag) can be judged. Called on the touch path: must not allocate.
 */
@FunctionalInterface
public interface RefaultListener {

    /** Does nothing; the default listener. */
    RefaultListener NONE = (page, decisionTag, pagedOutAtUs, nowUs) -> { };

    /** A refault of {@code page}, paged out at {@code pagedOutAtUs} by decision {@code decisionTag}. */
    void onRefault(int page, int decisionTag, long pagedOutAtUs, long nowUs);
}
