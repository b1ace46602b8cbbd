package io.mlproxy.bench;

import io.mlproxy.proxy.HintAction;
import io.mlproxy.proxy.MlModelProxy;
import io.mlproxy.proxy.Recommendation;
import io.mlproxy.proxy.RecommendationCodec;
import io.mlproxy.proxy.SystemMode;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * ml_lib execute_operation, the proxy's per-decision hot path: one call per DAMOS candidate region.
 * Score is nanoseconds per decision (each invocation decides {@value #CANDIDATES} candidates).
 *
 * <p>{@code baseline} runs the same candidates, in the same order, against a bare sorted-array
 * lookup of the same hints (binary search over the hints' start pages, then the end and the
 * hint's action and confidence): the physical limit of one lookup, measured in the same run, so
 * {@code decide / baseline} is a ratio that survives a noisy machine where nanoseconds do not.
 * The baseline does not depend on the mode; it runs once per mode so that every combination has
 * its own baseline measured next to it ({@code benchmarks/ratios.py} prints the ratios).
 *
 * <p>The hint table has {@code hints} hints of 64 pages with 64-page gaps between them. A candidate
 * either lies inside a hint ({@code lookup = hit}: the ML model has an opinion, the mode decides who
 * acts) or inside a gap ({@code lookup = miss}: ML abstains, the default acts). Candidates are spread
 * evenly over the table and visited either by ascending address ({@code order = ascending}, the
 * cursor's best case) or in a fixed random permutation ({@code order = shuffled}: DAMOS walks regions
 * coldest first, which is unrelated to their address).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExecuteOperationBenchmark {
    /** Candidates decided per invocation, as many as DAMON's default max_nr_regions allows, rounded up. */
    static final int CANDIDATES = 1024;
    static final long HINT_PAGES = 64;
    static final long STRIDE = 2 * HINT_PAGES;

    @Param({"EMERGENCY", "LEARNING", "COLLABORATION", "RECOMMENDATION"})
    public SystemMode mode;

    @Param({"16", "1024", "65536"})
    public int hints;

    @Param({"hit", "miss"})
    public String lookup;

    @Param({"ascending", "shuffled"})
    public String order;

    private MlModelProxy proxy;
    private long[] starts;
    private long[] ends;
    private int defaultAction;
    /** The installed hints as sorted arrays, for the baseline: start and end pages, action | confidence << 8. */
    private long[] hintStarts;
    private long[] hintEnds;
    private int[] hintWords;

    @Setup(Level.Trial)
    public void setUp() {
        long pages = hints * STRIDE;
        proxy = Proxies.started("bench-execute", pages, Proxies.oneRegion(pages));
        long gen = proxy.prepareDataset();
        Recommendation hintsSent = Proxies.stripedHints(gen, hints, STRIDE, HINT_PAGES);
        byte[] msg = RecommendationCodec.encode(hintsSent);
        proxy.submitRecommendation(msg, 0, msg.length);
        proxy.forceMode(mode);
        int n = hintsSent.regionCount();
        hintStarts = new long[n];
        hintEnds = new long[n];
        hintWords = new int[n];
        for (int i = 0; i < n; i++) {
            hintStarts[i] = hintsSent.startPage(i);
            hintEnds[i] = hintsSent.endPage(i);
            hintWords[i] = hintsSent.action(i) | hintsSent.confidence(i) << 8;
        }
        boolean hit = switch (lookup) {
            case "hit" -> true;
            case "miss" -> false;
            default -> throw new IllegalArgumentException("lookup must be hit or miss, got " + lookup);
        };
        starts = new long[CANDIDATES];
        ends = new long[CANDIDATES];
        fillCandidates(hints, hit, starts, ends);
        switch (order) {
            case "ascending" -> { }
            case "shuffled" -> shuffle(starts, ends, new SplittableRandom(42));
            default -> throw new IllegalArgumentException("order must be ascending or shuffled, got " + order);
        }
        defaultAction = HintAction.CODE_PAGEOUT;
        checkDecisions(hit);
    }

    /**
     * Candidate j lies in hint (or the gap after hint) j * hints / CANDIDATES; several candidates of
     * one hint split it into equal ascending pieces, so the ascending order is strictly ascending.
     */
    static void fillCandidates(int hints, boolean hit, long[] starts, long[] ends) {
        int n = starts.length;
        int perHint = Math.max(1, n / hints);
        long width = Math.max(1, HINT_PAGES / perHint);
        for (int j = 0; j < n; j++) {
            long k = (long) j * hints / n;
            long base = k * STRIDE + (hit ? 0 : HINT_PAGES);
            long s = base + (j % perHint) * width;
            starts[j] = s;
            ends[j] = s + width;
        }
    }

    static void shuffle(long[] a, long[] b, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            long t = a[i];
            a[i] = a[j];
            a[j] = t;
            t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }

    /**
     * A benchmark of the wrong path measures nothing: make sure hits see the hint and misses do not,
     * in the proxy and in the baseline alike.
     */
    private void checkDecisions(boolean hit) {
        for (int j = 0; j < CANDIDATES; j++) {
            long d = proxy.executeOperation(starts[j], ends[j], defaultAction);
            boolean abstained = io.mlproxy.proxy.Decision.mlAbstained(d);
            if (abstained == hit) {
                throw new IllegalStateException("candidate " + j + " [" + starts[j] + ", " + ends[j] + ") "
                        + (hit ? "missed its hint" : "hit a hint"));
            }
            if ((lookup(starts[j], ends[j]) < 0) == hit) {
                throw new IllegalStateException("baseline: candidate " + j + " [" + starts[j] + ", " + ends[j] + ") "
                        + (hit ? "missed its hint" : "hit a hint"));
            }
        }
    }

    /** The hint containing [start, end) by binary search: its action | confidence << 8, or -1. */
    private int lookup(long start, long end) {
        int i = java.util.Arrays.binarySearch(hintStarts, start);
        if (i < 0) {
            i = -i - 2; // the last hint starting before the candidate
        }
        return i >= 0 && end <= hintEnds[i] ? hintWords[i] : -1;
    }

    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public void decide(Blackhole bh) {
        MlModelProxy p = proxy;
        long[] s = starts;
        long[] e = ends;
        int action = defaultAction;
        for (int j = 0; j < s.length; j++) {
            bh.consume(p.executeOperation(s[j], e[j], action));
        }
    }

    /** The same candidates against a bare sorted-array lookup of the same hints. */
    @Benchmark
    @OperationsPerInvocation(CANDIDATES)
    public void baseline(Blackhole bh) {
        long[] s = starts;
        long[] e = ends;
        for (int j = 0; j < s.length; j++) {
            bh.consume(lookup(s[j], e[j]));
        }
    }
}
