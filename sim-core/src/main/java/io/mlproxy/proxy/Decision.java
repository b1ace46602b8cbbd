package io.mlproxy.proxy;

/**
 * Decodes the primitive {@code long} returned by {@link MlModelProxy#executeOperation}, so the hot
 * path allocates nothing. Bit layout:
 * <pre>
 *  bits  0..3   final action code (the one to carry out)
 *  bit   4      final source: 1 = ML, 0 = DEFAULT
 *  bits  8..11  ML opinion (action of the covering hint), meaningful when bit 12 is 0
 *  bit  12      1 = ML abstained (no hint covers the region, or its confidence is too low)
 *  bits 16..19  the default algorithm's action, as handed in
 *  bits 32..62  pages decided, from the candidate's first page: the whole candidate, or the prefix
 *               up to the edge of ML's part of the address space in LEARNING and COLLABORATION
 * </pre>
 * Both opinions travel with every decision, which is what shadow evaluation needs: the caller can
 * judge the source that decided and the one that did not.
 */
public final class Decision {
    static final int SOURCE_ML_BIT = 1 << 4;
    static final int ABSTAIN_BIT = 1 << 12;
    /** Most pages one decision covers (31 bits). */
    static final long MAX_PAGES = Integer.MAX_VALUE;

    private Decision() {
    }

    /** Packs a decision covering {@code pages} pages. */
    public static long encode(int finalAction, boolean fromMl, int mlOpinion, int defaultAction, long pages) {
        if (pages < 1 || pages > MAX_PAGES) {
            throw new IllegalArgumentException("pages " + pages + " outside 1.." + MAX_PAGES);
        }
        long d = (finalAction & 0xF) | ((defaultAction & 0xF) << 16);
        if (fromMl) {
            d |= SOURCE_ML_BIT;
        }
        if (mlOpinion < 0) {
            d |= ABSTAIN_BIT;
        } else {
            d |= (mlOpinion & 0xF) << 8;
        }
        return d | pages << 32;
    }

    /** The action to carry out. */
    public static int action(long decision) {
        return (int) decision & 0xF;
    }

    /** True when the ML model took the decision. */
    public static boolean isMl(long decision) {
        return (decision & SOURCE_ML_BIT) != 0;
    }

    /** Wire code of the deciding source ({@link DecisionSource#CODE_ML} or {@link DecisionSource#CODE_DEFAULT}). */
    public static int sourceCode(long decision) {
        return isMl(decision) ? DecisionSource.CODE_ML : DecisionSource.CODE_DEFAULT;
    }

    /** The deciding source. */
    public static DecisionSource source(long decision) {
        return isMl(decision) ? DecisionSource.ML : DecisionSource.DEFAULT;
    }

    /** True when the ML model had no usable hint for the region. */
    public static boolean mlAbstained(long decision) {
        return (decision & ABSTAIN_BIT) != 0;
    }

    /** The ML model's action for the region, or -1 when it abstained. */
    public static int mlOpinion(long decision) {
        return mlAbstained(decision) ? -1 : (int) (decision >>> 8) & 0xF;
    }

    /** The default algorithm's action. */
    public static int defaultAction(long decision) {
        return (int) (decision >>> 16) & 0xF;
    }

    /** Pages the decision covers, counted from the candidate's first page. */
    public static long pages(long decision) {
        return decision >>> 32;
    }
}
