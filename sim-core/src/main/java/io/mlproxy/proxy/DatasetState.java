package io.mlproxy.proxy;

/** State of one dataset generation, following its extraction and reads (ml_lib dataset states). */
public enum DatasetState {
    /** Generation allocated, records being gathered from the subsystem. */
    ALLOCATED,
    /** Published and readable; nobody has read it yet. */
    CLEAN,
    /** Some bytes were read, not the last one. */
    EXTRACTED_PARTIALLY,
    /** The last byte was read at least once. */
    EXTRACTED_COMPLETELY,
    /** Superseded by a newer generation or discarded; reads fail with ESTALE. */
    OBSOLETE,
    /** The subsystem failed to supply the records. */
    EXTRACTION_FAILURE,
    /** The supplied records were invalid (overlapping, out of range, ...). */
    CORRUPTED;

    /** True when the dataset's bytes may be read. */
    public boolean readable() {
        return this == CLEAN || this == EXTRACTED_PARTIALLY || this == EXTRACTED_COMPLETELY;
    }
}
