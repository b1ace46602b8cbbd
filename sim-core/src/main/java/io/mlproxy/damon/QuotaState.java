package io.mlproxy.damon;

/**
 * Runtime state of a quota: the charge window and the effective size quota
 * (damos_adjust_quota / damos_set_effective_quota). Times are simulated microseconds.
 */
final class QuotaState {

    /** esz when the scheme has no quota. */
    static final long UNLIMITED = Long.MAX_VALUE;

    long timeMs;
    long sizeBytes;
    final long resetIntervalUs;

    long esz = UNLIMITED;
    long chargedBytes;
    long totalChargedBytes;
    long totalChargedNs;
    private boolean windowStarted;
    private long chargedFromUs;
    long qtExceeds;

    QuotaState(DamosQuota quota) {
        this.timeMs = quota.timeMs();
        this.sizeBytes = quota.sizeBytes();
        this.resetIntervalUs = quota.resetIntervalMs() * 1000;
    }

    boolean limited() {
        return timeMs > 0 || sizeBytes > 0;
    }

    /** Starts the first window or a new one when the reset interval has passed. */
    void adjust(long nowUs, int pageSizeBytes) {
        if (!limited()) {
            esz = UNLIMITED;
            return;
        }
        if (!windowStarted) {
            windowStarted = true;
            chargedFromUs = nowUs;
            setEffective(pageSizeBytes);
        }
        if (nowUs >= chargedFromUs + resetIntervalUs) {
            if (chargedBytes >= esz) {
                qtExceeds++;
            }
            totalChargedBytes += chargedBytes;
            chargedFromUs = nowUs;
            chargedBytes = 0;
            setEffective(pageSizeBytes);
        }
    }

    /** esz = min(timeMs x throughput, sizeBytes); throughput from what was charged so far, bytes per ms. */
    private void setEffective(int pageSizeBytes) {
        long e = UNLIMITED;
        if (timeMs > 0) {
            long throughput = totalChargedNs > 0 ? mulDiv(totalChargedBytes, 1_000_000, totalChargedNs)
                    : pageSizeBytes * 1024L;
            e = saturatingMultiply(throughput, timeMs);
        }
        if (sizeBytes > 0 && sizeBytes < e) {
            e = sizeBytes;
        }
        // at least one page per window, or a zero throughput estimate would stop the scheme for good
        esz = Math.max(e, pageSizeBytes);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    long remainingBytes() {
        return esz == UNLIMITED ? UNLIMITED : Math.max(0, esz - chargedBytes);
    }

    void charge(long bytes, long cpuNs) {
        chargedBytes += bytes;
        totalChargedNs += cpuNs;
    }

    /** a·b/c for non-negative values, saturating instead of overflowing. */
    private static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if (hi == 0 && lo >= 0) {
            return lo / c;
        }
        return saturatingMultiply(a / c, b);
    }
}
