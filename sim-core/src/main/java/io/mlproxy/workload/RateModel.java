package io.mlproxy.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A synthetic workload expressed as rates instead of touches: on the workload's tick grid, time is
 * cut into epochs in which every page has a constant access rate (λ, the expected touches of the
 * page per tick), plus the scans, whose touches follow an exact schedule. Immutable and shared by
 * every replication and variant of a scenario; a replication's realised accesses are drawn from it
 * by {@link AccessPaths}.
 *
 * <p>Each pattern of a phase gets {@code weight / total weight} of the rate, as a touch of the touch
 * model picks its pattern; a non-looping scan leaves the mix when its sweep is done, at the time its
 * exact schedule says. Epochs end at phase changes, scan ends, the hot and cold halves of periodic
 * patterns, and steps of growing working sets and drifting hot sets (quantised: growth in at most
 * {@value #GROWTH_STEPS} steps, drift in steps of at least one page and one tick, at most
 * {@value #DRIFT_STEPS} per phase). Boundaries are rounded to the nearest tick: the memory sees
 * touches one tick at a time in both models.
 */
public final class RateModel {

    /** Most epochs a run may have: each page's path may be drawn once per epoch. */
    public static final int MAX_EPOCHS = 1 << 16;
    static final int GROWTH_STEPS = 256;
    static final int DRIFT_STEPS = 4096;

    private final int pages;
    private final long tickUs;
    private final int ticks;
    private final int[] epochStart;
    private final PageShare[][] shares;
    private final double[][] perTick;
    private final int[][] slots;
    private final double[] poissonPerTick;
    /** Per epoch: pages where the patterns other than Zipf change (from 0), and their λ from each on. */
    private final int[][] segmentStart;
    private final double[][] segmentLambda;
    /** Per epoch and segment: 1 − e^−λ, the chance of an access in a tick (when the epoch has no Zipf). */
    private final double[][] segmentQ;
    /** Per epoch: indices of the Zipf shares (their λ differs page by page). */
    private final int[][] zipfShares;
    private final List<ScanSweep> scans;

    private RateModel(int pages, long tickUs, int ticks, List<Epoch> epochs, List<ScanSweep> scans) {
        this.pages = pages;
        this.tickUs = tickUs;
        this.ticks = ticks;
        int n = epochs.size();
        epochStart = new int[n];
        shares = new PageShare[n][];
        perTick = new double[n][];
        slots = new int[n][];
        poissonPerTick = new double[n];
        segmentStart = new int[n][];
        segmentLambda = new double[n][];
        segmentQ = new double[n][];
        zipfShares = new int[n][];
        for (int e = 0; e < n; e++) {
            Epoch ep = epochs.get(e);
            epochStart[e] = ep.startTick;
            shares[e] = ep.shares.toArray(PageShare[]::new);
            perTick[e] = ep.perTick.stream().mapToDouble(Double::doubleValue).toArray();
            slots[e] = ep.slots.stream().mapToInt(Integer::intValue).toArray();
            double sum = 0;
            for (double d : perTick[e]) {
                sum += d;
            }
            poissonPerTick[e] = sum;
            segments(e);
        }
        this.scans = List.copyOf(scans);
    }

    /** Cuts the address space where a piecewise-constant share changes, and sums their λ per piece. */
    private void segments(int e) {
        TreeSet<Integer> cuts = new TreeSet<>();
        cuts.add(0);
        List<Integer> zipf = new ArrayList<>();
        for (int k = 0; k < shares[e].length; k++) {
            PageShare sh = shares[e][k];
            if (sh instanceof PageShare.HotRange h) {
                cuts.add(h.first());
                cuts.add((int) (((long) h.first() + h.hot()) % pages));
            } else if (sh instanceof PageShare.Range r) {
                cuts.add(r.base());
                cuts.add(Math.min(pages, r.base() + r.span()));
            } else if (sh instanceof PageShare.Region r) {
                cuts.add(r.first());
                cuts.add(Math.min(pages, r.first() + r.size()));
            } else {
                zipf.add(k);
            }
        }
        cuts.remove(pages);
        int[] starts = cuts.stream().mapToInt(Integer::intValue).toArray();
        double[] lambdas = new double[starts.length];
        for (int i = 0; i < starts.length; i++) {
            double sum = 0;
            for (int k = 0; k < shares[e].length; k++) {
                if (!zipf.contains(k)) {
                    sum += perTick[e][k] * shares[e][k].of(starts[i]);
                }
            }
            lambdas[i] = sum;
        }
        segmentStart[e] = starts;
        segmentLambda[e] = lambdas;
        segmentQ[e] = new double[lambdas.length];
        for (int i = 0; i < lambdas.length; i++) {
            segmentQ[e][i] = -Math.expm1(-lambdas[i]);
        }
        zipfShares[e] = zipf.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The segment of epoch {@code e} holding {@code page}, searched from the guess {@code hint}. */
    int segmentOf(int e, int page, int hint) {
        int[] starts = segmentStart[e];
        if (hint < starts.length && starts[hint] <= page && (hint + 1 == starts.length || page < starts[hint + 1])) {
            return hint;
        }
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= page) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** λ of the piecewise-constant patterns of epoch {@code e} in segment {@code segment}. */
    double segmentLambda(int e, int segment) {
        return segmentLambda[e][segment];
    }

    /** 1 − e^−λ of segment {@code segment} of epoch {@code e} (its λ being the page's only when the epoch has no Zipf). */
    double segmentQ(int e, int segment) {
        return segmentQ[e][segment];
    }

    /** Indices (into {@link #shares}) of epoch {@code e}'s Zipf shares. */
    int[] zipfShares(int e) {
        return zipfShares[e];
    }

    /** An epoch under construction: start tick, the Poisson patterns' shares and expected touches per tick. */
    private static final class Epoch {
        final int startTick;
        final List<PageShare> shares = new ArrayList<>();
        final List<Double> perTick = new ArrayList<>();
        final List<Integer> slots = new ArrayList<>();

        Epoch(int startTick) {
            this.startTick = startTick;
        }
    }

    /**
     * The rates of {@code workload} on a grid of {@code tickUs} over {@code durationUs}.
     *
     * @throws IllegalArgumentException when the workload needs more than {@link #MAX_EPOCHS} epochs
     */
    public static RateModel compile(SyntheticWorkload workload, long tickUs, long durationUs) {
        if (tickUs <= 0 || durationUs <= 0) {
            throw new IllegalArgumentException("tick and duration must be > 0 us, got " + tickUs + " and " + durationUs);
        }
        long tickCount = (durationUs + tickUs - 1) / tickUs;
        if (tickCount >= Integer.MAX_VALUE - 1) {
            throw new IllegalArgumentException("a rate-based run holds at most 2^31 - 2 ticks, got " + tickCount);
        }
        Builder b = new Builder(workload, tickUs, durationUs, (int) tickCount);
        List<Phase> phases = workload.phases();
        for (int i = 0; i < phases.size(); i++) {
            long start = phases.get(i).startUs();
            if (start >= durationUs) {
                break;
            }
            long end = i + 1 < phases.size() ? Math.min(durationUs, phases.get(i + 1).startUs()) : durationUs;
            b.phase(i, phases.get(i), start, end);
        }
        return new RateModel(workload.pages(), tickUs, (int) tickCount, b.epochs(), b.scans);
    }

    /** Works out a workload's epochs and scan schedules phase by phase. */
    private static final class Builder {
        final SyntheticWorkload workload;
        final int pages;
        final double ratePerUs;
        final long tickUs;
        final long durationUs;
        final int ticks;
        /** Raw epochs in µs: start and its patterns, in time order. */
        final List<long[]> rawStarts = new ArrayList<>();
        final List<Epoch> raw = new ArrayList<>();
        final List<ScanSweep> scans = new ArrayList<>();

        Builder(SyntheticWorkload workload, long tickUs, long durationUs, int ticks) {
            this.workload = workload;
            this.pages = workload.pages();
            this.ratePerUs = workload.rateTouchesPerSec() / 1e6;
            this.tickUs = tickUs;
            this.durationUs = durationUs;
            this.ticks = ticks;
        }

        void phase(int index, Phase phase, long startUs, long endUs) {
            List<WeightedPattern> mix = phase.mix();
            int n = mix.size();
            boolean[] active = new boolean[n];
            double[] position = new double[n];
            ScanSweep[] sweeps = new ScanSweep[n];
            for (int k = 0; k < n; k++) {
                active[k] = true;
                if (mix.get(k).pattern() instanceof Scan sc) {
                    int base = SubRange.base(pages, sc.startFraction());
                    sweeps[k] = new ScanSweep(base, SubRange.span(pages, base, sc.lengthFraction()), sc.stride(),
                            sc.looping());
                    scans.add(sweeps[k]);
                }
            }
            long t = startUs;
            while (t < endUs) {
                double total = 0;
                for (int k = 0; k < n; k++) {
                    if (active[k]) {
                        total += mix.get(k).weight();
                    }
                }
                if (total == 0) {
                    idle(t);
                    return;
                }
                // the next end of a non-looping scan's sweep, at its exact schedule
                double next = endUs;
                for (int k = 0; k < n; k++) {
                    if (active[k] && sweeps[k] != null && !sweeps[k].looping()) {
                        double perUs = ratePerUs * mix.get(k).weight() / total;
                        next = Math.min(next, t + (sweeps[k].span() - position[k]) / perUs);
                    }
                }
                long segEnd = Math.min(endUs, Math.max(t + 1, (long) Math.ceil(next)));
                List<WeightedPattern> poisson = new ArrayList<>();
                List<Integer> poissonIndex = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    if (!active[k]) {
                        continue;
                    }
                    double perUs = ratePerUs * mix.get(k).weight() / total;
                    if (sweeps[k] != null) {
                        sweeps[k].addSegment(t, segEnd, perUs, position[k]);
                        position[k] += perUs * (segEnd - t);
                    } else {
                        poisson.add(new WeightedPattern(mix.get(k).weight() / total, mix.get(k).pattern()));
                        poissonIndex.add(k);
                    }
                }
                poissonEpochs(index, t, segEnd, startUs, poisson, poissonIndex);
                for (int k = 0; k < n; k++) {
                    if (active[k] && sweeps[k] != null && !sweeps[k].looping()
                            && position[k] >= sweeps[k].span() - 1e-6) {
                        active[k] = false;
                    }
                }
                t = segEnd;
            }
        }

        private void idle(long fromUs) {
            rawStarts.add(new long[] {fromUs});
            raw.add(new Epoch(0));
        }

        /** Epochs over [fromUs, toUs) for the Poisson patterns, cut where a pattern's pages change. */
        private void poissonEpochs(int phaseIndex, long fromUs, long toUs, long phaseStartUs,
                                   List<WeightedPattern> poisson, List<Integer> entryIndex) {
            TreeSet<Long> cuts = new TreeSet<>();
            cuts.add(fromUs);
            for (WeightedPattern wp : poisson) {
                cutPoints(wp.pattern(), fromUs, toUs, phaseStartUs, cuts);
            }
            Long[] c = cuts.toArray(Long[]::new);
            for (int i = 0; i < c.length; i++) {
                long a = c[i];
                long z = i + 1 < c.length ? c[i + 1] : toUs;
                long mid = (a + z) / 2 - phaseStartUs;
                Epoch e = new Epoch(0);
                for (int k = 0; k < poisson.size(); k++) {
                    WeightedPattern wp = poisson.get(k);
                    e.shares.add(share(wp.pattern(), mid));
                    e.perTick.add(ratePerUs * wp.weight() * tickUs);
                    e.slots.add(phaseIndex * 4096 + entryIndex.get(k));
                }
                rawStarts.add(new long[] {a});
                raw.add(e);
            }
        }

        private void cutPoints(AccessPattern p, long fromUs, long toUs, long phaseStartUs, TreeSet<Long> cuts) {
            if (p instanceof Periodic pe) {
                long hotUs = pe.periodUs() / 2;
                if (hotUs < tickUs || pe.periodUs() - hotUs < tickUs) {
                    return; // halves shorter than a tick: averaged
                }
                long first = (fromUs - phaseStartUs) / pe.periodUs();
                for (long m = first; phaseStartUs + m * pe.periodUs() < toUs; m++) {
                    long cycle = phaseStartUs + m * pe.periodUs();
                    addCut(cuts, cycle, fromUs, toUs);
                    addCut(cuts, cycle + hotUs, fromUs, toUs);
                    guard(cuts);
                }
            } else if (p instanceof Growth g) {
                long growthEnd = phaseStartUs + g.overUs();
                long steps = Math.max(1, Math.min(GROWTH_STEPS, g.overUs() / tickUs));
                for (long s = 0; s <= steps; s++) {
                    addCut(cuts, phaseStartUs + g.overUs() * s / steps, fromUs, toUs);
                }
                addCut(cuts, growthEnd, fromUs, toUs);
            } else if (p instanceof Hotset h && h.driftPagesPerSec() != 0.0) {
                long span = toUs - fromUs;
                long step = Math.max(tickUs, (long) Math.ceil(1e6 / Math.abs(h.driftPagesPerSec())));
                step = Math.max(step, (span + DRIFT_STEPS - 1) / DRIFT_STEPS);
                for (long t = fromUs + step; t < toUs; t += step) {
                    cuts.add(t);
                }
                guard(cuts);
            }
        }

        private static void addCut(TreeSet<Long> cuts, long t, long fromUs, long toUs) {
            if (t > fromUs && t < toUs) {
                cuts.add(t);
            }
        }

        private static void guard(TreeSet<Long> cuts) {
            if (cuts.size() > MAX_EPOCHS) {
                throw new IllegalArgumentException("the workload changes its rates more than " + MAX_EPOCHS
                        + " times (periodic halves, growth or drift steps, phases)");
            }
        }

        /** Where {@code p}'s touches go at phase time {@code phaseUs}, as its sampler draws them. */
        private PageShare share(AccessPattern p, long phaseUs) {
            if (p instanceof Hotset h) {
                int hot = Checks.pagesOf(h.hotFraction(), pages);
                long first = Math.round(h.positionFraction() * (pages - hot));
                if (h.driftPagesPerSec() != 0.0) {
                    first = Math.floorMod(first + (long) Math.floor(h.driftPagesPerSec() / 1e6 * phaseUs), (long) pages);
                }
                return new PageShare.HotRange(pages, (int) first, hot, h.hotShare());
            }
            if (p instanceof Zipf z) {
                return new PageShare.ZipfRanks(pages, z.skew(), z.scrambled());
            }
            if (p instanceof Uniform u) {
                int base = SubRange.base(pages, u.startFraction());
                return new PageShare.Range(base, SubRange.span(pages, base, u.lengthFraction()));
            }
            if (p instanceof Growth g) {
                return new PageShare.Range(0, new GrowthSampler(g, pages).workingSet(phaseUs));
            }
            if (p instanceof Periodic pe) {
                int size = Checks.pagesOf(pe.sizeFraction(), pages);
                int first = (int) Math.min(pages - size, Math.round(pe.startFraction() * pages));
                long hotUs = pe.periodUs() / 2;
                double share;
                if (hotUs < tickUs || pe.periodUs() - hotUs < tickUs) {
                    share = pe.hotShare() * hotUs / pe.periodUs();
                } else {
                    share = new PeriodicSampler(pe, pages).isHot(phaseUs) ? pe.hotShare() : 0.0;
                }
                return new PageShare.Region(pages, first, size, share);
            }
            throw new IllegalArgumentException("no rate form for pattern " + p);
        }

        /** The raw epochs on the tick grid: boundaries rounded to the nearest tick, empty ones dropped. */
        List<Epoch> epochs() {
            List<Epoch> out = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                long startTick = Math.round((double) rawStarts.get(i)[0] / tickUs);
                long endTick = i + 1 < raw.size() ? Math.round((double) rawStarts.get(i + 1)[0] / tickUs) : ticks;
                endTick = Math.min(endTick, ticks);
                if (endTick <= startTick) {
                    continue;
                }
                Epoch src = raw.get(i);
                Epoch e = new Epoch((int) startTick);
                e.shares.addAll(src.shares);
                e.perTick.addAll(src.perTick);
                e.slots.addAll(src.slots);
                out.add(e);
            }
            if (out.isEmpty() || out.get(0).startTick != 0) {
                out.add(0, new Epoch(0));
            }
            if (out.size() > MAX_EPOCHS) {
                throw new IllegalArgumentException("the workload changes its rates " + out.size()
                        + " times; a rate-based run allows at most " + MAX_EPOCHS);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ queries

    public int pages() {
        return pages;
    }

    public long tickUs() {
        return tickUs;
    }

    /** Ticks of the run: [0, ticks). */
    public int ticks() {
        return ticks;
    }

    public int epochs() {
        return epochStart.length;
    }

    /** First tick of epoch {@code e}. */
    public int epochStart(int e) {
        return epochStart[e];
    }

    /** One past the last tick of epoch {@code e}. */
    public int epochEnd(int e) {
        return e + 1 < epochStart.length ? epochStart[e + 1] : ticks;
    }

    /** The epoch holding {@code tick} (a tick of the run). */
    public int epochOf(int tick) {
        int lo = 0;
        int hi = epochStart.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (epochStart[mid] <= tick) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** Expected touches per tick of the Poisson (non-scan) patterns in epoch {@code e}. */
    public double poissonTouchesPerTick(int e) {
        return poissonPerTick[e];
    }

    PageShare[] shares(int e) {
        return shares[e];
    }

    double[] perTick(int e) {
        return perTick[e];
    }

    int[] slots(int e) {
        return slots[e];
    }

    List<ScanSweep> scans() {
        return scans;
    }

    /** Expected touches of {@code page} per tick in epoch {@code e}, with unbound shares (tests, the unscrambled view). */
    public double lambda(int page, int e) {
        double sum = 0;
        for (int k = 0; k < shares[e].length; k++) {
            sum += perTick[e][k] * shares[e][k].of(page);
        }
        return sum;
    }

    /** Scans of the run (one per scan pattern of each phase). */
    public int scanCount() {
        return scans.size();
    }

    /** Touches of scan {@code s} with time before {@code timeUs}, counted from its phase's start. */
    public long scanTouchesBefore(int s, long timeUs) {
        return scans.get(s).touchesBefore(timeUs);
    }

    /** The page of touch number {@code k} of scan {@code s}. */
    public int scanPage(int s, long k) {
        return scans.get(s).pageAt(k);
    }

    /** When a scan first touches {@code page} (µs), or {@link Long#MAX_VALUE} if no scan does. */
    public long firstScanTouchUs(int page) {
        long first = Long.MAX_VALUE;
        for (ScanSweep s : scans) {
            long k = s.positionOf(page);
            if (k >= 0) {
                first = Math.min(first, s.timeOfTouch(k));
            }
        }
        return first;
    }

    /** When a scan next touches {@code page} at or after {@code fromUs} (µs), or {@link Long#MAX_VALUE}. */
    public long nextScanTouchUs(int page, long fromUs) {
        long next = Long.MAX_VALUE;
        for (ScanSweep s : scans) {
            next = Math.min(next, s.nextTouchUs(page, fromUs));
        }
        return next;
    }

    /** Scan touches with time before {@code timeUs}, summed over every scan of the run. */
    public long scanTouchesBefore(long timeUs) {
        long n = 0;
        for (ScanSweep s : scans) {
            n += s.touchesBefore(timeUs);
        }
        return n;
    }
}
