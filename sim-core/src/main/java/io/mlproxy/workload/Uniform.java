package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * Every page of a range equally likely: no locality at all, the worst case for any reclaim policy.
 * The range starts at {@code startFraction} of the address space and spans {@code lengthFraction}
 * of it (at least one page), the whole space by default.
 *
 * @param startFraction where the range starts, in [0, 1)
 * @param lengthFraction how much of the address space it spans, in (0, 1]
 */
public record Uniform(double startFraction, double lengthFraction) implements AccessPattern {

    public Uniform {
        SubRange.check(startFraction, lengthFraction);
    }

    /** Uniform over the whole address space. */
    public Uniform() {
        this(0.0, 1.0);
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        int base = SubRange.base(pages, startFraction);
        int span = SubRange.span(pages, base, lengthFraction);
        return (r, t) -> base + r.nextInt(span);
    }
}
