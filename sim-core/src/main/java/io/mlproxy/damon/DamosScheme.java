package io.mlproxy.damon;

/**
 * One DAMOS scheme: access pattern, action, quota with prioritisation, watermarks, statistics,
 * and a decision hook through which another policy (the ML proxy) can override each region's
 * default action. Minimum age and the quota limits can be changed while running.
 *
 * <p>Application (once per aggregation, after the merge): the quota window, then a walk over ALL
 * regions in priority order (coldest first, ties in address order). Each region's default is the
 * scheme's action if the pattern matches, the scheme is active (watermarks, evaluated by the
 * monitor) and quota is left, else {@link DamosAction#NONE}; when only part of a region fits the
 * remaining quota the candidate is that prefix and the region is split there, as
 * damos_apply_scheme does, whichever source's action is carried out, so an overriding hook spends
 * exactly the same quota. The hook's final action is applied through a {@link DamosActionTarget};
 * the quota is charged with the bytes acted on and the CPU time the target reports (the walk's
 * time, as mainline charges the wall time of the application); a non-stat action resets the age.
 */
public final class DamosScheme {

    private final DamosAction action;
    private final DamosQuota quotaConfig;
    private final QuotaState quota;
    private final WatermarkState watermarks;
    private DamosAccessPattern pattern;
    private DamosDecisionHook hook = DamosDecisionHook.IDENTITY;

    private long nrTried;
    private long szTried;
    private long nrApplied;
    private long szApplied;
    private long nrOverridden;
    /** Applications while active, and those in which the quota stopped a matching region (or part of one). */
    private long applications;
    private long quotaLimited;
    /** apply_interval_us in aggregation intervals (mainline's default: every aggregation). */
    private int applyEvery = 1;
    private int sinceApply;

    /** Priority order scratch: region indices sorted coldest first. */
    private int[] order = new int[0];
    private int[] score = new int[0];
    private final int[] bucketStart = new int[ColdScore.MAX_SCORE + 2];
    private final RegionPieces pieces = new RegionPieces();

    public DamosScheme(DamosAccessPattern pattern, DamosAction action, DamosQuota quota, DamosWatermarks watermarks) {
        if (pattern == null || action == null || quota == null || watermarks == null) {
            throw new IllegalArgumentException("scheme pattern, action, quota and watermarks are required");
        }
        if (action == DamosAction.NONE) {
            throw new IllegalArgumentException("scheme action must not be NONE");
        }
        this.pattern = pattern;
        this.action = action;
        this.quotaConfig = quota;
        this.quota = new QuotaState(quota);
        this.watermarks = new WatermarkState(watermarks);
    }

    public DamosAction action() {
        return action;
    }

    public DamosAccessPattern pattern() {
        return pattern;
    }

    /** Installs the hook that makes the final per-region decision ({@link DamosDecisionHook#IDENTITY} by default). */
    public void setDecisionHook(DamosDecisionHook decisionHook) {
        if (decisionHook == null) {
            throw new IllegalArgumentException("decision hook must not be null (use DamosDecisionHook.IDENTITY)");
        }
        this.hook = decisionHook;
    }

    /** Changes the minimum age (aggregation intervals); applies from the next aggregation. */
    public void setMinAge(int minAgeAggregations) {
        if (minAgeAggregations < 0) {
            throw new IllegalArgumentException("min age must be >= 0, got " + minAgeAggregations);
        }
        pattern = pattern.withMinAge(minAgeAggregations);
    }

