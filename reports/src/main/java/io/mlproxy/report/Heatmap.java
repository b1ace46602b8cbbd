package io.mlproxy.report;

/**
 * A DAMON access heatmap of one replication: per output step and address bucket, the access
 * frequency in per-mille of the maximum nr_accesses (NaN where the file had no row).
 */
public record Heatmap(double[] times, long[] startPage, long[] endPage, double[][] permille) {

  /** Number of address buckets. */
  public int buckets() {
    return startPage.length;
  }
}
