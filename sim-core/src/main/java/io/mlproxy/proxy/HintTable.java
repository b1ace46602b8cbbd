package io.mlproxy.proxy;

import java.util.OptionalLong;

/**
 * An installed, validated recommendation: region hints as primitive arrays sorted by start page,
 * parameter hints, and when it was installed. Immutable except for the per-hint "used" marks the hot
 * path sets; published to the hot path through one volatile field, so a reader sees a whole table.
 */
public final class HintTable {
    final long generation;
    final long datasetTimestampMs;
    final long installedAtMs;
    final long[] starts;
    final long[] ends;
    final int[] actions;
    final int[] confidences;
    final String[] knobNames;
    final long[] knobValues;
    /** Set by decisions that used hint i; benign races only ever write {@code true}. */
    final boolean[] used;

    HintTable(Recommendation r, long datasetTimestampMs, long installedAtMs) {
        this.generation = r.generation;
        this.datasetTimestampMs = datasetTimestampMs;
        this.installedAtMs = installedAtMs;
        this.starts = r.starts;
        this.ends = r.ends;
        this.actions = r.actions;
        this.confidences = r.confidences;
        this.knobNames = r.knobNames;
        this.knobValues = r.knobValues;
        this.used = new boolean[r.starts.length];
    }

    /** Dataset generation the table answers. */
    public long generation() {
        return generation;
    }

    /** When the dataset this table answers was prepared (the age of its knowledge starts there). */
    public long datasetTimestampMs() {
        return datasetTimestampMs;
    }

    /** When the table was installed. */
    public long installedAtMs() {
        return installedAtMs;
    }

    /** Number of region hints. */
    public int size() {
        return starts.length;
    }

    /** First page of region hint i. */
    public long startPage(int i) {
        return starts[i];
    }

    /** Exclusive end page of region hint i. */
    public long endPage(int i) {
        return ends[i];
    }

    /** Action code of region hint i. */
    public int action(int i) {
        return actions[i];
    }

    /** Confidence of region hint i, per mille. */
    public int confidence(int i) {
        return confidences[i];
    }

    /** Number of parameter hints. */
    public int paramCount() {
        return knobNames.length;
    }

    /** Knob name of parameter hint i. */
    public String paramName(int i) {
        return knobNames[i];
    }

    /** Value of parameter hint i. */
    public long paramValue(int i) {
        return knobValues[i];
    }

    /** Number of region hints used by at least one decision so far. */
    public int usedCount() {
        int n = 0;
        for (boolean u : used) {
            if (u) {
                n++;
            }
        }
        return n;
    }

    /** The recommended value of a knob (linear scan; not for the hot path). */
    public OptionalLong param(String name) {
        for (int i = 0; i < knobNames.length; i++) {
            if (knobNames[i].equals(name)) {
                return OptionalLong.of(knobValues[i]);
            }
        }
        return OptionalLong.empty();
    }

    /** Index of the last hint whose start is &lt;= page, or -1 (binary search). */
    int floor(long page) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= page) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }
}
