package io.mlproxy.workload;

import java.util.List;
import java.util.SplittableRandom;
import nl.tudelft.simulation.jstats.streams.StreamInterface;

/**
 * A seeded, phase-based synthetic workload over {@code pages} pages issuing
 * {@code rateTouchesPerSec} touches per second (touch i of a second at {@code i * 1e6 / rate} µs
 * into it). Streams built from DSOL streams with the same seed yield identical touches, which is
 * what common random numbers across policy variants rely on.
 *
 * @param pages size of the address space, pages, &gt; 0
 * @param rateTouchesPerSec touches per second, in [1, 10^12]
 * @param phases phases in strictly increasing start order, the first starting at 0
 */
public record SyntheticWorkload(int pages, long rateTouchesPerSec, List<Phase> phases) {

    /** Stream length meaning "no end": the caller bounds the stream. */
    public static final long UNBOUNDED = Long.MAX_VALUE;

    public SyntheticWorkload {
        if (pages <= 0) {
            throw new IllegalArgumentException("pages must be > 0, was " + pages);
        }
        if (rateTouchesPerSec < 1 || rateTouchesPerSec > 1_000_000_000_000L) {
            throw new IllegalArgumentException("rateTouchesPerSec must be in [1, 10^12], was " + rateTouchesPerSec);
        }
        if (phases == null || phases.isEmpty()) {
            throw new IllegalArgumentException("phases must hold at least one phase");
        }
        phases = List.copyOf(phases);
        if (phases.get(0).startUs() != 0) {
            throw new IllegalArgumentException("phases[0].startUs must be 0, was " + phases.get(0).startUs());
        }
        for (int i = 1; i < phases.size(); i++) {
            if (phases.get(i).startUs() <= phases.get(i - 1).startUs()) {
                throw new IllegalArgumentException("phases[" + i + "].startUs must be > phases[" + (i - 1)
                        + "].startUs = " + phases.get(i - 1).startUs() + ", was " + phases.get(i).startUs());
            }
        }
    }

    /** A single-phase workload. */
    public static SyntheticWorkload of(int pages, long rateTouchesPerSec, AccessPattern pattern) {
        return new SyntheticWorkload(pages, rateTouchesPerSec, List.of(Phase.of(0, pattern)));
    }

    /** An endless stream; draws one long from {@code stream} to seed its fast local generator. */
    public AccessStream open(StreamInterface stream) {
        return open(stream, UNBOUNDED);
    }

    /** A stream of the touches with time &lt; {@code durationUs}. */
    public AccessStream open(StreamInterface stream, long durationUs) {
        Checks.positive("durationUs", durationUs);
        return new SyntheticStream(this, new SplittableRandom(stream.nextLong()), durationUs);
    }
}
