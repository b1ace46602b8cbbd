package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * A sequential sweep: pages 0, s, 2s, ... below N, then 1, 1+s, ..., until every page was touched
 * once ({@code s = stride}). A looping scan starts over (the LRU worst case when N exceeds memory); a
 * non-looping one is done after one sweep and its share of the phase's touches goes to the phase's
 * other patterns (if it was the only one, the phase stays idle until the next phase starts, and the
 * stream ends if it was the last phase).
 *
 * @param stride distance between consecutive touches, pages, &ge; 1
 * @param looping whether to sweep again after the last page
 */
public record Scan(int stride, boolean looping) implements AccessPattern {

    public Scan {
        if (stride < 1) {
            throw new IllegalArgumentException("stride must be >= 1, was " + stride);
        }
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        return new ScanSampler(stride, looping, pages);
    }
}
