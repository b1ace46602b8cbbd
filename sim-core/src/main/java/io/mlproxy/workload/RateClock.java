package io.mlproxy.workload;

/**
 * Times of touches issued at a fixed rate: touch i at {@code floor(i * 1e6 / rate)} µs, computed
 * incrementally (no division per touch, no overflow however long the run).
 */
final class RateClock {
    private final long rate;
    private final long stepUs;
    private final long stepRemainder;

    private long secondBaseUs;
    private long inSecond;
    private long offsetUs;
    private long remainder;

    RateClock(long rate) {
        this.rate = rate;
        this.stepUs = 1_000_000L / rate;
        this.stepRemainder = 1_000_000L % rate;
    }

    /** Time of the current (next to issue) touch. */
    long nowUs() {
        return secondBaseUs + offsetUs;
    }

    /** Moves to the next touch. */
    void tick() {
        if (++inSecond == rate) {
            inSecond = 0;
            secondBaseUs += 1_000_000L;
            offsetUs = 0;
            remainder = 0;
            return;
        }
        offsetUs += stepUs;
        remainder += stepRemainder;
        if (remainder >= rate) {
            remainder -= rate;
            offsetUs++;
        }
    }

    /** Restarts the grid at {@code timeUs} (a synthetic phase that begins after an idle gap). */
    void restartAt(long timeUs) {
        secondBaseUs = timeUs;
        inSecond = 0;
        offsetUs = 0;
        remainder = 0;
    }
}
