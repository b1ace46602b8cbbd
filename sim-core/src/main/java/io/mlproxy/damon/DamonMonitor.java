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
 * <p>Initial regions: {@code minRegions} equal pieces. Mainline's DAMON_RECLAIM hands kdamond one
 * region (the biggest System RAM block); the "strictly respect min_nr_regions" series
 * (damon_apply_min_nr_regions) splits it at the start into pieces no larger than
 * total / min_nr_regions, which is what this does.
 *
 * <p>Activation (kdamond_wait_activation): when every scheme is deactivated by its watermarks,
 * kdamond sleeps the shortest watermark check interval: no sampling, no aggregation, ages frozen.
 * Mainline's sample count stands still meanwhile, so the interrupted aggregation interval resumes
 * with the samples it still lacked, and the first one after the sleep checks pages prepared after
 * it. Here the monitor skips the samples of that time and wakes at the first moment after the
 * check interval from which those remaining samples end on an aggregation boundary (where the
 * engine's aggregation events fall); waking, it prepares fresh access checks.
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
    /** kdamond sleeps (all schemes inactive) until this time; {@link Long#MIN_VALUE} when awake. */
    private long asleepUntilUs = Long.MIN_VALUE;

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
        if (waitingForActivation(nowUs)) {
            return;
        }
        regions.checkAccesses(source, maxNrAccesses);
        passedSamples++;
        regions.prepareAccessChecks(source, random);
    }

    /** Whether kdamond is asleep because every scheme is deactivated by its watermarks. */
    public boolean waitingForActivation() {
        return asleepUntilUs != Long.MIN_VALUE;
    }

    /**
     * kdamond_wait_activation, checked where mainline checks it, before each sample: the shortest
     * damos_wmark_wait_us over the schemes; 0 means some scheme is active.
     */
    private boolean waitingForActivation(long nowUs) {
        if (asleepUntilUs != Long.MIN_VALUE && nowUs < asleepUntilUs) {
            return true;
        }
        if (schemes.isEmpty()) {
            return false;
        }
        long minWait = Long.MAX_VALUE;
        int free = actionTarget.freeMemoryPermille();
        for (DamosScheme scheme : schemes) {
            minWait = Math.min(minWait, scheme.watermarkWaitUs(free));
        }
        if (minWait == 0) {
            if (asleepUntilUs == Long.MIN_VALUE) {
                return false;
            }
            // awake: as after kdamond_wait_activation, prepare the checks; the first sample is the next
            asleepUntilUs = Long.MIN_VALUE;
            regions.prepareAccessChecks(source, random);
            return true;
        }
        asleepUntilUs = wakeTime(nowUs, minWait);
        return true;
    }

    /**
     * The first sampling time from {@code nowUs + waitUs} on after which the interrupted interval's
     * remaining samples end on an aggregation boundary (this time itself only prepares checks).
     */
    private long wakeTime(long nowUs, long waitUs) {
        long aggregation = config.aggregationUs();
        long rest = (nextAggregationSample - passedSamples) * config.samplingUs();
        long intervalEnd = Math.floorDiv(nowUs + waitUs + rest + aggregation - 1, aggregation) * aggregation;
        return intervalEnd - rest;
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

    /**
     * One aggregation: merge, listener, schemes, reset, split (kdamond_fn order). The merge
     * threshold is a tenth of the highest nr_accesses observed in the interval, as kdamond_fn
     * passes the last check_accesses result.
     */
    public void aggregate(long nowUs) {
        mergeRegions(regions.maxNrAccesses() / 10);
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
