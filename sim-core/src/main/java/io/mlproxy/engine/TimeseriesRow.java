package io.mlproxy.engine;

/**
 * One row of timeseries.csv: what happened during one output step (see docs/results-format.md).
 */
public record TimeseriesRow(
    long timeUs,
    long residentPages,
    long footprintPages,
    long touches,
    long hits,
    long faults,
    long refaults,
    long pagesPagedOut,
    long directReclaims,
    long reclaimCpuUs,
    long stallUs,
    long accessTimeUs,
    ProxyColumns proxy,
    int freePermille) implements java.io.Serializable {

  /** The header of timeseries.csv, matching {@link #write(Csv)}. */
  public static final String[] HEADER = header();

  private static String[] header() {
    String[] memory = {
      "time_s", "resident_pages", "footprint_pages", "touches", "hits", "faults", "refaults",
      "pages_paged_out", "direct_reclaims", "reclaim_cpu_us", "stall_us", "access_time_us"
    };
    String[] h = new String[memory.length + ProxyColumns.HEADER.length + 1];
    System.arraycopy(memory, 0, h, 0, memory.length);
    System.arraycopy(ProxyColumns.HEADER, 0, h, memory.length, ProxyColumns.HEADER.length);
    h[h.length - 1] = "free_permille";
    return h;
  }

  /** Writes this row. */
  public void write(Csv csv) {
    csv.num(timeUs / 1e6)
        .num(residentPages)
        .num(footprintPages)
        .num(touches)
        .num(hits)
        .num(faults)
        .num(refaults)
        .num(pagesPagedOut)
        .num(directReclaims)
        .num(reclaimCpuUs)
        .num(stallUs)
        .num(accessTimeUs);
    proxy.write(csv);
    csv.num(freePermille).end();
  }
}
