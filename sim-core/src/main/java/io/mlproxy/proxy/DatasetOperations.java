package io.mlproxy.proxy;

/**
 * Subsystem-specific dataset behaviour, the counterpart of {@code struct ml_lib_dataset_operations}.
 * {@link #extract} is the one method a subsystem must provide; {@link #preprocess} has the generic
 * default (sort by start page, then validate).
 */
@FunctionalInterface
public interface DatasetOperations {
    /**
     * Writes the subsystem's current regions into {@code sink}. Throwing any exception marks the
     * dataset EXTRACTION_FAILURE.
     */
    void extract(DatasetWriter sink);

    /**
     * Prepares extracted regions for publishing. The generic version sorts by start page and checks
     * that regions are non-empty, inside [0, addressSpacePages), non-overlapping, and that
     * resident_permille is within 0..1000; a violation is an {@link MlLibException} (EBADMSG) and
     * marks the dataset CORRUPTED.
     */
    default void preprocess(RegionRecords regions, long addressSpacePages) {
        genericPreprocess(regions, addressSpacePages);
    }

    /** The generic preprocessing, callable from overrides. */
    static void genericPreprocess(RegionRecords r, long addressSpacePages) {
        r.sortByStart();
        long prevEnd = 0;
        for (int i = 0; i < r.size(); i++) {
            long s = r.startPage(i);
            long e = r.endPage(i);
            if (s >= e || s < 0 || e > addressSpacePages) {
                throw new MlLibException(Errno.EBADMSG, "dataset region " + i + ": [" + s + ", " + e
                        + ") empty or outside [0, " + addressSpacePages + ")");
            }
            if (s < prevEnd) {
                throw new MlLibException(Errno.EBADMSG, "dataset region " + i + " starting at " + s
                        + " overlaps the previous one ending at " + prevEnd);
            }
            if (r.residentPermille(i) < 0 || r.residentPermille(i) > 1000) {
                throw new MlLibException(Errno.EBADMSG, "dataset region " + i + ": resident_permille "
                        + r.residentPermille(i) + " outside 0..1000");
            }
            prevEnd = e;
        }
    }
}
