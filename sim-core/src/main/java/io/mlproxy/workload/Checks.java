package io.mlproxy.workload;

/** Argument checks whose messages name the field and its allowed range. */
final class Checks {
    private Checks() {
    }

    static double fraction(String field, double v, boolean zeroAllowed) {
        boolean ok = zeroAllowed ? v >= 0.0 && v <= 1.0 : v > 0.0 && v <= 1.0;
        if (!ok) {
            throw new IllegalArgumentException(field + " must be in " + (zeroAllowed ? "[0, 1]" : "(0, 1]")
                    + ", was " + v);
        }
        return v;
    }

    static long positive(String field, long v) {
        if (v <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + v);
        }
        return v;
    }

    /** Rounds {@code fraction * pages} to a page count in [1, pages]. */
    static int pagesOf(double fraction, int pages) {
        long k = Math.round(fraction * pages);
        return (int) Math.max(1, Math.min(pages, k));
    }
}
