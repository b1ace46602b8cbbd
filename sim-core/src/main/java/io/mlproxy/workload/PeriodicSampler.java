package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Sampler of {@link Periodic}. */
final class PeriodicSampler implements PageSampler {
    private final int first;
    private final int size;
    private final int outside;
    private final long periodUs;
    private final long hotUs;
    private final double hotShare;

    PeriodicSampler(Periodic spec, int pages) {
        int s = Checks.pagesOf(spec.sizeFraction(), pages);
        this.first = (int) Math.min(pages - s, Math.round(spec.startFraction() * pages));
        this.size = s;
        this.outside = pages - s;
        this.periodUs = spec.periodUs();
        this.hotUs = spec.periodUs() / 2;
        this.hotShare = spec.hotShare();
    }

    /** Whether the region is hot at a phase time. */
    boolean isHot(long phaseTimeUs) {
        return phaseTimeUs % periodUs < hotUs;
    }

    @Override
    public int next(SplittableRandom rnd, long phaseTimeUs) {
        boolean toRegion = outside == 0 || (isHot(phaseTimeUs) && rnd.nextDouble() < hotShare);
        if (toRegion) {
            return first + rnd.nextInt(size);
        }
        int j = rnd.nextInt(outside);
        return j < first ? j : j + size;
    }
}
