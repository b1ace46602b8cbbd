package io.mlproxy.engine;

import java.util.Arrays;

/**
 * Pages due at a tick: a binary min-heap of {@code tick << 32 | page} in one {@code long[]}, so the
 * events of a tick come out in page order and nothing is allocated per event. Entries are not
 * removed when they go stale; whoever pops one checks it still applies.
 */
final class EventCalendar {

    private long[] heap;
    private int size;

    EventCalendar(int capacity) {
        heap = new long[Math.max(16, capacity)];
    }

    static long entry(int tick, int page) {
        return (long) tick << 32 | (page & 0xFFFF_FFFFL);
    }

    static int tickOf(long entry) {
        return (int) (entry >>> 32);
    }

    static int pageOf(long entry) {
        return (int) entry;
    }

    int size() {
        return size;
    }

    /** Appends without ordering; call {@link #heapify} before the first {@link #poll}. */
    void append(long e) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, heap.length + (heap.length >> 1));
        }
        heap[size++] = e;
    }

    /** Restores the heap order after {@link #append}s, in O(n). */
    void heapify() {
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i, heap[i]);
        }
    }

    void add(long e) {
        append(e);
        int i = size - 1;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = heap[parent];
            if (p <= e) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = e;
    }

    /** The smallest entry; the calendar must not be empty. */
    long peek() {
        return heap[0];
    }

    long poll() {
        long top = heap[0];
        long last = heap[--size];
        if (size > 0) {
            siftDown(0, last);
        }
        return top;
    }

    private void siftDown(int i, long e) {
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = heap[child];
            int right = child + 1;
            if (right < size && heap[right] < c) {
                child = right;
                c = heap[child];
            }
            if (e <= c) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = e;
    }
}
