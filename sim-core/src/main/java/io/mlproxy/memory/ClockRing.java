package io.mlproxy.memory;

import java.util.Arrays;

/**
 * Second-chance CLOCK over a fixed number of frames: a touched page gets its reference bit set;
 * eviction sweeps the hand, clearing set bits, and takes the first page whose bit is clear.
 * A new page goes into the frame of the victim (or the lowest free frame) with its bit set.
 */
final class ClockRing {

    private static final int EMPTY = -1;

    private final int[] pageInFrame;
    private final int[] frameOfPage;
    private final long[] referenced;
    /** Stack of free frames; the lowest frame on top so an empty ring fills 0, 1, 2, ... */
    private final int[] freeFrames;
    private int freeTop;
    private int hand;

    ClockRing(int pages, int frames) {
        pageInFrame = new int[frames];
        Arrays.fill(pageInFrame, EMPTY);
        frameOfPage = new int[pages];
        referenced = Bits.forBits(pages);
        freeFrames = new int[frames];
        for (int i = 0; i < frames; i++) {
            freeFrames[i] = frames - 1 - i;
        }
        freeTop = frames;
    }

    /** Sets the reference bit of a page that is in the ring (the hit path). */
    void reference(int page) {
        referenced[page >>> 6] |= 1L << page;
    }

    /** Clears the reference bit, making the page the next candidate the hand reaches. */
    void unreference(int page) {
        referenced[page >>> 6] &= ~(1L << page);
    }

    /** Puts a page that is not in the ring into a free frame; there must be one. */
    void insert(int page) {
        int frame = freeFrames[--freeTop];
        pageInFrame[frame] = page;
        frameOfPage[page] = frame;
        reference(page);
    }

    /** Takes a page out of its frame (pageout), freeing the frame. */
    void remove(int page) {
        int frame = frameOfPage[page];
        pageInFrame[frame] = EMPTY;
        unreference(page);
        freeFrames[freeTop++] = frame;
    }

    /** Evicts by the CLOCK rule and returns the victim; every frame must be occupied. */
    int evict() {
        int frames = pageInFrame.length;
        while (true) {
            int page = pageInFrame[hand];
            if ((referenced[page >>> 6] & (1L << page)) == 0) {
                break;
            }
            unreference(page);
            hand = hand + 1 == frames ? 0 : hand + 1;
        }
        int victim = pageInFrame[hand];
        remove(victim);
        hand = hand + 1 == frames ? 0 : hand + 1;
        return victim;
    }
}
