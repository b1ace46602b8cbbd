package io.mlproxy.memory;

/**
 * Set bits of a page bitset counted per block of {@value #BLOCK_PAGES} pages, kept up to date as
 * bits change, so that counting a range of millions of pages (DAMON refreshes every region's
 * residency twice per aggregation) reads a few thousand counts instead of every word, and clearing
 * the bitset touches only blocks that hold a bit.
 */
final class BlockCounts {

    static final int BLOCK_SHIFT = 12;
    static final int BLOCK_PAGES = 1 << BLOCK_SHIFT;

    private final int[] counts;
    private long total;

    BlockCounts(int pages) {
        counts = new int[(pages + BLOCK_PAGES - 1) >>> BLOCK_SHIFT];
    }

    /** A bit of {@code page} was set (it was clear). */
    void added(int page) {
        counts[page >>> BLOCK_SHIFT]++;
        total++;
    }

    /** A bit of {@code page} was cleared (it was set). */
    void removed(int page) {
        counts[page >>> BLOCK_SHIFT]--;
        total--;
    }

    long total() {
        return total;
    }

    /** Set bits of {@code bits} in [start, end): whole blocks from the counts, the edges word by word. */
    int count(long[] bits, int start, int end) {
        if (start >= end || total == 0) {
            return 0;
        }
        int firstFull = (start + BLOCK_PAGES - 1) >>> BLOCK_SHIFT;
        int lastFull = end >>> BLOCK_SHIFT;
        if (firstFull >= lastFull) {
            return Bits.count(bits, start, end);
        }
        int n = Bits.count(bits, start, firstFull << BLOCK_SHIFT) + Bits.count(bits, lastFull << BLOCK_SHIFT, end);
        for (int b = firstFull; b < lastFull; b++) {
            n += counts[b];
        }
        return n;
    }

    /** Clears every bit of {@code bits}, touching only the blocks that hold one. */
    void clearAll(long[] bits) {
        if (total == 0) {
            return;
        }
        int wordsPerBlock = BLOCK_PAGES >>> 6;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] != 0) {
                int from = b * wordsPerBlock;
                java.util.Arrays.fill(bits, from, Math.min(bits.length, from + wordsPerBlock), 0L);
                counts[b] = 0;
            }
        }
        total = 0;
    }
}
