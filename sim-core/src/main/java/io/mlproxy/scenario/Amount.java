package io.mlproxy.scenario;

/**
 * A capacity given either as a size or as a percentage of the address space. Capacities may
 * exceed the address space (the node has more DRAM than the workload uses), up to
 * {@link #MAX_PERCENT}.
 */
record Amount(long bytes, double percent, boolean isPercent) {

  static final String FORM = "a size such as 48MiB or a percentage of the address space such as 75%";

  /** Largest capacity accepted, in percent of the address space. */
  static final double MAX_PERCENT = 1000;

  static ValueType<Amount> type() {
    return ValueType.of(
        FORM,
        "1 page..1000%",
        text -> {
          if (text.strip().endsWith("%")) {
            double pct = Units.percent(text);
            if (pct <= 0 || pct > MAX_PERCENT) {
              throw new BadValue(SafeText.quote(text) + " is out of range", "a percentage > 0% and ≤ 1000%");
            }
            return new Amount(0, pct, true);
          }
          long b;
          try {
            b = Units.sizeBytes(text);
          } catch (BadValue bad) {
            throw new BadValue(bad.getMessage(), FORM);
          }
          if (b <= 0) {
            throw new BadValue(SafeText.quote(text) + " is out of range", "a size greater than 0B");
          }
          return new Amount(b, 0, false);
        });
  }

  /**
   * Resolves to whole pages of an address space, or reports why it cannot: a size must be a
   * multiple of the page size, and the result must be between one page and {@code maxPages}.
   */
  int toPages(int pages, long pageSize, long maxPages, Section s, String key) {
    long result;
    if (isPercent) {
      // exact: a percentage has at most 30 decimals, and pages * percent fits a BigDecimal
      result = java.math.BigDecimal.valueOf(pages).multiply(java.math.BigDecimal.valueOf(percent))
          .divide(java.math.BigDecimal.valueOf(100), 0, java.math.RoundingMode.FLOOR).longValueExact();
    } else {
      if (bytes % pageSize != 0) {
        s.error(key, "'" + Units.formatSize(bytes) + "' is not a whole number of pages (expected a multiple of page_size "
            + Units.formatSize(pageSize) + ")");
        return -1;
      }
      result = bytes / pageSize;
    }
    if (result > maxPages) {
      s.error(key, (isPercent ? Units.formatSize(Math.multiplyExact(result, pageSize)) : Units.formatSize(bytes))
          + " is too large (expected at most " + Units.formatSize(Math.multiplyExact(maxPages, pageSize)) + ")");
      return -1;
    }
    if (result < 1) {
      s.error(key, "less than one page (expected at least one page of " + Units.formatSize(pageSize) + ")");
      return -1;
    }
    return (int) result;
  }
}
