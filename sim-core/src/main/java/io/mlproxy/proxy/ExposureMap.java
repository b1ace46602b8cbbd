package io.mlproxy.proxy;

/**
 * Which part of the address space the shared modes hand to ML: the space is cut into granules of
 * a power-of-two number of pages, and granule g is ML's under a share of s per mille when the
 * fractional part of (g + 1)·φ, φ the golden ratio, is below s/1000 (a Weyl sequence, integers
 * only). The part is sticky (a page's owner depends only on its address and the share), spread
 * evenly (every run of k granules holds about k·s/1000 of ML's, so hot and cold areas are sampled
 * alike), and nested (LEARNING's part lies inside COLLABORATION's, so a promotion only adds to
 * what ML already controls). So what ML decides in LEARNING is about learning_share per mille of
 * what it decides in RECOMMENDATION, however often DAMOS asks about the same region.
 */
final class ExposureMap {
    /** 2^64 / φ: the Weyl step whose fractional parts spread most evenly. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final int granuleShift;
    private final long granules;

    private ExposureMap(int granuleShift, long granules) {
        this.granuleShift = granuleShift;
        this.granules = granules;
    }

    /** A map over {@code addressSpacePages} pages in granules of {@code granulePages} (a power of two). */
    static ExposureMap of(long addressSpacePages, int granulePages) {
        if (granulePages < 1 || Integer.bitCount(granulePages) != 1) {
            throw new IllegalArgumentException("exposure granule must be a power of two pages, got " + granulePages);
        }
        int shift = Integer.numberOfTrailingZeros(granulePages);
        long granules = (addressSpacePages + granulePages - 1) >>> shift;
        if (granules > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("exposure granule of " + granulePages + " pages gives " + granules
                    + " granules; use a larger granule");
        }
        return new ExposureMap(shift, granules);
    }

    /** Pages per granule. */
    int granulePages() {
        return 1 << granuleShift;
    }

    /** Granules in the address space. */
    long granules() {
        return granules;
    }

    /** The bitmap of ML's granules under {@code sharePermille} (bit g set: granule g is ML's). */
    long[] territory(int sharePermille) {
        long[] bits = new long[(int) ((granules + 63) >>> 6)];
        // compare the top 32 bits of the fraction with share/1000 of 2^32, rounding to nearest
        long limit = (sharePermille * (1L << 32) + 500) / 1000;
        long u = 0;
        for (long g = 0; g < granules; g++) {
            u += GOLDEN;
            if ((u >>> 32) < limit) {
                bits[(int) (g >>> 6)] |= 1L << g;
            }
        }
        return bits;
    }

    /**
     * The owner of {@code startPage} and where its run of same-owner granules ends, clipped to
     * {@code endPage}: {@code runEnd << 1 | (ML's ? 1 : 0)}. Integers only, no allocation; the scan
     * reads one word per 64 granules.
     */
    long run(long[] territory, long startPage, long endPage) {
        long g = startPage >>> granuleShift;
        int w = (int) (g >>> 6);
        long own = (territory[w] >>> g) & 1L;
        long flip = own == 0 ? 0L : -1L;
        // bits that differ from the owner, above g in its word
        long diff = (territory[w] ^ flip) & (-2L << (g & 63));
        long lastGranule = (endPage - 1) >>> granuleShift;
        while (diff == 0) {
            w++;
            if (((long) w << 6) > lastGranule) {
                return endPage << 1 | own;
            }
            diff = territory[w] ^ flip;
        }
        long next = ((long) w << 6) + Long.numberOfTrailingZeros(diff);
        long runEnd = next << granuleShift;
        return Math.min(runEnd, endPage) << 1 | own;
    }
}
