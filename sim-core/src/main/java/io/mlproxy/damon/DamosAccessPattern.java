package io.mlproxy.damon;

/**
 * The regions a scheme targets (struct damos_access_pattern); every bound is inclusive.
 *
 * @param minSizeBytes   smallest region size
 * @param maxSizeBytes   largest region size
 * @param minNrAccesses  lowest nr_accesses
 * @param maxNrAccesses  highest nr_accesses
 * @param minAge         lowest age, in aggregation intervals
 * @param maxAge         highest age, in aggregation intervals
 */
public record DamosAccessPattern(long minSizeBytes, long maxSizeBytes, int minNrAccesses, int maxNrAccesses,
                                 int minAge, int maxAge) {

    public DamosAccessPattern {
        if (minSizeBytes < 0 || maxSizeBytes < minSizeBytes) {
            throw new IllegalArgumentException("size bounds [" + minSizeBytes + ", " + maxSizeBytes + "] invalid");
        }
        if (minNrAccesses < 0 || maxNrAccesses < minNrAccesses) {
            throw new IllegalArgumentException("nr_accesses bounds [" + minNrAccesses + ", " + maxNrAccesses + "] invalid");
        }
        if (minAge < 0 || maxAge < minAge) {
            throw new IllegalArgumentException("age bounds [" + minAge + ", " + maxAge + "] invalid");
        }
    }

    /** Whether a region of these figures matches (__damos_valid_target). */
    public boolean matches(long sizeBytes, int nrAccesses, int age) {
        return minSizeBytes <= sizeBytes && sizeBytes <= maxSizeBytes
                && minNrAccesses <= nrAccesses && nrAccesses <= maxNrAccesses
                && minAge <= age && age <= maxAge;
    }

    /** This pattern with another minimum age. */
    public DamosAccessPattern withMinAge(int newMinAge) {
        return new DamosAccessPattern(minSizeBytes, maxSizeBytes, minNrAccesses, maxNrAccesses, newMinAge,
                Math.max(newMinAge, maxAge));
    }
}
