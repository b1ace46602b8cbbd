package io.mlproxy.damon;

/**
 * One DAMOS scheme: access pattern, action, quota with prioritisation, watermarks, statistics,
 * and a decision hook through which another policy (the ML proxy) can override each region's
 * default action. Minimum age and the quota limits can be changed while running.
 *
 * <p>Application (once per aggregation, after the merge): watermarks, then the quota window,
 * then a walk over ALL regions in priority order (coldest first, ties in address order). Each
 * region's default is the scheme's action if the pattern matches, the scheme is active and
 * quota is left, else {@link DamosAction#NONE}; when only part of a region fits the remaining
 * quota the default covers that prefix and the region is split there afterwards, as
 * damos_apply_scheme does. The hook's final action is applied through a
 * {@link DamosActionTarget}; the quota is charged with the bytes acted on and the CPU time the
 * target reports; a non-stat action resets the region's age.
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
    /** apply_interval_us in aggregation intervals (mainline's default: every aggregation). */
    private int applyEvery = 1;
    private int sinceApply;

    /** Priority order scratch: region indices sorted coldest first. */
    private int[] order = new int[0];
    private int[] score = new int[0];
    private final int[] bucketStart = new int[ColdScore.MAX_SCORE + 2];

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

    public DamosStats stats() {
        return new DamosStats(nrTried, szTried, nrApplied, szApplied, quota.qtExceeds, nrOverridden);
    }

    /** Applies the scheme to the regions; called by the monitor after the merge of each aggregation. */
    void apply(Regions regions, DamosActionTarget target, int maxNrAccesses, long aggregationUs, long nowUs) {
        int pageSize = target.pageSizeBytes();
        boolean active = watermarks.update(nowUs, target.freeMemoryPermille());
        if (active) {
            quota.adjust(nowUs, pageSize);
        }
        int n = regions.count();
        sortColdestFirst(regions, n, maxNrAccesses, aggregationUs);

        int splitRegion = -1;
        int splitLeftPages = 0;
        int splitRightAge = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            int start = regions.startUnchecked(i);
            int end = regions.endUnchecked(i);
            int age = regions.ageUnchecked(i);
            int defaultAction = DamosAction.NONE.code();
            int actEnd = end;
            if (active && pattern.matches((long) (end - start) * pageSize, regions.nrAccessesUnchecked(i), age)) {
                long remaining = quota.remainingBytes();
                long wanted = (long) (end - start) * pageSize;
                if (wanted <= remaining) {
                    defaultAction = action.code();
                } else if (remaining >= pageSize) {
                    actEnd = start + (int) (remaining / pageSize);
                    defaultAction = action.code();
                }
            }
            int finalAction = hook.decide(i, start, actEnd, defaultAction);
            if (finalAction != defaultAction) {
                nrOverridden++;
            }
            if (finalAction == DamosAction.NONE.code()) {
                continue;
            }
            applyAction(DamosAction.ofCode(finalAction), target, regions, i, start, actEnd, pageSize, nowUs);
            if (actEnd < end && finalAction != DamosAction.STAT.code()) {
                splitRegion = i;
                splitLeftPages = actEnd - start;
                splitRightAge = age;
            }
        }
        if (splitRegion >= 0) {
            regions.splitAt(splitRegion, splitLeftPages, splitRightAge);
        }
    }

    private void applyAction(DamosAction finalAction, DamosActionTarget target, Regions regions, int i,
                             int start, int end, int pageSize, long nowUs) {
        long cpuBefore = target.actionCpuUs();
        int changed;
        switch (finalAction) {
            case PAGEOUT -> changed = target.pageOut(start, end, hook.lastDecisionTag(), nowUs);
            case LRU_PRIO -> changed = target.lruPrio(start, end, nowUs);
            case LRU_DEPRIO -> changed = target.lruDeprio(start, end, nowUs);
            case STAT -> changed = 0;
            default -> throw new IllegalStateException("unexpected action " + finalAction);
        }
        long bytes = (long) (end - start) * pageSize;
        quota.charge(bytes, target.actionCpuUs() - cpuBefore);
        nrTried++;
        szTried += bytes;
        if (changed > 0) {
            nrApplied++;
            szApplied += (long) changed * pageSize;
        }
        if (finalAction != DamosAction.STAT) {
            regions.setAge(i, 0);
        }
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
