package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Sampler of {@link Growth}. */
final class GrowthSampler implements PageSampler {
    private final int pages;
    private final double initial;
    private final double slopePerUs;
    private final long overUs;
    private final int finalSize;

    GrowthSampler(Growth spec, int pages) {
        this.pages = pages;
        this.initial = spec.initialFraction();
        this.slopePerUs = (spec.finalFraction() - spec.initialFraction()) / spec.overUs();
        this.overUs = spec.overUs();
        this.finalSize = Checks.pagesOf(spec.finalFraction(), pages);
    }

    /** Working-set size at a phase time. */
    int workingSet(long phaseTimeUs) {
        return phaseTimeUs >= overUs ? finalSize : Checks.pagesOf(initial + slopePerUs * phaseTimeUs, pages);
    }

    @Override
    public int next(SplittableRandom rnd, long phaseTimeUs) {
        return rnd.nextInt(workingSet(phaseTimeUs));
    }
}
