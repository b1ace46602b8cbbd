package io.mlproxy.report;

import tech.tablesaw.api.Table;

/**
 * Starts Tablesaw's one-time initialisation in the background. {@code Table}'s static
 * initialiser scans the class path for readers and writers (ClassGraph), about a second in a
 * fresh JVM; overlapping it with reading the CSVs keeps a cold report fast.
 */
final class TablesawWarmup {

  private static volatile boolean started;

  private TablesawWarmup() {}

  /** Starts the initialisation once per JVM; later calls do nothing. */
  static void start() {
    if (started) {
      return;
    }
    started = true;
    Thread t = new Thread(() -> Table.create("warm-up"), "tablesaw-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
