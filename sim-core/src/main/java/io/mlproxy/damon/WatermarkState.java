package io.mlproxy.damon;

/** Activation state of a scheme under its watermarks (damos_wmark_wait_us). */
final class WatermarkState {

    private final DamosWatermarks marks;
    /** damon_new_scheme starts every scheme activated. */
    private boolean active = true;
    private long nextCheckUs;

    WatermarkState(DamosWatermarks marks) {
        this.marks = marks;
    }

    boolean active() {
        return active;
    }

    /**
     * Re-evaluates the metric: an active scheme every time it is asked, an inactive one only
     * once its check interval has passed.
     */
    boolean update(long nowUs, int freeMemoryPermille) {
        if (!marks.enabled()) {
            active = true;
            return true;
        }
        if (!active && nowUs < nextCheckUs) {
            return false;
        }
        int metric = freeMemoryPermille;
        if (metric > marks.high() || metric < marks.low()) {
            active = false;
        } else if (!active && metric >= marks.mid()) {
            active = false;
        } else {
            active = true;
        }
        if (!active) {
            nextCheckUs = nowUs + marks.intervalUs();
        }
        return active;
    }
}
