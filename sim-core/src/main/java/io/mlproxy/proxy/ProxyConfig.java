package io.mlproxy.proxy;

/**
 * Static configuration handed to {@link MlModelProxy#init}.
 *
 * @param addressSpacePages         size of the monitored address space in pages; hints must lie in [0, pages)
 * @param maxGenerationLag          a recommendation may answer a dataset generation at most this many
 *                                  generations older than the current one
 * @param recommendationBufferBytes capacity of the DataChannel's recommendation buffer
 * @param feedbackCapacity          feedback records queued at most before new ones are dropped (and counted)
 * @param maxRegionHints            region hints accepted in one message
 * @param maxParamHints             parameter hints accepted in one message
 * @param exposureGranulePages      granule of the sticky part of the address space the shared modes give
 *                                  ML (a power of two; see {@link ExposureMap})
 * @param breakEvenMs               B: an action (page-out) pays when its page stays unneeded longer than this
 * @param judgementWindowMs         W &gt; B: an action is worth min(g, W) − B for an outcome after g
 * @param evidenceCapacity          decisions under judgement held at most (the oldest is dropped beyond)
 */
public record ProxyConfig(
        long addressSpacePages,
        int maxGenerationLag,
        int recommendationBufferBytes,
        int feedbackCapacity,
        int maxRegionHints,
        int maxParamHints,
        int exposureGranulePages,
        long breakEvenMs,
        long judgementWindowMs,
        int evidenceCapacity) {

    /** Validates ranges; the message names the component. */
    public ProxyConfig {
        if (addressSpacePages < 1) {
            throw new IllegalArgumentException("addressSpacePages = " + addressSpacePages + " must be >= 1");
        }
        if (maxGenerationLag < 0 || maxGenerationLag > 1024) {
            throw new IllegalArgumentException("maxGenerationLag = " + maxGenerationLag + " outside 0..1024");
        }
        if (maxRegionHints < 1 || maxRegionHints > 1 << 20) {
            throw new IllegalArgumentException("maxRegionHints = " + maxRegionHints + " outside 1..1048576");
        }
        if (maxParamHints < 0 || maxParamHints > 256) {
            throw new IllegalArgumentException("maxParamHints = " + maxParamHints + " outside 0..256");
        }
        long largest = RecommendationCodec.HEADER_SIZE + (long) maxRegionHints * RecommendationCodec.REGION_HINT_SIZE
                + (long) maxParamHints * RecommendationCodec.MAX_PARAM_HINT_SIZE;
        if (recommendationBufferBytes < RecommendationCodec.HEADER_SIZE || recommendationBufferBytes > 1 << 28) {
            throw new IllegalArgumentException("recommendationBufferBytes = " + recommendationBufferBytes
                    + " outside " + RecommendationCodec.HEADER_SIZE + ".." + (1 << 28));
        }
        if (feedbackCapacity < 1 || feedbackCapacity > 1 << 24) {
            throw new IllegalArgumentException("feedbackCapacity = " + feedbackCapacity + " outside 1..16777216");
        }
        if (exposureGranulePages < 1 || Integer.bitCount(exposureGranulePages) != 1) {
            throw new IllegalArgumentException("exposureGranulePages = " + exposureGranulePages
                    + " must be a power of two >= 1");
        }
        if ((addressSpacePages + exposureGranulePages - 1) / exposureGranulePages > MAX_GRANULES) {
            throw new IllegalArgumentException("exposureGranulePages = " + exposureGranulePages + " cuts "
                    + addressSpacePages + " pages into more than " + MAX_GRANULES + " granules");
        }
        if (breakEvenMs < 0 || judgementWindowMs <= breakEvenMs || judgementWindowMs > ModeThresholds.MAX_DURATION_MS) {
            throw new IllegalArgumentException("judgement needs 0 <= breakEvenMs < judgementWindowMs <= "
                    + ModeThresholds.MAX_DURATION_MS + ", got " + breakEvenMs + " and " + judgementWindowMs);
        }
        if (evidenceCapacity < 1 || evidenceCapacity > 1 << 24) {
            throw new IllegalArgumentException("evidenceCapacity = " + evidenceCapacity + " outside 1..16777216");
        }
        if (largest > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("maxRegionHints/maxParamHints allow messages over 2 GiB");
        }
    }

    /** Most exposure granules (the territory bitmaps stay within 2 x 128 KiB). */
    public static final long MAX_GRANULES = 1L << 20;
    /** Granules the default exposure granule aims at: fine enough that every DAMON region size class gets some. */
    public static final int DEFAULT_GRANULES = 256;

    /**
     * Defaults for an address space: lag 1, a 4 MiB buffer, 65,536 feedback records, 65,536 hints, 64
     * knobs, an exposure granule cutting the space into about {@value #DEFAULT_GRANULES} granules, B =
     * 1 s, W = 2 s and 65,536 decisions under judgement; {@link #withJudgement} sets the subsystem's B and W.
     */
    public static ProxyConfig forAddressSpace(long addressSpacePages) {
        return new ProxyConfig(addressSpacePages, 1, 4 << 20, 65_536, 65_536, 64,
                defaultGranulePages(addressSpacePages), 1_000, 2_000, 65_536);
    }

    /** This configuration with the subsystem's break-even time and judgement window. */
    public ProxyConfig withJudgement(long newBreakEvenMs, long newJudgementWindowMs) {
        return new ProxyConfig(addressSpacePages, maxGenerationLag, recommendationBufferBytes, feedbackCapacity,
                maxRegionHints, maxParamHints, exposureGranulePages, newBreakEvenMs, newJudgementWindowMs,
                evidenceCapacity);
    }

    /** The smallest power of two that cuts the space into at most {@value #DEFAULT_GRANULES} granules. */
    public static int defaultGranulePages(long addressSpacePages) {
        long per = Math.max(1, (addressSpacePages + DEFAULT_GRANULES - 1) / DEFAULT_GRANULES);
        long pow = Long.highestOneBit(per);
        if (pow < per) {
            pow <<= 1;
        }
        return (int) Math.min(pow, 1 << 30);
    }

    /** This configuration with another exposure granule. */
    public ProxyConfig withExposureGranule(int granulePages) {
        return new ProxyConfig(addressSpacePages, maxGenerationLag, recommendationBufferBytes, feedbackCapacity,
                maxRegionHints, maxParamHints, granulePages, breakEvenMs, judgementWindowMs, evidenceCapacity);
    }
}
