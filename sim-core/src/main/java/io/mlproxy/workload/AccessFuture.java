package io.mlproxy.workload;

/**
 * What the oracle may know of the future: whether a page will be touched within its horizon from
 * now. A {@link Lookahead} reads it from the touches ahead; a rate-based run from the realised
 * accesses of {@link AccessPaths}, which are fixed before anyone asks.
 */
public interface AccessFuture {

    /** Pages of the address space. */
    int pages();

    /** Whether {@code page} is touched within the horizon from the current time. */
    boolean touchedWithin(int page);
}
