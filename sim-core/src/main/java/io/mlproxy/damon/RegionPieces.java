package io.mlproxy.damon;

/**
 * The pieces one scheme application cut regions into (quota boundaries, prefixes a decision hook
 * decided), collected during the walk and applied afterwards in one pass, so the walk's region
 * indices stay valid. A region decided in one piece keeps its slot; only its age may change.
 */
final class RegionPieces {

    private int[] region = new int[64];
    private int[] start = new int[64];
    private int[] end = new int[64];
    private int[] age = new int[64];
    private int count;
    /** firstPiece[r]: index of region r's first piece, -1 when it has none. */
    private int[] firstPiece = new int[0];
    private int[] pieceCount = new int[0];
    private int regionsWithSeveral;

    void reset(int regions) {
        count = 0;
        regionsWithSeveral = 0;
        if (firstPiece.length < regions) {
            firstPiece = new int[Math.max(regions, firstPiece.length * 2)];
            pieceCount = new int[firstPiece.length];
        }
        java.util.Arrays.fill(firstPiece, 0, regions, -1);
        java.util.Arrays.fill(pieceCount, 0, regions, 0);
    }

    /**
     * Appends a piece of region {@code r}; pieces of one region arrive consecutively, in address
     * order. A piece continuing the previous one with the same age joins it: cutting there would
     * leave two regions that differ in nothing.
     */
    void add(int r, int s, int e, int pieceAge) {
        if (count > 0 && region[count - 1] == r && age[count - 1] == pieceAge && end[count - 1] == s) {
            end[count - 1] = e;
            return;
        }
        if (count == region.length) {
            int cap = count * 2;
            region = java.util.Arrays.copyOf(region, cap);
            start = java.util.Arrays.copyOf(start, cap);
            end = java.util.Arrays.copyOf(end, cap);
            age = java.util.Arrays.copyOf(age, cap);
        }
        if (firstPiece[r] < 0) {
            firstPiece[r] = count;
        }
        if (++pieceCount[r] == 2) {
            regionsWithSeveral++;
        }
        region[count] = r;
        start[count] = s;
        end[count] = e;
        age[count] = pieceAge;
        count++;
    }

    /** Sets the ages of single-piece regions and splits the others into their pieces. */
    void applyTo(Regions regions) {
        int n = regions.count();
        if (regionsWithSeveral == 0) {
            for (int r = 0; r < n; r++) {
                if (firstPiece[r] >= 0) {
                    regions.setAge(r, age[firstPiece[r]]);
                }
            }
            return;
        }
        regions.replaceWithPieces(firstPiece, pieceCount, start, end, age);
    }
}
