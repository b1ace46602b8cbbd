package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * A sequential sweep: pages 0, s, 2s, ... below N, then 1, 1+s, ..., until every page was touched
 * once ({@code s = stride}). A looping scan starts over (the LRU worst case when N exceeds memory); a
 * non-looping one is done after one sweep and its share of the phase's touches goes to the phase's
 * other patterns (if it was the only one, the phase stays idle until the next phase starts, and the
 * stream ends if it was the last phase).
 *
 * <p>The sweep covers the sub-range that starts at {@code startFraction} of the address space and
 * spans {@code lengthFraction} of it (at least one page), the whole space by default.
 *
 * @param stride distance between consecutive touches, pages, &ge; 1
 * @param looping whether to sweep again after the last page
 * @param startFraction where the swept range starts, in [0, 1)
 * @param lengthFraction how much of the address space the range spans, in (0, 1]
 */
public record Scan(int stride, boolean looping, double startFraction, double lengthFraction)
        implements AccessPattern {

    public Scan {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, was " + stride);
        }
        SubRange.check(startFraction, lengthFraction);
    }

    /** A sweep over the whole address space. */
    public Scan(int stride, boolean looping) {
        this(stride, looping, 0.0, 1.0);
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        int base = SubRange.base(pages, startFraction);
        return new ScanSampler(stride, looping, SubRange.span(pages, base, lengthFraction), base);
    }
}
