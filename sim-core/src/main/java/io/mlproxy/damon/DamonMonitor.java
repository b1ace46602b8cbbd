package io.mlproxy.damon;

import nl.tudelft.simulation.jstats.streams.StreamInterface;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A kdamond for one paddr-like target: adaptive regions over {@code [0, pages)}, sampled through
 * an {@link AccessBitSource}, with DAMOS schemes applied on every aggregation.
 *
 * <p>Drive it with {@link #sample} once per sampling interval and {@link #aggregate} once per
 * aggregation interval, or with {@link #step}, which does both as kdamond_fn counts them.
 * {@link #aggregate} follows kdamond_fn's order: merge (with the age update), the aggregation
 * listener, schemes on the aggregated information, reset of nr_accesses, split; then the regions'
 * memory figures are refreshed and new sampling pages prepared.
 *
 * <p>Initial regions: {@code minRegions} equal pieces (as vaddr's initial split does), so the
 * region count is within bounds from the start.
 */
public final class DamonMonitor {

    private final MonitorConfig config;
    private final AccessBitSource source;
    private final SplittableRandom random;
    private final Regions regions;
    private final int maxNrAccesses;
    private final int samplesPerAggregation;
    private final long samplesPerOpsUpdate;
    private final List<DamosScheme> schemes = new ArrayList<>();
    private DamosActionTarget actionTarget;
    private AggregationListener listener = AggregationListener.NONE;

    private long sizeLimit;
    private long passedSamples;
    private long nextAggregationSample;
    private long nextOpsUpdateSample;
    private int lastNrRegions;
    private long aggregations;

    /**
     * @param stream the random stream for sampling pages and split points; one long is drawn
     *               from it to seed a fast local generator
     */
    public DamonMonitor(MonitorConfig config, AccessBitSource source, StreamInterface stream) {
        if (config == null || source == null || stream == null) {
            throw new IllegalArgumentException("monitor config, access-bit source and stream are required");
        }
        if (source.pages() < config.minRegions()) {
            throw new IllegalArgumentException("address space of " + source.pages()
                    + " pages is smaller than minRegions " + config.minRegions());
        }
        this.config = config;
        this.source = source;
        this.random = new SplittableRandom(stream.nextLong());
        this.maxNrAccesses = config.maxNrAccesses();
        this.samplesPerAggregation = maxNrAccesses;
        this.samplesPerOpsUpdate = config.opsUpdateUs() == 0 ? Long.MAX_VALUE : config.opsUpdateUs() / config.samplingUs();
        this.regions = new Regions(config.maxRegions() + 8);
        regions.initEvenly(source.pages(), config.minRegions());
        this.sizeLimit = regionSizeLimit();
        this.nextAggregationSample = samplesPerAggregation;
        this.nextOpsUpdateSample = samplesPerOpsUpdate;
        regions.refreshMemoryStats(source);
        regions.prepareAccessChecks(source, random);
    }

    public MonitorConfig config() {
        return config;
    }

    /** The live, read-only regions. */
    public RegionsView regions() {
        return regions;
    }

    public int maxNrAccesses() {
        return maxNrAccesses;
    }

    /** Aggregations done so far. */
    public long aggregations() {
        return aggregations;
    }

    /** Adds a scheme acting on {@code target} (all schemes of a monitor share one target). */
    public void addScheme(DamosScheme scheme, DamosActionTarget target) {
        if (scheme == null || target == null) {
            throw new IllegalArgumentException("scheme and target are required");
        }
        if (actionTarget != null && actionTarget != target) {
            throw new IllegalArgumentException("all schemes of a monitor must act on the same target");
        }
        actionTarget = target;
        schemes.add(scheme);
    }

    public List<DamosScheme> schemes() {
        return List.copyOf(schemes);
    }

    public void setAggregationListener(AggregationListener aggregationListener) {
        if (aggregationListener == null) {
            throw new IllegalArgumentException("listener must not be null (use AggregationListener.NONE)");
        }
        this.listener = aggregationListener;
    }

    /**
     * Ends one sampling interval: counts the regions whose sampled page was accessed since the
     * interval began, then picks and clears the next sampling pages.
     */
    public void sample(long nowUs) {
        regions.checkAccesses(source, maxNrAccesses);
        passedSamples++;
        regions.prepareAccessChecks(source, random);
    }

    /** Whether as many samples as one aggregation interval holds have passed since the last aggregation. */
    public boolean aggregationDue() {
        return passedSamples >= nextAggregationSample;
    }

    /** One kdamond iteration: a sample, then an aggregation if one is due. Returns whether it aggregated. */
    public boolean step(long nowUs) {
        sample(nowUs);
        if (aggregationDue()) {
            aggregate(nowUs);
            return true;
        }
        return false;
    }

    /** One aggregation: merge, listener, schemes, reset, split (kdamond_fn order). */
    public void aggregate(long nowUs) {
        mergeRegions(maxNrAccesses / 10);
        regions.refreshMemoryStats(source);
        listener.onAggregated(regions, nowUs);
        for (DamosScheme scheme : schemes) {
            if (!scheme.applyDue()) {
                continue;
            }
            scheme.apply(regions, actionTarget, maxNrAccesses, config.aggregationUs(), nowUs);
        }
        regions.resetAggregated();
        splitRegions();
        if (passedSamples >= nextOpsUpdateSample) {
            nextOpsUpdateSample = passedSamples + samplesPerOpsUpdate;
            sizeLimit = regionSizeLimit();
        }
        regions.refreshMemoryStats(source);
        source.clearRecentRefaults();
        regions.prepareAccessChecks(source, random);
        nextAggregationSample = passedSamples + samplesPerAggregation;
        aggregations++;
    }

    /**
     * kdamond_merge_regions: ages are updated against the initial threshold, then merge passes
     * repeat with a doubled threshold while there are more than maxRegions regions. Mainline
     * redoes the age update in every pass; here it is done once so that a repeated pass does not
     * age regions twice in one interval.
     */
    private void mergeRegions(int threshold) {
        regions.updateAges(threshold);
        int thres = threshold;
        do {
            regions.mergePass(thres, sizeLimit);
            thres = Math.max(1, thres * 2);
        } while (regions.count() > config.maxRegions() && thres / 2 < maxNrAccesses);
    }

    /** kdamond_split_regions: only while count <= max/2; into 3 when the count did not change and is < max/3. */
    private void splitRegions() {
        int nrRegions = regions.count();
        if (nrRegions > config.maxRegions() / 2) {
            return;
        }
        int nrSubs = 2;
        if (lastNrRegions == nrRegions && nrRegions < config.maxRegions() / 3) {
            nrSubs = 3;
        }
        regions.splitAll(nrSubs, random);
        lastNrRegions = nrRegions;
    }

    /** damon_region_sz_limit: total size / minRegions, at least one page. */
    private long regionSizeLimit() {
        return Math.max(1, source.pages() / config.minRegions());
    }
}
