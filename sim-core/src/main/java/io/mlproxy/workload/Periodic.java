package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * A region of {@code round(sizeFraction * N)} pages starting at {@code round(startFraction * N)} that
 * is hot during the first half of every period and cold (untouched) during the second half. While
 * hot it receives {@code hotShare} of the touches; every other touch goes uniformly to the pages
 * outside the region (or into the region if it covers everything).
 *
 * @param startFraction first page of the region as a share of N, [0, 1)
 * @param sizeFraction region size as a share of N, (0, 1], with start + size &le; 1
 * @param periodUs length of one hot+cold cycle, microseconds, &ge; 2
 * @param hotShare share of touches to the region while it is hot, [0, 1]
 */
public record Periodic(double startFraction, double sizeFraction, long periodUs, double hotShare)
        implements AccessPattern {

    public Periodic {
        Checks.fraction("startFraction", startFraction, true);
        Checks.fraction("sizeFraction", sizeFraction, false);
        if (startFraction + sizeFraction > 1.0 + 1e-12) {
            throw new IllegalArgumentException("startFraction + sizeFraction must be <= 1, was "
                    + (startFraction + sizeFraction));
        }
        if (periodUs < 2) {
            throw new IllegalArgumentException("periodUs must be >= 2, was " + periodUs);
        }
        Checks.fraction("hotShare", hotShare, true);
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        return new PeriodicSampler(this, pages);
    }
}
