package io.mlproxy.proxy;

/**
 * Decodes the primitive {@code int} returned by {@link MlModelProxy#executeOperation}, so the hot path
 * allocates nothing. Bit layout:
 * <pre>
 *  bits  0..3   final action code (the one to carry out)
 *  bit   4      final source: 1 = ML, 0 = DEFAULT
 *  bits  8..11  ML opinion (action of the covering hint), meaningful when bit 12 is 0
 *  bit  12      1 = ML abstained (no hint covers the region, or its confidence is too low)
 *  bits 16..19  the default algorithm's action, as handed in
 * </pre>
 * Both opinions travel with every decision, which is what shadow evaluation needs: the caller can
 * judge the source that decided and the one that did not.
 */
public final class Decision {
    static final int SOURCE_ML_BIT = 1 << 4;
    static final int ABSTAIN_BIT = 1 << 12;

    private Decision() {
    }

    /** Packs a decision. */
    public static int encode(int finalAction, boolean fromMl, int mlOpinion, int defaultAction) {
        int d = (finalAction & 0xF) | ((defaultAction & 0xF) << 16);
        if (fromMl) {
            d |= SOURCE_ML_BIT;
        }
        if (mlOpinion < 0) {
            d |= ABSTAIN_BIT;
        } else {
            d |= (mlOpinion & 0xF) << 8;
        }
        return d;
    }

    /** The action to carry out. */
    public static int action(int decision) {
        return decision & 0xF;
    }

    /** True when the ML model took the decision. */
    public static boolean isMl(int decision) {
        return (decision & SOURCE_ML_BIT) != 0;
    }

    /** Wire code of the deciding source ({@link DecisionSource#CODE_ML} or {@link DecisionSource#CODE_DEFAULT}). */
    public static int sourceCode(int decision) {
        return isMl(decision) ? DecisionSource.CODE_ML : DecisionSource.CODE_DEFAULT;
    }

    /** The deciding source. */
    public static DecisionSource source(int decision) {
        return isMl(decision) ? DecisionSource.ML : DecisionSource.DEFAULT;
    }

    /** True when the ML model had no usable hint for the region. */
    public static boolean mlAbstained(int decision) {
        return (decision & ABSTAIN_BIT) != 0;
    }

    /** The ML model's action for the region, or -1 when it abstained. */
    public static int mlOpinion(int decision) {
        return mlAbstained(decision) ? -1 : (decision >>> 8) & 0xF;
    }

    /** The default algorithm's action. */
    public static int defaultAction(int decision) {
        return (decision >>> 16) & 0xF;
    }
}
