package io.mlproxy.workload;

import java.util.SplittableRandom;

/**
 * A working set that grows (or shrinks) linearly: touches are uniform over the first
 * {@code round(f(t) * N)} pages, f going from {@code initialFraction} at the phase start to
 * {@code finalFraction} after {@code overUs} and staying there.
 *
 * @param initialFraction working-set share at the phase start, (0, 1]
 * @param finalFraction working-set share after {@code overUs}, (0, 1]
 * @param overUs duration of the growth, microseconds, &gt; 0
 */
public record Growth(double initialFraction, double finalFraction, long overUs) implements AccessPattern {

    public Growth {
        Checks.fraction("initialFraction", initialFraction, false);
        Checks.fraction("finalFraction", finalFraction, false);
        Checks.positive("overUs", overUs);
    }

    @Override
    public PageSampler sampler(int pages, SplittableRandom rnd) {
        return new GrowthSampler(this, pages);
    }
}
