package io.mlproxy.workload;

import java.util.Arrays;

/**
 * How far one run has consumed each page's accesses of an {@link AccessPaths}: one {@code int} per
 * page, read and advanced only when someone asks about the page, so an untouched page costs
 * nothing and a run never generates touches one by one.
 *
 * <p>A page's state is either a cursor c ≥ 0, the first access at or after the last tick consumed
 * (cold pages: answers "nothing happened" in O(1) until c), or "consumed up to x" stored as
 * {@code ~x} (dense pages, whose next access is a few ticks away anyway; or a sparse epoch with no
 * access left at or after x, unless x is the epoch's first tick, where both readings agree). Sparse chains are only ever walked forward from a cursor or from an epoch's
 * start that was not passed before, so every access of a sparse epoch is walked at most once per
 * run.
 */
public final class AccessCursors {

    /** {@link #sync} found no access. */
    public static final int NONE = -1;

    private final AccessPaths paths;
    private final RateModel model;
    private final int ticks;
    private final int[] state;
    /** The epoch most questions are about (the current one), checked before a binary search. */
    private int recentEpoch;
    /** Whether the access the last {@link #sync} returned lies in an epoch where the page is dense. */
    private boolean lastDense;
    /** What {@link #prefetch} loaded, summed: kept so the loads are not dropped as dead code. */
    private int prefetched;

    /** Every page starts before tick 0 with nothing consumed. */
    public AccessCursors(AccessPaths paths) {
        this.paths = paths;
        this.model = paths.model();
        this.ticks = model.ticks();
        this.state = new int[model.pages()];
        Arrays.fill(state, ~0);
    }

    public AccessPaths paths() {
        return paths;
    }

    private int epochOf(int tick) {
        int e = recentEpoch;
        if (tick >= model.epochStart(e) && tick < model.epochEnd(e)) {
            return e;
        }
        e = model.epochOf(tick);
        recentEpoch = e;
        return e;
    }

