package io.mlproxy.memory;

/**
 * An intrusive doubly linked LRU list over page numbers, stored in one {@code int[]} with the
 * previous and next links of a page side by side (one cache line per page on a hit).
 * Head = most recently used, tail = least recently used.
 */
final class LruList {

    static final int NIL = -1;

    /** links[2p] = previous (towards the head), links[2p+1] = next (towards the tail). */
    private final int[] links;
    private int head = NIL;
    private int tail = NIL;

    LruList(int pages) {
        links = new int[2 * pages];
    }

    int head() {
        return head;
    }

    int tail() {
        return tail;
    }

    /** The page after {@code page} towards the tail, or {@link #NIL}. */
    int next(int page) {
        return links[2 * page + 1];
    }

    /** Inserts a page that is not in the list at the head. */
    void pushFront(int page) {
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

    /** Moves a page that is in the list to the head (the hit path). */
    void moveToFront(int page) {
        if (page != head) {
            remove(page);
            pushFront(page);
        }
    }

    /** Moves a page that is in the list to the tail. */
    void moveToBack(int page) {
        if (page != tail) {
            remove(page);
            pushBack(page);
        }
    }

    /** Removes and returns the least recently used page; the list must not be empty. */
    int removeTail() {
        int victim = tail;
        remove(victim);
        return victim;
    }
}
