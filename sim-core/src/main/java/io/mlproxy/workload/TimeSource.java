package io.mlproxy.workload;

/** Where a replayed touch gets its time. */
public enum TimeSource {
    /** The trace's own time column, rebased so that the first record is at 0. */
    OWN_COLUMN,
    /** A fixed rate: touch i at {@code i * 1e6 / rate} µs. */
    RATE
}
