package io.mlproxy.bench;

import io.mlproxy.workload.AccessStream;
import java.util.Arrays;

/**
 * A pre-read touch stream: pages in order, cut into batches of at most {@value #MAX_BATCH} touches
 * that fall into one sampling interval of {@code intervalUs}, each replayed at its interval's end
 * time, as the engine's workload tick does. Reading it once at setup keeps the generator or trace
 * parser out of a replay measurement.
 *
 * @param pages      page of every touch
 * @param batchEnds  exclusive end index of each batch in {@code pages}
 * @param batchTimes replay time of each batch in microseconds (non-decreasing)
 * @param pageCount  address-space size of the source
 */
record Touches(int[] pages, int[] batchEnds, long[] batchTimes, int pageCount) {
    static final int MAX_BATCH = 8_192;

    /** Number of touches. */
    int size() {
        return pages.length;
    }

    /** Number of batches. */
    int batches() {
        return batchEnds.length;
    }

    /** Reads all of {@code stream} (at most {@code limit} touches) and closes it. */
    static Touches read(AccessStream stream, long intervalUs, int limit) {
        try (stream) {
            int[] pages = new int[1 << 16];
            int[] ends = new int[1 << 10];
            long[] times = new long[1 << 10];
            int n = 0;
            int batches = 0;
            int[] chunkPages = new int[MAX_BATCH];
            long[] chunkTimes = new long[MAX_BATCH];
            long currentInterval = -1;
            int batchStart = 0;
            int got;
            while (n < limit && (got = stream.read(chunkPages, chunkTimes, Math.min(MAX_BATCH, limit - n))) > 0) {
                for (int i = 0; i < got; i++) {
                    long interval = chunkTimes[i] / intervalUs;
                    if (n > batchStart && (interval != currentInterval || n - batchStart == MAX_BATCH)) {
                        if (batches == ends.length) {
                            ends = Arrays.copyOf(ends, batches * 2);
                            times = Arrays.copyOf(times, batches * 2);
                        }
                        ends[batches] = n;
                        times[batches] = (currentInterval + 1) * intervalUs;
                        batches++;
                        batchStart = n;
                    }
                    currentInterval = interval;
                    if (n == pages.length) {
                        pages = Arrays.copyOf(pages, n * 2);
                    }
                    pages[n++] = chunkPages[i];
                }
            }
            if (n > batchStart) {
                if (batches == ends.length) {
                    ends = Arrays.copyOf(ends, batches + 1);
                    times = Arrays.copyOf(times, batches + 1);
                }
                ends[batches] = n;
                times[batches] = (currentInterval + 1) * intervalUs;
                batches++;
            }
            return new Touches(Arrays.copyOf(pages, n), Arrays.copyOf(ends, batches), Arrays.copyOf(times, batches),
                    stream.pages());
        }
    }
}
