package io.mlproxy.damon;

/**
 * A scheme's quota and prioritisation weights (struct damos_quota). Zero {@code timeMs} and
 * zero {@code sizeBytes} mean no quota. The effective size quota per window is
 * min(timeMs x measured throughput, sizeBytes), as damos_set_effective_quota computes it.
 *
 * @param timeMs            CPU time the action may use per reset interval
 * @param sizeBytes         bytes the action may be applied to per reset interval
 * @param resetIntervalMs   charge window length
 * @param weightSize        weight of region size in the score (kept for fidelity: mainline's score ignores it)
 * @param weightNrAccesses  weight of access frequency in the score
 * @param weightAge         weight of age in the score
 */
public record DamosQuota(long timeMs, long sizeBytes, long resetIntervalMs, int weightSize, int weightNrAccesses,
                         int weightAge) {

    public DamosQuota {
        if (timeMs < 0 || sizeBytes < 0) {
            throw new IllegalArgumentException("quota timeMs/sizeBytes must be >= 0, got " + timeMs + "/" + sizeBytes);
        }
        if (resetIntervalMs <= 0 && (timeMs > 0 || sizeBytes > 0)) {
            throw new IllegalArgumentException("quota resetIntervalMs must be > 0, got " + resetIntervalMs);
        }
        if (weightSize < 0 || weightNrAccesses < 0 || weightAge < 0) {
            throw new IllegalArgumentException("quota weights must be >= 0");
        }
    }

    /** No quota; age-only prioritisation. */
    public static DamosQuota unlimited() {
        return new DamosQuota(0, 0, 1000, 0, 0, 1);
    }
}
