package io.mlproxy.workload;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative long keys (raw trace pages) to ints, linear probing, no boxing.
 * Used for dense page remapping and distinct-page counting. Keys below {@link #DIRECT_LIMIT} (page
 * numbers of a trace already written in pages, as libCacheSim's are) are looked up in a plain array
 * instead, grown to the largest such key met: one load per touch instead of a hash and a probe.
 */
final class LongIntHashMap {
    private static final long EMPTY = -1L;
    /** Keys below this go to the direct array (at most 4 MiB of it). */
    static final int DIRECT_LIMIT = 1 << 20;

    /** Value + 1 of each small key, 0 for absent. */
    private int[] direct = new int[0];

    private long[] keys;
    private int[] values;
    private int size;
    /** Keys in the hash part (its load factor). */
    private int hashed;
    private int mask;

    LongIntHashMap(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        values = new int[cap];
        mask = cap - 1;
    }

    int size() {
        return size;
    }

    /** The value of {@code key}, inserting {@code valueIfAbsent} first if the key is new. */
    int getOrPut(long key, int valueIfAbsent) {
        if (key >= 0 && key < direct.length) {
            int v = direct[(int) key];
            if (v != 0) {
                return v - 1;
            }
        }
        if (key >= 0 && key < DIRECT_LIMIT) {
            return putDirect((int) key, valueIfAbsent);
        }
        int slot = slot(key);
        while (true) {
            long k = keys[slot];
            if (k == key) {
                return values[slot];
            }
            if (k == EMPTY) {
                keys[slot] = key;
                values[slot] = valueIfAbsent;
                size++;
                if (++hashed * 2 > keys.length) {
                    grow();
                }
                return valueIfAbsent;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int putDirect(int key, int value) {
        if (key >= direct.length) {
            direct = Arrays.copyOf(direct, Math.max(64, Integer.highestOneBit(key) << 1));
        }
        if (direct[key] != 0) {
            return direct[key] - 1;
        }
        direct[key] = value + 1;
        size++;
        return value;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        if (keys.length >= 1 << 30) {
            throw new IllegalStateException("more than 2^29 distinct pages");
        }
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new int[keys.length];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long k = oldKeys[i];
            if (k != EMPTY) {
                int slot = slot(k);
                while (keys[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = k;
                values[slot] = oldValues[i];
            }
        }
    }
}