    /**
     * Loads the states of {@code pages[0..count)} (valid pages) before their {@link #sync}s: one
     * int per page of the address space is tens of megabytes on a large node, and loads issued
     * back to back miss the caches together where syncs, each branching on its state, miss one
     * after another.
     */
    public void prefetch(int[] pages, int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += state[pages[i]];
        }
        prefetched = sum;
    }

    /** The raw state of {@code page} (a cursor ≥ 0 or ~consumed); for the calendar's checks and tests. */
    public int state(int page) {
        return state[page];
    }

    /**
     * Consumes the accesses of {@code page} before tick {@code t}; returns the last of them, or
     * {@link #NONE} when there was none since the previous call.
     */
    public int sync(int page, int t) {
        int s = state[page];
        int from;
        boolean fromIsAccess = s >= 0;
        if (fromIsAccess) {
            if (s >= t) {
                return NONE;
            }
            from = s;
        } else {
            from = ~s;
            if (from >= t) {
                return NONE;
            }
        }
        int eFrom = epochOf(from);
        int eLast = epochOf(Math.min(t, ticks) - 1);
        int last = NONE;
        long after = -1; // chain point at or after t in eLast, when eLast is sparse
        boolean lastSparseWalked = false;
        double lambdaLast = -1;
        for (int e = eLast; e >= eFrom && last == NONE; e--) {
            int start = model.epochStart(e);
            int end = model.epochEnd(e);
            int lo = Math.max(from, start);
            int hi = Math.min(t, end);
            double lambda = paths.lambda(page, e);
            if (e == eLast) {
                lambdaLast = lambda;
            }
            if (lambda <= 0) {
                if (e == eLast) {
                    lastSparseWalked = true;
                }
                continue;
            }
            if (lambda >= AccessPaths.DENSE) {
                double q = paths.accessProbability(page, e, lambda);
                for (int j = hi - 1; j >= lo; j--) {
                    if (paths.denseAccess(page, e, j, q)) {
                        last = j;
                        lastDense = true;
                        break;
                    }
                }
                continue;
            }
            if (e == eLast) {
                lastSparseWalked = true;
            }
            if (e == eFrom && !fromIsAccess && from > start) {
                continue; // consumed up to 'from' inside a sparse epoch: nothing is left in it
            }
            long x = e == eFrom && fromIsAccess ? from : paths.sparseNext(page, e, start - 1L, lambda);
            long prev = NONE;
            while (x < hi) {
                prev = x;
                x = paths.sparseNext(page, e, x, lambda);
            }
            if (e == eLast && x < end) {
                after = x;
            }
            if (prev != NONE) {
                last = (int) prev;
                lastDense = false;
            }
        }
        state[page] = stateAt(page, t, eLast, lambdaLast, lastSparseWalked, after);
        return last;
    }

    /**
     * Whether the access the last {@link #sync} returned was in an epoch where the page is dense:
     * such a page is accessed every few ticks, so its last access is cheap to find again
     * ({@link #lastAccessBefore}) and need not be stored.
     */
    public boolean lastWasDense() {
        return lastDense;
    }

    /**
     * The last tick before {@code t} in which {@code page} is accessed, or {@link #NONE}: straight
     * from the pure functions, backwards (a few ticks for a dense page; a sparse epoch's chain is
     * walked from its start). For the last touch direct reclaim compares; not for every sync.
     */
    public int lastAccessBefore(int page, int t) {
        int end = Math.min(t, ticks);
        if (end <= 0) {
            return NONE;
        }
        for (int e = epochOf(end - 1); e >= 0; e--) {
            int start = model.epochStart(e);
            int hi = Math.min(end, model.epochEnd(e));
            double lambda = paths.lambda(page, e);
            if (lambda <= 0) {
                continue;
            }
            if (lambda >= AccessPaths.DENSE) {
                double q = paths.accessProbability(page, e, lambda);
                for (int j = hi - 1; j >= start; j--) {
                    if (paths.denseAccess(page, e, j, q)) {
                        return j;
                    }
                }
            } else {
                long prev = NONE;
                for (long x = paths.sparseNext(page, e, start - 1L, lambda); x < hi; x = paths.sparseNext(page, e, x, lambda)) {
                    prev = x;
                }
                if (prev != NONE) {
                    return (int) prev;
                }
            }
        }
        return NONE;
    }

    /**
     * The state "consumed up to t", given what a walk of epoch {@code eWalked} (λ {@code lambdaWalked},
     * or -1 when not computed) found at or after t.
     */
    private int stateAt(int page, int t, int eWalked, double lambdaWalked, boolean walked, long after) {
        if (t >= ticks) {
            return ~ticks;
        }
        int et = epochOf(t);
        double lambda = et == eWalked && lambdaWalked >= 0 ? lambdaWalked : paths.lambda(page, et);
        if (lambda >= AccessPaths.DENSE) {
            return ~t;
        }
        if (et == eWalked && walked) {
            return after >= 0 ? (int) after : ~t;
        }
        // a fresh sparse epoch starts at t (or its walk was skipped: nothing left in it)
        if (et == eWalked) {
            return ~t;
        }
        long first = paths.sparseNext(page, et, model.epochStart(et) - 1L, lambda);
        while (first < t) {
            first = paths.sparseNext(page, et, first, lambda);
        }
        return first < model.epochEnd(et) ? (int) first : ~t;
    }

    /**
     * The first tick at or after the consumed ones in which {@code page} is accessed, or
     * {@link AccessPaths#NEVER}; call {@link #sync} up to now first. Remembered as the page's cursor.
     */
    public int next(int page) {
        return next(page, ticks);
    }

    /**
     * {@link #next}, looking only before tick {@code limit}: {@link AccessPaths#NEVER} when the
     * next access is not before it (then nothing is remembered).
     */
    public int next(int page, int limit) {
        int s = state[page];
        if (s >= 0) {
            return s < limit ? s : AccessPaths.NEVER;
        }
        int x = ~s;
        if (x >= Math.min(ticks, limit)) {
            return AccessPaths.NEVER;
        }
        int ex = epochOf(x);
        for (int e = ex; e < model.epochs() && model.epochStart(e) < limit; e++) {
            int lo = Math.max(x, model.epochStart(e));
            int hi = Math.min(limit, model.epochEnd(e));
            double lambda = paths.lambda(page, e);
            if (lambda <= 0) {
                continue;
            }
            if (lambda >= AccessPaths.DENSE) {
                double q = paths.accessProbability(page, e, lambda);
                for (int j = lo; j < hi; j++) {
                    if (paths.denseAccess(page, e, j, q)) {
                        state[page] = j;
                        return j;
                    }
                }
            } else if (e != ex || x == model.epochStart(e)) {
                long c = paths.sparseNext(page, e, model.epochStart(e) - 1L, lambda);
                if (c < hi) {
                    state[page] = (int) c;
                    return (int) c;
                }
            }
            // a sparse epoch holding x: consumed up to x means nothing is left in it
        }
        if (limit >= ticks) {
            state[page] = ~ticks;
        }
        return AccessPaths.NEVER;
    }

    /** The access of {@code page} at its cursor {@code tick} has been delivered: consume it. */
    public void consume(int page, int tick) {
        if (state[page] != tick) {
            throw new IllegalStateException("page " + page + " is not due at tick " + tick + " (state " + state[page] + ")");
        }
        int x = tick + 1;
        if (x >= ticks) {
            state[page] = ~ticks;
            return;
        }
        int e = epochOf(tick);
        int ex = epochOf(x);
        double lambda = paths.lambda(page, ex);
        if (lambda >= AccessPaths.DENSE) {
            state[page] = ~x;
        } else if (ex == e) {
            long c = paths.sparseNext(page, e, tick, lambda);
            state[page] = c < model.epochEnd(e) ? (int) c : ~x;
        } else {
            long c = paths.sparseNext(page, ex, model.epochStart(ex) - 1L, lambda);
            state[page] = c < model.epochEnd(ex) ? (int) c : ~x;
        }
    }
}
