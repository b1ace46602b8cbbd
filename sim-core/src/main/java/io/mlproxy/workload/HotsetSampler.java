package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Sampler of {@link Hotset}. */
final class HotsetSampler implements PageSampler {
    private final int pages;
    private final int hot;
    private final int cold;
    private final long start;
    private final double hotShare;
    private final double driftPerUs;

    HotsetSampler(Hotset spec, int pages) {
        this.pages = pages;
        this.hot = Checks.pagesOf(spec.hotFraction(), pages);
        this.cold = pages - hot;
        this.start = Math.round(spec.positionFraction() * (pages - hot));
        this.hotShare = spec.hotShare();
        this.driftPerUs = spec.driftPagesPerSec() / 1e6;
    }

    @Override
    public int next(SplittableRandom rnd, long phaseTimeUs) {
        long first = start;
        if (driftPerUs != 0.0) {
            first = Math.floorMod(start + (long) Math.floor(driftPerUs * phaseTimeUs), (long) pages);
        }
        int offset = (cold == 0 || rnd.nextDouble() < hotShare) ? rnd.nextInt(hot) : hot + rnd.nextInt(cold);
        long page = first + offset;
        return (int) (page >= pages ? page - pages : page);
    }
}
