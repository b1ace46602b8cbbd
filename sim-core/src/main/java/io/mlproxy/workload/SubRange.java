package io.mlproxy.workload;

/** A sub-range of the address space given as fractions, shared by the patterns that take one. */
final class SubRange {

    private SubRange() {
    }

    static void check(double startFraction, double lengthFraction) {
        if (!(startFraction >= 0.0 && startFraction < 1.0)) {
            throw new IllegalArgumentException("startFraction must be in [0, 1), was " + startFraction);
        }
        if (!(lengthFraction > 0.0 && lengthFraction <= 1.0)) {
            throw new IllegalArgumentException("lengthFraction must be in (0, 1], was " + lengthFraction);
        }
    }

    /** First page of the range. */
    static int base(int pages, double startFraction) {
        return Math.min(pages - 1, (int) Math.floor(startFraction * pages));
    }

    /** Pages in the range: at least one, clipped at the end of the address space. */
    static int span(int pages, int base, double lengthFraction) {
        int span = Math.max(1, (int) Math.floor(lengthFraction * pages));
        return Math.min(span, pages - base);
    }
}
