package io.mlproxy.workload;

/**
 * One replication's realised accesses of a {@link RateModel}, as pure functions of (seed, page,
 * epoch, tick): page p is accessed in tick j of epoch e with probability 1 − exp(−λ), λ its
 * expected touches in that tick, independently of every other page and tick (the Poisson
 * process of its touches, seen one tick at a time, as the memory sees touches). Every variant of a
 * replication asks the same functions, so all see the same accesses (common random numbers), in
 * whatever order they ask.
 *
 * <p>Two equivalent representations keep the questions cheap: where λ is at least {@link #DENSE}
 * ("dense"), each tick is a hashed Bernoulli draw, so any tick can be checked at once and the next
 * access is a few ticks away; where it is smaller ("sparse"), the accessed ticks of the epoch are a
 * chain of geometric gaps from the epoch's start (gap after tick i drawn from a hash of i), so an
 * idle stretch of any length costs one draw. Both give each tick the same probability. Not
 * thread-safe (it remembers the last segment looked up): one per run.
 */
public final class AccessPaths {

    /** λ per tick from which a page's ticks are drawn one by one rather than as a chain of gaps. */
    public static final double DENSE = 1.0 / 64;
    /** A tick that is never reached: no further access in the run. */
    public static final int NEVER = Integer.MAX_VALUE;

    private final RateModel model;
    private final long seed;
    private final PageShare[][] shares;
    /** Per epoch, the segment of the last page asked about (a guess for the next question). */
    private final int[] recentSegment;

    /** The accesses of the replication with workload seed {@code seed}. */
    public AccessPaths(RateModel model, long seed) {
        this.model = model;
        this.seed = seed;
        int n = model.epochs();
        shares = new PageShare[n][];
        recentSegment = new int[n];
        for (int e = 0; e < n; e++) {
            PageShare[] unbound = model.shares(e);
            int[] slots = model.slots(e);
            shares[e] = new PageShare[unbound.length];
            for (int k = 0; k < unbound.length; k++) {
                shares[e][k] = unbound[k].bind(mix(seed ^ (0x5DEECE66DL * (slots[k] + 1))));
            }
        }
    }

    public RateModel model() {
        return model;
    }

    /** Expected touches of {@code page} in one tick of epoch {@code e}. */
    public double lambda(int page, int e) {
        // pages are often asked in address order (a pageout's walk, the first accesses): try the last segment
        int segment = model.segmentOf(e, page, recentSegment[e]);
        recentSegment[e] = segment;
        double sum = model.segmentLambda(e, segment);
        int[] zipf = model.zipfShares(e);
        if (zipf.length > 0) {
            double[] perTick = model.perTick(e);
            for (int k : zipf) {
                sum += perTick[k] * shares[e][k].of(page);
            }
        }
        return sum;
    }

    /** 1 − e^−λ for {@code page} in epoch {@code e} whose λ is {@code lambda}: precomputed where no Zipf is mixed in. */
    double accessProbability(int page, int e, double lambda) {
        if (model.zipfShares(e).length == 0) {
            int segment = model.segmentOf(e, page, recentSegment[e]);
            recentSegment[e] = segment;
            return model.segmentQ(e, segment);
        }
        return -Math.expm1(-lambda);
    }

    /** Whether {@code page} is accessed in {@code tick} of epoch {@code e}, whose λ is dense (q = 1 − e^−λ). */
    boolean denseAccess(int page, int e, int tick, double q) {
        return uniform(page, e, tick) < q;
    }

    /**
     * The next accessed tick after {@code after} in the chain of a sparse epoch {@code e} (a chain
     * point, or the tick before the epoch's start for its first point); may lie past the epoch's end,
     * in which case there is none.
     */
    long sparseNext(int page, int e, long after, double lambda) {
        if (lambda <= 0) {
            return Long.MAX_VALUE;
        }
        double gap = -Math.log(uniform(page, e, after)) / lambda;
        return gap >= 1e18 ? Long.MAX_VALUE : after + 1 + (long) gap;
    }

    /** A uniform draw in (0, 1] keyed by (seed, page, epoch, tick). */
    private double uniform(int page, int e, long tick) {
        long z = seed + page * 0x9E3779B97F4A7C15L + ((long) e << 40 ^ tick) * 0xC2B2AE3D27D4EB4FL;
        return ((mix(z) >>> 11) + 1) * 0x1.0p-53;
    }

    /** Stafford's variant 13 of the MurmurHash3 finaliser, as SplitMix64 uses it. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * The first tick at or after {@code from} in which {@code page} is accessed, or {@link #NEVER}:
     * straight from the functions, walking sparse chains from their epoch's start. For tests and
     * one-off questions; {@link AccessCursors} answers the same without re-walking.
     */
    public int firstAccess(int page, int from) {
        for (int e = from >= model.ticks() ? model.epochs() : model.epochOf(from); e < model.epochs(); e++) {
            int lo = Math.max(from, model.epochStart(e));
            int hi = model.epochEnd(e);
            double lambda = lambda(page, e);
            if (lambda <= 0) {
                continue;
            }
            if (lambda >= DENSE) {
                double q = accessProbability(page, e, lambda);
                for (int j = lo; j < hi; j++) {
                    if (denseAccess(page, e, j, q)) {
                        return j;
                    }
                }
            } else {
                long x = sparseNext(page, e, model.epochStart(e) - 1L, lambda);
                while (x < lo) {
                    x = sparseNext(page, e, x, lambda);
                }
                if (x < hi) {
                    return (int) x;
                }
            }
        }
        return NEVER;
    }

    /** Whether {@code page} is accessed in {@code tick} (straight from the functions; for tests). */
    public boolean accessed(int page, int tick) {
        return firstAccess(page, tick) == tick;
    }
}
