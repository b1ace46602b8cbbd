package io.mlproxy.damon;

/**
 * DAMON monitoring attributes (struct damon_attrs). Defaults are mainline's damon_new_ctx():
 * sampling 5 ms, aggregation 100 ms, ops update 60 s, 10..1000 regions.
 *
 * @param samplingUs    sampling interval: one access check per region
 * @param aggregationUs aggregation interval: merge, schemes, split, reset
 * @param opsUpdateUs   operations update interval (for paddr only the region size limit is refreshed)
 * @param minRegions    lower bound of the region count (mainline rejects fewer than 3)
 * @param maxRegions    upper bound of the region count
 */
public record MonitorConfig(long samplingUs, long aggregationUs, long opsUpdateUs, int minRegions, int maxRegions) {

    public MonitorConfig {
        if (samplingUs <= 0) {
            throw new IllegalArgumentException("samplingUs must be > 0, got " + samplingUs);
        }
        if (aggregationUs < samplingUs) {
            throw new IllegalArgumentException("aggregationUs (" + aggregationUs + ") must be >= samplingUs (" + samplingUs + ")");
        }
        if (opsUpdateUs < 0) {
            throw new IllegalArgumentException("opsUpdateUs must be >= 0, got " + opsUpdateUs);
        }
        if (minRegions < 3) {
            throw new IllegalArgumentException("minRegions must be >= 3 (as damon_set_attrs requires), got " + minRegions);
        }
        if (maxRegions < minRegions) {
            throw new IllegalArgumentException("maxRegions (" + maxRegions + ") must be >= minRegions (" + minRegions + ")");
        }
    }

    /** Mainline DAMON defaults. */
    public static MonitorConfig defaults() {
        return new MonitorConfig(5_000, 100_000, 60_000_000, 10, 1000);
    }

    /** max nr_accesses of a region: aggregation / sampling (damon_max_nr_accesses). */
    public int maxNrAccesses() {
        return (int) Math.min(Integer.MAX_VALUE, aggregationUs / samplingUs);
    }
}
