package io.mlproxy.damon;

/**
 * The handcrafted policy: DAMON_RECLAIM (mm/damon/reclaim.c). Pages out regions not accessed
 * at all for {@code minAgeUs} or longer, oldest first, within a time and size quota, while the
 * free-memory rate is between the watermarks.
 *
 * @param minAgeUs             age a cold region needs before pageout (mainline 120 s)
 * @param quotaMs              CPU time per reset interval (mainline 10 ms)
 * @param quotaBytes           bytes per reset interval (mainline 128 MiB)
 * @param quotaResetIntervalMs charge window (mainline 1 s)
 * @param watermarks           free-memory-rate watermarks (mainline 500/400/200 per-mille, checked every 5 s)
 * @param weightSize           prioritisation weight of size (mainline 0)
 * @param weightNrAccesses     prioritisation weight of access frequency (mainline 0)
 * @param weightAge            prioritisation weight of age (mainline 1)
 */
public record DamonReclaim(long minAgeUs, long quotaMs, long quotaBytes, long quotaResetIntervalMs,
                           DamosWatermarks watermarks, int weightSize, int weightNrAccesses, int weightAge) {

    public DamonReclaim {
        if (minAgeUs < 0) {
            throw new IllegalArgumentException("minAgeUs must be >= 0, got " + minAgeUs);
        }
        if (watermarks == null) {
            throw new IllegalArgumentException("watermarks are required (use DamosWatermarks.none())");
        }
    }

    /** Mainline DAMON_RECLAIM module parameter defaults. */
    public static DamonReclaim defaults() {
        return new DamonReclaim(120_000_000L, 10, 128L * 1024 * 1024, 1000,
                new DamosWatermarks(true, 5_000_000L, 500, 400, 200), 0, 0, 1);
    }

    /** These parameters with another minimum age. */
    public DamonReclaim withMinAgeUs(long newMinAgeUs) {
        return new DamonReclaim(newMinAgeUs, quotaMs, quotaBytes, quotaResetIntervalMs, watermarks, weightSize,
                weightNrAccesses, weightAge);
    }

    /** These parameters with other watermarks. */
    public DamonReclaim withWatermarks(DamosWatermarks newWatermarks) {
        return new DamonReclaim(minAgeUs, quotaMs, quotaBytes, quotaResetIntervalMs, newWatermarks, weightSize,
                weightNrAccesses, weightAge);
    }

    /** These parameters with another quota. */
    public DamonReclaim withQuota(long newQuotaMs, long newQuotaBytes) {
        return new DamonReclaim(minAgeUs, newQuotaMs, newQuotaBytes, quotaResetIntervalMs, watermarks, weightSize,
                weightNrAccesses, weightAge);
    }

    /** min_age in aggregation intervals, as damon_reclaim_new_scheme converts it. */
    public static int minAgeAggregations(long minAgeUs, MonitorConfig monitor) {
        return (int) Math.min(Integer.MAX_VALUE, minAgeUs / monitor.aggregationUs());
    }

    /** The DAMON_RECLAIM scheme: regions of at least one page, nr_accesses 0, age >= min_age; PAGEOUT. */
    public DamosScheme newScheme(MonitorConfig monitor, int pageSizeBytes) {
        DamosAccessPattern pattern = new DamosAccessPattern(pageSizeBytes, Long.MAX_VALUE, 0, 0,
                minAgeAggregations(minAgeUs, monitor), Integer.MAX_VALUE);
        DamosQuota quota = new DamosQuota(quotaMs, quotaBytes, quotaResetIntervalMs, weightSize, weightNrAccesses,
                weightAge);
        return new DamosScheme(pattern, DamosAction.PAGEOUT, quota, watermarks);
    }
}
