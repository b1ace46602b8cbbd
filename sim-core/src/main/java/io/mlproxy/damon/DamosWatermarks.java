package io.mlproxy.damon;

/**
 * Activation of a scheme by the free-memory rate (struct damos_watermarks, metric
 * DAMOS_WMARK_FREE_MEM_RATE, in per-mille). Above {@code high} or below {@code low} the scheme is
 * deactivated; an inactive scheme reactivates only once the rate is below {@code mid}.
 *
 * @param enabled     false = metric "none": always active
 * @param intervalUs  how often an inactive scheme re-checks
 * @param high        high watermark, per-mille
 * @param mid         middle watermark, per-mille
 * @param low         low watermark, per-mille
 */
public record DamosWatermarks(boolean enabled, long intervalUs, int high, int mid, int low) {

    public DamosWatermarks {
        if (enabled && !(0 <= low && low <= mid && mid <= high && high <= 1000)) {
            throw new IllegalArgumentException("watermarks need 0 <= low <= mid <= high <= 1000, got "
                    + low + "/" + mid + "/" + high);
        }
        if (enabled && intervalUs <= 0) {
            throw new IllegalArgumentException("watermark intervalUs must be > 0, got " + intervalUs);
        }
    }

    /** No watermarks: the scheme is always active. */
    public static DamosWatermarks none() {
        return new DamosWatermarks(false, 0, 0, 0, 0);
    }
}
