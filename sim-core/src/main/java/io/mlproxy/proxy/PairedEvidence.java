package io.mlproxy.proxy;

/**
 * What the controller knows about ML against the default over its window: for every judged page
 * on which ML had an opinion, the paired difference d = (value of ML's opinion) − (value of the
 * default's), a page-out worth Σ (min(g, W) − B) and keeping worth 0, so d is +v where only ML
 * would page out, −v where only the default would, 0 where they agree. Pages of one decision share
 * a fate, so decisions are the sampling units: the mean per page R = Σd / pages has the standard
 * error of a ratio estimator over clusters, sqrt(n/(n−1) · Σ m_j (x_j − R)² / P · Σ m_j² / P²),
 * x_j the per-page mean of decision j and m_j its pages (the variance of per-decision means
 * weighted by pages, scaled by Kish's design effect). Integers only: milliseconds, page counts.
 *
 * @param decisions   judged decisions (clusters) in the window
 * @param pages       judged pages in the window
 * @param meanMs      R, the mean paired difference per page (positive: ML better)
 * @param standardErrorMs its standard error
 * @param lowerMs     R − z·SE, the one-sided lower confidence bound
 * @param upperMs     R + z·SE, the one-sided upper confidence bound
 * @param meanAbsMs   mean |d| per page: the stake, which the promote and demote margins scale
 */
public record PairedEvidence(long decisions, long pages, long meanMs, long standardErrorMs, long lowerMs,
                             long upperMs, long meanAbsMs) implements java.io.Serializable {

    /** Decisions needed before a variance means anything. */
    public static final int MIN_DECISIONS = 8;

    /** No evidence. */
    public static final PairedEvidence NONE = new PairedEvidence(0, 0, 0, 0, 0, 0, 0);

    /** Whether there is enough evidence to act on: at least {@code minSamples} pages and {@link #MIN_DECISIONS} decisions. */
    public boolean sufficient(int minSamples) {
        return pages >= minSamples && decisions >= MIN_DECISIONS;
    }

    /** |R|-scaled margin: {@code permille} of the mean stake, at least 0. */
    public long margin(int permille) {
        return ModeController.margin(meanAbsMs, permille);
    }

    /**
     * The evidence from window sums.
     *
     * @param decisions      Σ 1 over judged decisions
     * @param pages          Σ m_j
     * @param diffSum        Σ D_j, D_j the summed paired difference of decision j (page-ms)
     * @param diffSquareOverPages Σ D_j² / m_j
     * @param pagesSquared   Σ m_j²
     * @param absSum         Σ |d| over pages
     * @param zMilli         z × 1000 of the one-sided bounds
     */
    static PairedEvidence of(long decisions, long pages, long diffSum, long diffSquareOverPages, long pagesSquared,
                             long absSum, int zMilli) {
        if (pages <= 0 || decisions <= 0) {
            return NONE;
        }
        long mean = Math.floorDiv(diffSum, pages);
        long meanAbs = absSum / pages;
        long variance = Math.max(0, diffSquareOverPages / pages - squareOfMean(diffSum, pages));
        long se = 0;
        if (decisions > 1) {
            // Var(R) = weighted variance · Σm² / P² (Kish), with the n/(n−1) small-sample correction
            long design = mulDiv(mulDiv(variance, pagesSquared, pages), 1, pages);
            se = Arith.isqrt(mulDiv(design, decisions, decisions - 1));
        }
        long halfWidth = (mulDiv(se, zMilli, 1) + 999) / 1000;
        return new PairedEvidence(decisions, pages, mean, se, Arith.saturatingSub(mean, halfWidth),
                Arith.saturatingAdd(mean, halfWidth), meanAbs);
    }

    /**
     * (Σd / P)² in ms², the mean carried with 16 fractional bits: the variance is a difference of
     * two large terms, and a mean rounded to the millisecond would swamp a small spread.
     */
    private static long squareOfMean(long diffSum, long pages) {
        long scaled = Arith.saturatingMul(diffSum, 1L << 16);
        if (scaled != Long.MAX_VALUE && scaled != Long.MIN_VALUE) {
            long mean16 = Math.abs(Math.floorDiv(scaled, pages));
            long hi = Math.multiplyHigh(mean16, mean16);
            long lo = mean16 * mean16;
            if (hi < 1L << 31) {
                return hi << 32 | lo >>> 32;
            }
        }
        long mean = diffSum / pages;
        return Arith.saturatingMul(mean, mean);
    }

    private static long mulDiv(long a, long b, long c) {
        return Arith.mulDiv(a, b, c);
    }
}
