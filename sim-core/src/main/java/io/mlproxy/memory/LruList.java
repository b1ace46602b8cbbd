package io.mlproxy.memory;

/**
 * An LRU list over page numbers. Head = most recently used, tail = least recently used.
 *
 * <p>The order is only ever read when a page must be evicted (or the list walked), and a memory
 * that never fills up never reads it, while every hit moves a page to the head. So the list starts
 * <em>stamped</em>: each move to the head gives the page the next stamp of an increasing counter,
 * each move to the tail the next of a decreasing one, and the order is the pages by stamp, highest
 * first: one store per hit. The first read of the order sorts the stamps once into the
 * <em>linked</em> form, an intrusive doubly linked list in one {@code int[]} with the previous and
 * next links of a page side by side (one cache line per page on a hit), kept from then on, since a
 * memory that evicted once usually goes on evicting. Both forms give the very same order.
 */
final class LruList {

    static final int NIL = -1;
    /** Stamp of a page not in the list. */
    private static final long ABSENT = Long.MIN_VALUE;

    private final int pages;
    /** Per page, its stamp while stamped ({@link #ABSENT} if not in the list); null once linked. */
    private long[] stamps;
    private long front;
    private long back;
    private int size;

    /** links[2p] = previous (towards the head), links[2p+1] = next (towards the tail); null while stamped. */
    private int[] links;
    private int head = NIL;
    private int tail = NIL;

    LruList(int pages) {
        this.pages = pages;
        stamps = new long[pages];
        java.util.Arrays.fill(stamps, ABSENT);
    }

    int head() {
        linked();
        return head;
    }

    int tail() {
        linked();
        return tail;
    }

    /** The page after {@code page} towards the tail, or {@link #NIL}. */
    int next(int page) {
        linked();
        return links[2 * page + 1];
    }

    /** Inserts a page that is not in the list at the head. */
    void pushFront(int page) {
        if (stamps != null) {
            stamps[page] = ++front;
            size++;
            return;
        }
        int i = page << 1;
        links[i] = NIL;
        links[i + 1] = head;
        if (head != NIL) {
            links[head << 1] = page;
        } else {
            tail = page;
        }
        head = page;
    }

    /** Inserts a page that is not in the list at the tail. */
    void pushBack(int page) {
        if (stamps != null) {
            stamps[page] = --back;
            size++;
            return;
        }
        int i = page << 1;
        links[i] = tail;
        links[i + 1] = NIL;
        if (tail != NIL) {
            links[(tail << 1) + 1] = page;
        } else {
            head = page;
        }
        tail = page;
    }

    /** Unlinks a page that is in the list. */
    void remove(int page) {
        if (stamps != null) {
            stamps[page] = ABSENT;
            size--;
            return;
        }
        int i = page << 1;
        int prev = links[i];
        int next = links[i + 1];
        if (prev != NIL) {
            links[(prev << 1) + 1] = next;
        } else {
            head = next;
        }
        if (next != NIL) {
            links[next << 1] = prev;
        } else {
            tail = prev;
        }
    }

    /**
     * The stamps while the list is stamped, else null: {@link Memory}'s batch loop gives hits their
     * stamps itself, with the counter in a register ({@link #front()}, {@link #front(long)}), and
     * must call {@link #moveToFront} instead once this is null.
     */
    long[] stampsOrNull() {
        return stamps;
    }

    /** The last stamp given to a move to the head. */
    long front() {
        return front;
    }

    /** Sets the last stamp given to a move to the head (after a batch of hits stamped by the caller). */
    void front(long last) {
        front = last;
    }

    /** Moves a page that is in the list to the head (the hit path). */
    void moveToFront(int page) {
        if (stamps != null) {
            stamps[page] = ++front;
            return;
        }
        if (page != head) {
            remove(page);
            pushFront(page);
        }
    }

    /** Moves a page that is in the list to the tail. */
    void moveToBack(int page) {
        if (stamps != null) {
            stamps[page] = --back;
            return;
        }
        if (page != tail) {
            remove(page);
            pushBack(page);
        }
    }

    /** Removes and returns the least recently used page; the list must not be empty. */
    int removeTail() {
        linked();
        int victim = tail;
        remove(victim);
        return victim;
    }

    /** Turns the stamped form into the linked one (once): the pages by stamp, highest at the head. */
    private void linked() {
        if (stamps == null) {
            return;
        }
        long[] sorted = new long[size];
        int n = 0;
        for (int p = 0; p < pages; p++) {
            if (stamps[p] != ABSENT) {
                sorted[n++] = stamps[p];
            }
        }
        java.util.Arrays.sort(sorted);
        // stamps are distinct: a page's rank is where its stamp sits among them
        int[] byRank = new int[n];
        for (int p = 0; p < pages; p++) {
            if (stamps[p] != ABSENT) {
                byRank[java.util.Arrays.binarySearch(sorted, stamps[p])] = p;
            }
        }
        stamps = null;
        links = new int[2 * pages];
        for (int r = 0; r < n; r++) {
            pushFront(byRank[r]);
        }
    }
}