    /** Changes the time quota; takes effect when the next charge window starts. */
    public void setQuotaMs(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("quota ms must be >= 0, got " + ms);
        }
        quota.timeMs = ms;
    }

    /** Changes the size quota; takes effect when the next charge window starts. */
    public void setQuotaBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("quota bytes must be >= 0, got " + bytes);
        }
        quota.sizeBytes = bytes;
    }

    public long quotaMs() {
        return quota.timeMs;
    }

    public long quotaBytes() {
        return quota.sizeBytes;
    }

    /** Effective size quota of the current window in bytes, {@link Long#MAX_VALUE} without quota. */
    public long effectiveQuotaBytes() {
        return quota.esz;
    }

    /**
     * Applies the scheme only every {@code aggregations} aggregation intervals (DAMOS
     * apply_interval_us, a multiple of the aggregation interval here).
     */
    public void setApplyInterval(int aggregations) {
        if (aggregations < 1) {
            throw new IllegalArgumentException("apply interval must be >= 1 aggregation, got " + aggregations);
        }
        this.applyEvery = aggregations;
    }

    /** Counts one aggregation; true when the scheme's apply interval has passed. */
    boolean applyDue() {
        if (++sinceApply >= applyEvery) {
            sinceApply = 0;
            return true;
        }
        return false;
    }

    /** Bytes the quota still allows in the current charge window (what an override may use). */
    public long remainingQuotaBytes() {
        return quota.remainingBytes();
    }

    /** Whether the watermarks currently let the scheme act. */
    public boolean isActive() {
        return watermarks.active();
    }

    /** Applications while the watermarks let the scheme act. */
    public long applications() {
        return applications;
    }

    /**
     * Applications in which the quota ran out before every region matching the access pattern was
     * acted on: a region clipped at the quota's edge or not reached at all.
     */
    public long quotaLimitedApplications() {
        return quotaLimited;
    }

    public DamosStats stats() {
        return new DamosStats(nrTried, szTried, nrApplied, szApplied, quota.qtExceeds, nrOverridden);
    }

    /**
     * damos_wmark_wait_us: re-evaluates the watermarks against the free-memory rate; returns 0 when
     * the scheme is active, else how long kdamond may sleep before checking again.
     */
    public long watermarkWaitUs(int freeMemoryPermille) {
        return watermarks.waitUs(freeMemoryPermille);
    }

    /**
     * Applies the scheme to the regions; called by the monitor after the merge of each aggregation.
     * Each region is decided piece by piece: a piece ends where the quota runs out (the region is
     * split there, as damos_apply_scheme splits it) or where the hook decided only a prefix (split
     * there too, as mainline splits a region at an address filter's boundary), and the rest of the
     * region is offered again. Splits are applied after the walk.
     */
    void apply(Regions regions, DamosActionTarget target, int maxNrAccesses, long aggregationUs, long nowUs) {
        int pageSize = target.pageSizeBytes();
        boolean active = watermarks.active();
        if (active) {
            quota.adjust(nowUs, pageSize);
        }
        int n = regions.count();
        sortColdestFirst(regions, n, maxNrAccesses, aggregationUs);
        pieces.reset(n);
        boolean limited = false;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int start = regions.startUnchecked(i);
            int end = regions.endUnchecked(i);
            int age = regions.ageUnchecked(i);
            boolean matches = active
                    && pattern.matches((long) (end - start) * pageSize, regions.nrAccessesUnchecked(i), age);
            int s = start;
            while (s < end) {
                long remaining = quota.remainingBytes();
                boolean budget = active && remaining >= pageSize;
                int candidateEnd = end;
                if (budget && (long) (end - s) * pageSize > remaining) {
                    candidateEnd = s + (int) (remaining / pageSize);
                }
                limited |= matches && (!budget || candidateEnd < end);
                int defaultAction = budget && matches ? action.code() : DamosAction.NONE.code();
                int finalAction = hook.decide(i, s, candidateEnd, defaultAction);
                int decidedEnd = Math.max(s + 1, Math.min(candidateEnd, hook.lastDecisionEnd()));
                if (!budget) {
                    finalAction = DamosAction.NONE.code();
                }
                if (finalAction != defaultAction) {
                    nrOverridden++;
                }
                int pieceAge = age;
                if (finalAction != DamosAction.NONE.code()) {
                    DamosAction a = DamosAction.ofCode(finalAction);
                    int changed = applyAction(a, target, s, decidedEnd, pageSize, nowUs);
                    hook.applied(finalAction, s, decidedEnd, changed);
                    if (a != DamosAction.STAT) {
                        pieceAge = 0;
                    }
                }
                if (finalAction == DamosAction.NONE.code() && decidedEnd == candidateEnd && candidateEnd < end) {
                    // a quota-limited candidate nobody acted on: the rest waits, like a region the quota did not reach
                    pieces.add(i, s, end, age);
                    break;
                }
                pieces.add(i, s, decidedEnd, pieceAge);
                s = decidedEnd;
            }
        }
        pieces.applyTo(regions);
        if (active) {
            applications++;
            if (limited) {
                quotaLimited++;
            }
        }
    }

    /** Carries out one action on [start, end); returns the pages it changed. */
    private int applyAction(DamosAction finalAction, DamosActionTarget target, int start, int end, int pageSize,
                            long nowUs) {
        long cpuBefore = target.actionCpuNs();
        int changed;
        switch (finalAction) {
            case PAGEOUT -> changed = target.pageOut(start, end, hook.lastDecisionTag(), nowUs);
            case LRU_PRIO -> changed = target.lruPrio(start, end, nowUs);
            case LRU_DEPRIO -> changed = target.lruDeprio(start, end, nowUs);
            case STAT -> changed = 0;
            default -> throw new IllegalStateException("unexpected action " + finalAction);
        }
        long bytes = (long) (end - start) * pageSize;
        quota.charge(bytes, target.actionCpuNs() - cpuBefore);
        nrTried++;
        szTried += bytes;
        if (changed > 0) {
            nrApplied++;
            szApplied += (long) changed * pageSize;
        }
        return changed;
    }

    /** Counting sort by cold score, descending; stable, so ties stay in address order. */
    private void sortColdestFirst(Regions regions, int n, int maxNrAccesses, long aggregationUs) {
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
            score = new int[order.length];
        }
        java.util.Arrays.fill(bucketStart, 0);
        for (int i = 0; i < n; i++) {
            int s = ColdScore.cold(regions.nrAccessesUnchecked(i), regions.ageUnchecked(i), maxNrAccesses,
                    aggregationUs, quotaConfig.weightNrAccesses(), quotaConfig.weightAge());
            score[i] = s;
            bucketStart[ColdScore.MAX_SCORE - s + 1]++;
        }
        for (int b = 1; b < bucketStart.length; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        for (int i = 0; i < n; i++) {
            order[bucketStart[ColdScore.MAX_SCORE - score[i]]++] = i;
        }
    }
}
