package io.mlproxy.workload;

import java.util.SplittableRandom;

/** One synthetic access pattern: an immutable description that builds a {@link PageSampler}. */
public sealed interface AccessPattern permits Hotset, Zipf, Scan, Uniform, Growth, Periodic {

    /**
     * A fresh sampler over an address space of {@code pages} pages. Any random set-up (e.g. the
     * scrambling key of a Zipf pattern) is drawn from {@code rnd}, so it is reproducible per seed.
     */
    PageSampler sampler(int pages, SplittableRandom rnd);
}
