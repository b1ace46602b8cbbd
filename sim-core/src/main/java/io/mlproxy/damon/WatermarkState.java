package io.mlproxy.damon;

/** Activation state of a scheme under its watermarks (damos_wmark_wait_us). */
final class WatermarkState {

    private final DamosWatermarks marks;
    /** damon_new_scheme starts every scheme activated. */
    private boolean active = true;

    WatermarkState(DamosWatermarks marks) {
        this.marks = marks;
    }

    boolean active() {
        return active;
    }

    /**
     * damos_wmark_wait_us: re-evaluates the metric and returns how long kdamond may sleep for this
     * scheme, 0 when it is (now) active. Above high or below low the scheme deactivates; an inactive
     * scheme between mid and high stays inactive; otherwise it activates.
     */
    long waitUs(int freeMemoryPermille) {
        if (!marks.enabled()) {
            active = true;
            return 0;
        }
        int metric = freeMemoryPermille;
        if (metric > marks.high() || metric < marks.low()) {
            active = false;
            return marks.intervalUs();
        }
        if (!active && metric >= marks.mid()) {
            return marks.intervalUs();
        }
        active = true;
        return 0;
    }
}
