package io.mlproxy.agent;

import java.util.Arrays;

/**
 * A decoded dataset as the agent holds it: one row per DAMON region, in address order.
 *
 * <p>Parallel primitive arrays, filled once per dataset read and then only read.
 */
public final class RegionTable {

  final long generation;
  final long timestampMs;
  final int count;
  final long[] start;
  final long[] end;
  final int[] nrAccesses;
  final int[] lastNrAccesses;
  final int[] age;
  final int[] residentPermille;
  final int[] refaults;

  /** Builds a table of {@code count} rows; the arrays are taken, not copied. */
  public RegionTable(
      long generation,
      long timestampMs,
      int count,
      long[] start,
      long[] end,
      int[] nrAccesses,
      int[] lastNrAccesses,
      int[] age,
      int[] residentPermille,
      int[] refaults) {
    this.generation = generation;
    this.timestampMs = timestampMs;
    this.count = count;
    this.start = start;
    this.end = end;
    this.nrAccesses = nrAccesses;
    this.lastNrAccesses = lastNrAccesses;
    this.age = age;
    this.residentPermille = residentPermille;
    this.refaults = refaults;
  }

  public long generation() {
    return generation;
  }

  public long timestampMs() {
    return timestampMs;
  }

  public int count() {
    return count;
  }

  public long start(int i) {
    return start[i];
  }

  public long end(int i) {
    return end[i];
  }

  public int nrAccesses(int i) {
    return nrAccesses[i];
  }

  public int lastNrAccesses(int i) {
    return lastNrAccesses[i];
  }

  public int age(int i) {
    return age[i];
  }

  public int residentPermille(int i) {
    return residentPermille[i];
  }

  public int refaults(int i) {
    return refaults[i];
  }

  /** Index of the region holding {@code page}, or −1. */
  public int regionOf(long page) {
    int i = Arrays.binarySearch(start, 0, count, page);
    if (i < 0) {
      i = -i - 2;
    }
    return i >= 0 && page < end[i] ? i : -1;
  }
}
