package io.mlproxy.report;

/**
 * Starts Tablesaw's one-time initialisation in the background. Even without its class-path scan
 * ({@link Tables}), {@code Table}'s first use loads Tablesaw and ClassGraph and starts ClassGraph's
 * thread pool, about 0.1 s in a fresh JVM; overlapping it with reading the CSVs keeps a cold report
 * fast.
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
    Thread t = new Thread(Tables::initialise, "tablesaw-warm-up");
    t.setDaemon(true);
    t.start();
  }
}
