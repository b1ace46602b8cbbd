package io.mlproxy.agent;

import io.mlproxy.proxy.RingArrays;

/**
 * Labels past samples from later datasets: was the region touched within the horizon?
 *
 * <p>A sample taken at time t over pages [start, end) becomes positive as soon as a later
 * dataset (no later than t + horizon) shows an overlapping region with accesses or refaults, and
 * negative once a dataset later than t + horizon arrives without that. DAMON only reports the
 * last aggregation interval in each dataset, so touches between datasets can be missed: labels
 * are biased towards "idle", exactly as a real agent reading DAMON snapshots would be.
 *
 * <p>A sample no dataset looked at within its horizon (the agent was down or starved) gets no
 * label and is dropped: "no activity seen" means idle only when someone was looking. Without this,
 * an agent coming back from a crash would label every region of before the crash idle, hot ones
 * included, and learn that busy regions go cold.
 *
 * <p>Pending samples live in a bounded ring of primitive arrays (grown as it fills, up to its
 * capacity); when it is full the oldest sample is dropped (and counted) rather than growing without bound.
 */
public final class LabelTracker {

  /** Receives each sample when its label is known. */
  @FunctionalInterface
  public interface LabelSink {
    void labelled(double[] features, boolean touched);
  }

  private final long horizonMs;
  private final int capacity;
  /** Physical slots of the arrays: they grow with the ring up to {@code capacity} ({@link RingArrays}). */
  private int slots;
  private final int dim;
  private long[] start;
  private long[] end;
  private long[] takenMs;
  private boolean[] touched;
  private boolean[] observed;
  private double[] features;
  private final double[] scratch;
  private int head;
  private int size;
  private long dropped;
  private long unobserved;

  public LabelTracker(long horizonMs, int capacity, int dimension) {
    this(horizonMs, capacity, dimension, RingArrays.initialLength(Math.max(1, capacity)));
  }

  /** A tracker whose arrays start with {@code initialSlots} (at most {@code capacity}) slots. */
  LabelTracker(long horizonMs, int capacity, int dimension, int initialSlots) {
    if (horizonMs <= 0 || capacity <= 0 || dimension <= 0) {
      throw new IllegalArgumentException(
          "horizon, capacity and dimension must be positive: " + horizonMs + ", " + capacity + ", " + dimension);
    }
    this.horizonMs = horizonMs;
    this.capacity = capacity;
    this.dim = dimension;
    this.slots = Math.max(1, Math.min(capacity, initialSlots));
    this.start = new long[slots];
    this.end = new long[slots];
    this.takenMs = new long[slots];
    this.touched = new boolean[slots];
    this.observed = new boolean[slots];
    this.features = new double[slots * dimension];
    this.scratch = new double[dimension];
  }

  /** Doubles the slots (up to the capacity), the pending samples first. */
  private void grow() {
    int n = RingArrays.grownLength(slots, capacity);
    start = RingArrays.grow(start, head, size, n);
    end = RingArrays.grow(end, head, size, n);
    takenMs = RingArrays.grow(takenMs, head, size, n);
    touched = RingArrays.grow(touched, head, size, n);
    observed = RingArrays.grow(observed, head, size, n);
    double[] f = new double[n * dim];
    RingArrays.copy(features, slots, head, size, f, dim);
    features = f;
    head = 0;
    slots = n;
  }

  /** Remembers a sample to be labelled later. */
  public void add(long startPage, long endPage, long atMs, double[] x) {
    if (size == capacity) {
      head = (head + 1) % slots;
      size--;
      dropped++;
    } else if (size == slots) {
      grow();
    }
    int slot = (head + size) % slots;
    start[slot] = startPage;
    end[slot] = endPage;
    takenMs[slot] = atMs;
    touched[slot] = false;
    observed[slot] = false;
    System.arraycopy(x, 0, features, slot * dim, dim);
    size++;
  }

  /**
   * Marks pending samples touched by {@code table} and hands every sample whose label is now
   * final to {@code sink}, oldest first.
   */
  public void observe(RegionTable table, LabelSink sink) {
    long now = table.timestampMs();
    for (int k = 0; k < size; k++) {
      int slot = (head + k) % slots;
      if (!touched[slot] && now > takenMs[slot] && now - takenMs[slot] <= horizonMs) {
        observed[slot] = true;
        if (anyActivity(table, start[slot], end[slot])) {
          touched[slot] = true;
        }
      }
    }
    // Samples resolve in arrival order: positives as soon as seen, negatives after the horizon.
    while (size > 0) {
      int slot = head;
      boolean expired = now - takenMs[slot] > horizonMs;
      if (!touched[slot] && !expired) {
        break;
      }
      if (observed[slot]) {
        System.arraycopy(features, slot * dim, scratch, 0, dim);
        sink.labelled(scratch, touched[slot]);
      } else {
        unobserved++;
      }
      head = (head + 1) % slots;
      size--;
    }
  }

  /** Samples still waiting for a label. */
  public int pending() {
    return size;
  }

  /** Samples dropped unlabelled because no dataset was seen within their horizon. */
  public long unobserved() {
    return unobserved;
  }

  /** Samples dropped because the ring was full. */
  public long dropped() {
    return dropped;
  }

  private static boolean anyActivity(RegionTable t, long s, long e) {
    int i = t.regionOf(s);
    if (i < 0) {
      i = 0;
    }
    for (; i < t.count() && t.start(i) < e; i++) {
      if (t.end(i) > s && (t.nrAccesses(i) > 0 || t.refaults(i) > 0)) {
        return true;
      }
    }
    return false;
  }
}
