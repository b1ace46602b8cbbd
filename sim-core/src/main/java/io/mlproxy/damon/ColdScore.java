package io.mlproxy.damon;

/**
 * DAMON's prioritisation score (damon_hot_score / damon_cold_score in mm/damon/ops-common.c),
 * integer arithmetic only: higher = colder = paged out first.
 */
public final class ColdScore {

    /** DAMOS_MAX_SCORE. */
    public static final int MAX_SCORE = 99;
    private static final int MAX_SUBSCORE = 100;
    private static final int MAX_AGE_IN_LOG = 32;

    private ColdScore() {
    }

    /** Hotness in [0, 99] from frequency and log2 of the age in seconds. */
    public static int hot(int nrAccesses, int age, int maxNrAccesses, long aggregationUs,
                          int weightNrAccesses, int weightAge) {
        int freqSubscore = nrAccesses * MAX_SUBSCORE / maxNrAccesses;
        long ageInSec = (long) age * aggregationUs / 1_000_000L;
        int ageInLog = 0;
        while (ageInLog < MAX_AGE_IN_LOG && ageInSec != 0) {
            ageInLog++;
            ageInSec >>= 1;
        }
        // with no access at all, an older region is colder, not hotter
        if (freqSubscore == 0) {
            ageInLog = -ageInLog;
        }
        ageInLog += MAX_AGE_IN_LOG;
        int ageSubscore = ageInLog * MAX_SUBSCORE / MAX_AGE_IN_LOG / 2;
        int hotness = weightNrAccesses * freqSubscore + weightAge * ageSubscore;
        if (weightNrAccesses + weightAge != 0) {
            hotness /= weightNrAccesses + weightAge;
        }
        return hotness * MAX_SCORE / MAX_SUBSCORE;
    }

    /** Coldness: MAX_SCORE - hotness. */
    public static int cold(int nrAccesses, int age, int maxNrAccesses, long aggregationUs,
                           int weightNrAccesses, int weightAge) {
        return MAX_SCORE - hot(nrAccesses, age, maxNrAccesses, aggregationUs, weightNrAccesses, weightAge);
    }
}
