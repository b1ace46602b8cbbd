package io.mlproxy.report;

/**
 * A DAMON access heatmap of one replication: per output step and address bucket, the access
 * frequency in per-mille of the maximum nr_accesses (NaN where the file had no row), and the
 * resident share of the bucket's pages in per-mille ({@code residentPermille} is null for results
 * written before heatmap.csv had that column).
 */
public record Heatmap(
    double[] times, long[] startPage, long[] endPage, double[][] permille, double[][] residentPermille) {

  /** Number of address buckets. */
  public int buckets() {
    return startPage.length;
  }

  /** Whether the file recorded which pages were resident. */
  public boolean hasResidency() {
    return residentPermille != null;
  }
}
