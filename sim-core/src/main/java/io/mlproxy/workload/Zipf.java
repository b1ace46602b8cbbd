package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * Zipf popularity: the page of rank k (1..N) is touched with probability proportional to
 * {@code k^-skew}. Unscrambled, rank k is page k-1 (the hot pages are adjacent, which DAMON's regions
 * can capture); scrambled, ranks are spread over the address space by a fixed pseudo-random
 * permutation drawn once per stream (the hard case for region-based monitoring).
 *
 * @param skew the exponent, (0, 20]
 * @param scrambled whether ranks are permuted over the address space
 */
public record Zipf(double skew, boolean scrambled) implements AccessPattern {

    public Zipf {
        if (!(skew > 0.0 && skew <= 20.0)) {
            throw new IllegalArgumentException("skew must be in (0, 20], was " + skew);
        }
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        ZipfSampler ranks = new ZipfSampler(skew, pages);
        if (!scrambled) {
            return (r, t) -> ranks.nextRank(r) - 1;
        }
        PagePermutation permutation = new PagePermutation(pages, rnd.nextLong());
        return (r, t) -> permutation.apply(ranks.nextRank(r) - 1);
    }
}
