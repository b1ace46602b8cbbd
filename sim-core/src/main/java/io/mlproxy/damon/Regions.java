package io.mlproxy.damon;

import java.util.SplittableRandom;

/**
 * The regions of the single monitoring target as parallel {@code int[]} arrays, with the
 * adaptive-regions rules of mm/damon/core.c: age update, merge of similar neighbours, random
 * split. Mutators are package-private; the public surface is {@link RegionsView}.
 */
final class Regions implements RegionsView {

    private int count;
    private int[] start;
    private int[] end;
    private int[] nrAccesses;
    private int[] lastNrAccesses;
    private int[] age;
    private int[] samplePage;
    private int[] residentPermille;
    private int[] recentRefaults;

    /** Scratch arrays the split writes into before swapping (no allocation per aggregation). */
    private int[] sStart;
    private int[] sEnd;
    private int[] sNr;
    private int[] sLast;
    private int[] sAge;

    Regions(int capacity) {
        allocate(Math.max(capacity, 4));
    }

    private void allocate(int capacity) {
        start = grow(start, capacity);
        end = grow(end, capacity);
        nrAccesses = grow(nrAccesses, capacity);
        lastNrAccesses = grow(lastNrAccesses, capacity);
        age = grow(age, capacity);
        samplePage = grow(samplePage, capacity);
        residentPermille = grow(residentPermille, capacity);
        recentRefaults = grow(recentRefaults, capacity);
        sStart = new int[capacity];
        sEnd = new int[capacity];
        sNr = new int[capacity];
        sLast = new int[capacity];
        sAge = new int[capacity];
    }

    private static int[] grow(int[] old, int capacity) {
        int[] a = new int[capacity];
        if (old != null) {
            System.arraycopy(old, 0, a, 0, Math.min(old.length, capacity));
        }
        return a;
    }

    private void ensureCapacity(int needed) {
        if (needed > start.length) {
            allocate(Math.max(needed, start.length * 2));
        }
    }

    /** Covers {@code [0, pages)} with {@code n} regions of sizes differing by at most one page. */
    void initEvenly(int pages, int n) {
        ensureCapacity(n);
        count = n;
        for (int i = 0; i < n; i++) {
            start[i] = (int) ((long) i * pages / n);
            end[i] = (int) ((long) (i + 1) * pages / n);
            nrAccesses[i] = 0;
            lastNrAccesses[i] = 0;
            age[i] = 0;
        }
    }

    /** Replaces the regions with the given boundaries and values (for tests and restores). */
    void set(int[] starts, int[] ends, int[] nr, int[] lastNr, int[] ages) {
        ensureCapacity(starts.length);
        count = starts.length;
        for (int i = 0; i < count; i++) {
            start[i] = starts[i];
            end[i] = ends[i];
            nrAccesses[i] = nr[i];
            lastNrAccesses[i] = lastNr[i];
            age[i] = ages[i];
        }
    }

    // ---------------------------------------------------------------- RegionsView

    @Override
    public int count() {
        return count;
    }

    @Override
    public int start(int i) {
        check(i);
        return start[i];
    }

    @Override
    public int end(int i) {
        check(i);
        return end[i];
    }

    @Override
    public int nrAccesses(int i) {
        check(i);
        return nrAccesses[i];
    }

    @Override
    public int lastNrAccesses(int i) {
        check(i);
        return lastNrAccesses[i];
    }

    @Override
    public int age(int i) {
        check(i);
        return age[i];
    }

    @Override
    public int residentPermille(int i) {
        check(i);
        return residentPermille[i];
    }

    @Override
    public int recentRefaults(int i) {
        check(i);
        return recentRefaults[i];
    }

