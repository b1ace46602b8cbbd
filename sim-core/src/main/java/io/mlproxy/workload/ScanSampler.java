package io.mlproxy.workload;

import java.util.SplittableRandom;

/** Sampler of {@link Scan}; the cursor is its state. */
final class ScanSampler implements PageSampler {
    private final int stride;
    private final boolean looping;
    private final int pages;
    private final int offsets;
    private int offset;
    private long cursor;

    ScanSampler(int stride, boolean looping, int pages) {
        this.stride = stride;
        this.looping = looping;
        this.pages = pages;
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
        int page = (int) cursor;
        cursor += stride;
        return page;
    }
}
