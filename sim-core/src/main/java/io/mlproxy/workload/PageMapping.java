package io.mlproxy.workload;

/** How a trace's (unbounded) page numbers are folded into the address space [0, N). */
public enum PageMapping {
    /**
     * First-seen pages get 0, 1, 2, ...; with more than N distinct pages the k-th distinct page maps
     * to k mod N. Keeps a sparse trace (stack far from heap) compact; size N with {@link Traces#scan}.
     */
    DENSE,
    /** page mod N: keeps the trace's spatial layout (adjacent pages stay adjacent) but may alias. */
    MODULO,
    /** The page number itself; a page &ge; N is an error naming the record. */
    IDENTITY
}
