package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Every page equally likely: no locality at all, the worst case for any reclaim policy. */
public record Uniform() implements AccessPattern {
    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        return (r, t) -> r.nextInt(pages);
    }
}