    private void check(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException("region " + i + " of " + count);
        }
    }

    // ---------------------------------------------------------------- sampling

    int samplePage(int i) {
        return samplePage[i];
    }

    /** damon_pa_prepare_access_checks: a random page of each region, its accessed bit cleared. */
    void prepareAccessChecks(AccessBitSource source, SplittableRandom random) {
        // the draws do not depend on the tests: every page first, so that the source can fetch
        // them all at once
        for (int i = 0; i < count; i++) {
            samplePage[i] = start[i] + random.nextInt(end[i] - start[i]);
        }
        source.prefetch(samplePage, count);
        for (int i = 0; i < count; i++) {
            source.testAndClearAccessed(samplePage[i]);
        }
    }

    /** damon_pa_check_accesses: nr_accesses++ for each region whose sampled page was accessed. */
    void checkAccesses(AccessBitSource source, int maxNrAccesses) {
        // no prefetch: prepareAccessChecks fetched these pages one sampling interval ago and they
        // are still cached (fetching them again made a 2^24-page harness's syncs 10 % slower)
        for (int i = 0; i < count; i++) {
            // cap at max: a caller sampling more often than aggregation/sampling must not overflow the scale
            boolean accessed = source.testAndClearAccessed(samplePage[i]);
            int nr = nrAccesses[i];
            // no branch: whether a sampled page was accessed is a coin toss the predictor keeps losing
            nrAccesses[i] = nr + (accessed & nr < maxNrAccesses ? 1 : 0);
        }
    }

    void refreshMemoryStats(AccessBitSource source) {
        for (int i = 0; i < count; i++) {
            int size = end[i] - start[i];
            residentPermille[i] = (int) (source.residentPages(start[i], end[i]) * 1000L / size);
            recentRefaults[i] = source.recentRefaults(start[i], end[i]);
        }
    }

    /** Highest nr_accesses of any region now (what damon_pa_check_accesses returns). */
    int maxNrAccesses() {
        int max = 0;
        for (int i = 0; i < count; i++) {
            max = Math.max(max, nrAccesses[i]);
        }
        return max;
    }

    // ---------------------------------------------------------------- aggregation rules

    /**
     * Age rule of damon_merge_regions_of: reset when nr_accesses moved by more than
     * {@code threshold} from last_nr_accesses or crossed zero, else +1.
     */
    void updateAges(int threshold) {
        for (int i = 0; i < count; i++) {
            int nr = nrAccesses[i];
            int last = lastNrAccesses[i];
            if (Math.abs(nr - last) > threshold || (nr == 0) != (last == 0)) {
                age[i] = 0;
            } else {
                age[i]++;
            }
        }
    }

    /**
     * One merge pass: each region merges into its left neighbour when their nr_accesses differ
     * by at most {@code threshold} and the result is at most {@code sizeLimit} pages; the merged
     * nr_accesses and age are size-weighted averages (damon_merge_two_regions).
     */
    void mergePass(int threshold, long sizeLimit) {
        if (count == 0) {
            return;
        }
        int prev = 0;
        for (int i = 1; i < count; i++) {
            long szPrev = end[prev] - start[prev];
            long szR = end[i] - start[i];
            if (Math.abs(nrAccesses[prev] - nrAccesses[i]) <= threshold && szPrev + szR <= sizeLimit) {
                long total = szPrev + szR;
                nrAccesses[prev] = (int) ((nrAccesses[prev] * szPrev + nrAccesses[i] * szR) / total);
                age[prev] = (int) ((age[prev] * szPrev + age[i] * szR) / total);
                end[prev] = end[i];
            } else {
                prev++;
                copy(i, prev);
            }
        }
        count = prev + 1;
    }

    private void copy(int from, int to) {
        if (from == to) {
            return;
        }
        start[to] = start[from];
        end[to] = end[from];
        nrAccesses[to] = nrAccesses[from];
        lastNrAccesses[to] = lastNrAccesses[from];
        age[to] = age[from];
        samplePage[to] = samplePage[from];
        residentPermille[to] = residentPermille[from];
        recentRefaults[to] = recentRefaults[from];
    }

    /** kdamond_reset_aggregated: last_nr_accesses = nr_accesses, nr_accesses = 0. */
    void resetAggregated() {
        for (int i = 0; i < count; i++) {
            lastNrAccesses[i] = nrAccesses[i];
            nrAccesses[i] = 0;
        }
    }

    /**
     * damon_split_regions_of: every region larger than 2 pages is cut into up to {@code nrSubs}
     * pieces; each cut puts {@code rand(1..9)}/10 of the current left piece on the left and
     * keeps cutting that left piece. Sub-regions inherit nr_accesses, last_nr_accesses and age.
     */
    void splitAll(int nrSubs, SplittableRandom random) {
        ensureCapacity(count * nrSubs);
        int out = 0;
        for (int i = 0; i < count; i++) {
            int s = start[i];
            int e = end[i];
            // cut points, right to left: the rightmost piece is emitted last
            int pieceEnd = e;
            int nCuts = 0;
            int leftSize = e - s;
            int cut1 = -1;
            int cut2 = -1;
            for (int k = 0; k < nrSubs - 1 && leftSize > 2; k++) {
                int sub = random.nextInt(1, 10) * leftSize / 10;
                if (sub == 0 || sub >= leftSize) {
                    continue;
                }
                if (nCuts == 0) {
                    cut1 = s + sub;
                } else {
                    cut2 = s + sub;
                }
                nCuts++;
                leftSize = sub;
            }
            // pieces in address order: [s, cut2) [cut2, cut1) [cut1, e) for as many cuts as were made
            int from = s;
            if (nCuts == 2) {
                out = emit(out, i, from, cut2);
                from = cut2;
            }
            if (nCuts >= 1) {
                out = emit(out, i, from, cut1);
                from = cut1;
            }
            out = emit(out, i, from, pieceEnd);
        }
        swapScratch(out);
    }

    private int emit(int out, int source, int s, int e) {
        sStart[out] = s;
        sEnd[out] = e;
        sNr[out] = nrAccesses[source];
        sLast[out] = lastNrAccesses[source];
        sAge[out] = age[source];
        return out + 1;
    }

    private void swapScratch(int newCount) {
        int[] t;
        t = start; start = sStart; sStart = t;
        t = end; end = sEnd; sEnd = t;
        t = nrAccesses; nrAccesses = sNr; sNr = t;
        t = lastNrAccesses; lastNrAccesses = sLast; sLast = t;
        t = age; age = sAge; sAge = t;
        count = newCount;
        // sample pages and memory stats are refreshed by the monitor after a split
    }

    /**
     * Rebuilds the regions from the pieces a scheme application cut them into: region r becomes
     * pieceCount[r] regions (the pieces at firstPiece[r].., contiguous, in address order) with the
     * given ages and r's access counts; regions without pieces stay as they are.
     */
    void replaceWithPieces(int[] firstPiece, int[] pieceCount, int[] pieceStart, int[] pieceEnd, int[] pieceAge) {
        int total = 0;
        for (int r = 0; r < count; r++) {
            total += Math.max(1, pieceCount[r]);
        }
        ensureCapacity(total);
        int out = 0;
        for (int r = 0; r < count; r++) {
            if (pieceCount[r] == 0) {
                out = emit(out, r, start[r], end[r]);
                continue;
            }
            for (int k = firstPiece[r]; k < firstPiece[r] + pieceCount[r]; k++) {
                if (pieceStart[k] != (k == firstPiece[r] ? start[r] : pieceEnd[k - 1])) {
                    throw new IllegalStateException("pieces of region " + r + " do not tile it");
                }
                out = emit(out, r, pieceStart[k], pieceEnd[k]);
                sAge[out - 1] = pieceAge[k];
            }
            if (pieceEnd[firstPiece[r] + pieceCount[r] - 1] != end[r]) {
                throw new IllegalStateException("pieces of region " + r + " do not reach its end");
            }
        }
        swapScratch(out);
    }

    /**
     * damon_split_region_at: region {@code i} keeps its first {@code leftPages} pages, a new
     * region after it takes the rest with the given age and region i's access counts.
     */
    void splitAt(int i, int leftPages, int rightAge) {
        check(i);
        if (leftPages <= 0 || leftPages >= end[i] - start[i]) {
            throw new IllegalArgumentException("cannot split region " + i + " of " + (end[i] - start[i]) + " pages at " + leftPages);
        }
        ensureCapacity(count + 1);
        for (int j = count; j > i + 1; j--) {
            copy(j - 1, j);
        }
        count++;
        copy(i, i + 1);
        start[i + 1] = start[i] + leftPages;
        end[i] = start[i + 1];
        age[i + 1] = rightAge;
        if (samplePage[i] >= end[i]) {
            samplePage[i] = start[i];
        }
        if (samplePage[i + 1] < start[i + 1]) {
            samplePage[i + 1] = start[i + 1];
        }
    }

    void setAge(int i, int value) {
        age[i] = value;
    }

    int startUnchecked(int i) {
        return start[i];
    }

    int endUnchecked(int i) {
        return end[i];
    }

    int nrAccessesUnchecked(int i) {
        return nrAccesses[i];
    }

    int ageUnchecked(int i) {
        return age[i];
    }
}
