package io.mlproxy.proxy;

/**
 * One dataset generation: the regions extracted from the subsystem, their encoded bytes once
 * preprocessed, and a {@link DatasetState} that follows extraction and reads. Guarded by the
 * owning proxy's lock.
 */
public final class Dataset {
    private final long generation;
    private final long preparedAtMs;
    private DatasetState state = DatasetState.ALLOCATED;
    private RegionRecords regions;
    private byte[] bytes;

    /** @param expectedRegions how many regions extraction will probably write (sizes the columns once) */
    Dataset(long generation, long preparedAtMs, int expectedRegions) {
        this.generation = generation;
        this.preparedAtMs = preparedAtMs;
        this.regions = new RegionRecords(Math.max(RegionRecords.DEFAULT_CAPACITY, expectedRegions));
    }

    /** Generation number (1, 2, ...). */
    public long generation() {
        return generation;
    }

    /** When the regions were extracted. */
    public long preparedAtMs() {
        return preparedAtMs;
    }

    /** Current state. */
    public DatasetState state() {
        return state;
    }

    /** Encoded length in bytes, or 0 before preprocessing. */
    public int sizeBytes() {
        return bytes == null ? 0 : bytes.length;
    }

    RegionRecords regions() {
        return regions;
    }

    boolean encoded() {
        return bytes != null;
    }

    void encode(long addressSpacePages) {
        bytes = DatasetCodec.encode(generation, preparedAtMs, addressSpacePages, regions);
        regions = null;
    }

    void moveTo(DatasetState next) {
        state = next;
        if (next == DatasetState.OBSOLETE || next == DatasetState.CORRUPTED
                || next == DatasetState.EXTRACTION_FAILURE) {
            regions = null;
        }
    }

    /**
     * Copies up to {@code len} bytes starting at {@code offset} into dst, like read(2) on a character
     * device: returns the count, 0 at or past the end. The state becomes EXTRACTED_COMPLETELY when the
     * last byte is delivered, EXTRACTED_PARTIALLY after any other non-empty read.
     */
    int read(long offset, byte[] dst, int dstOff, int len) {
        if (offset >= bytes.length) {
            return 0;
        }
        int n = (int) Math.min(len, bytes.length - offset);
        System.arraycopy(bytes, (int) offset, dst, dstOff, n);
        if (offset + n == bytes.length) {
            state = DatasetState.EXTRACTED_COMPLETELY;
        } else if (n > 0 && state == DatasetState.CLEAN) {
            state = DatasetState.EXTRACTED_PARTIALLY;
        }
        return n;
    }
}
