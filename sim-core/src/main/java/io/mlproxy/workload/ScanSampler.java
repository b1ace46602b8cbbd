package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Sampler of {@link Scan}; the cursor is its state. */
final class ScanSampler implements PageSampler {
    private final int stride;
    private final boolean looping;
    private final int pages;
    private final int base;
    private final int offsets;
    private int offset;
    private long cursor;

    /** Sweeps pages {@code base .. base + pages - 1}. */
    ScanSampler(int stride, boolean looping, int pages, int base) {
        this.stride = stride;
        this.looping = looping;
        this.pages = pages;
        this.base = base;
        this.offsets = Math.min(stride, pages);
    }

    @Override
    public int next(SplittableRandom rnd, long phaseTimeUs) {
        if (cursor >= pages) {
            offset++;
            if (offset >= offsets) {
                if (!looping) {
                    return EXHAUSTED;
                }
                offset = 0;
            }
            cursor = offset;
        }
        int page = base + (int) cursor;
        cursor += stride;
        return page;
    }
}
