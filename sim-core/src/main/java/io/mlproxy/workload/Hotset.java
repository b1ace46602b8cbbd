package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * A hot set of {@code round(hotFraction * N)} contiguous pages that receives {@code hotShare} of the
 * touches (uniformly inside); the remaining touches go uniformly to the other pages. The hot set
 * starts at page {@code round(positionFraction * (N - hot))} and, with a drift, moves up by
 * {@code driftPagesPerSec} pages per second of phase time, wrapping around the address space.
 *
 * @param hotFraction share of the address space that is hot, (0, 1]
 * @param hotShare probability that a touch goes to the hot set, [0, 1]
 * @param positionFraction where the hot set starts, [0, 1] of the room left beside it
 * @param driftPagesPerSec speed of the hot set, pages per second (any finite value, 0 = fixed)
 */
public record Hotset(double hotFraction, double hotShare, double positionFraction, double driftPagesPerSec)
        implements AccessPattern {

    public Hotset {
        Checks.fraction("hotFraction", hotFraction, false);
        Checks.fraction("hotShare", hotShare, true);
        Checks.fraction("positionFraction", positionFraction, true);
        if (!Double.isFinite(driftPagesPerSec)) {
            throw new IllegalArgumentException("driftPagesPerSec must be finite, was " + driftPagesPerSec);
        }
    }

    /** A fixed hot set. */
    public Hotset(double hotFraction, double hotShare, double positionFraction) {
        this(hotFraction, hotShare, positionFraction, 0.0);
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        return new HotsetSampler(this, pages);
    }
}
