package io.mlproxy.report;

import tech.tablesaw.api.Table;

/**
 * Tablesaw tables for the reports, with Tablesaw's {@code Table} class initialised without its
 * class-path scan.
 *
 * <p>{@code Table}'s static initialiser registers Tablesaw's own readers and writers (CSV, ...) by
 * scanning the whole class path with ClassGraph; over the workbench's shaded jar (about 42,600
 * entries) that costs about 0.9 s of CPU in a fresh JVM (0.5 s wall), taken from the simulation on
 * a 2-core machine even when run in the background. The reports never use those readers and
 * writers ({@code Table.read()}, {@code Table.write()}): results are read by the workbench's own CSV
 * readers and tables are rendered as HTML here. So the class is initialised once, here, while
 * {@code java.class.path} (where ClassGraph finds the class path of a JDK 9+ application class
 * loader) is empty; the scan then finds nothing, in a few milliseconds, and the property is put back
 * at once. Every table of the reports is created through {@link #create}.
 */
public final class Tables {

  private static volatile boolean initialised;

  private Tables() {}

  /** A new, empty Tablesaw table named {@code name}. */
  public static Table create(String name) {
    initialise();
    return Table.create(name);
  }

  /**
   * Initialises Tablesaw's {@code Table} class without the class-path scan; does nothing once
   * done (or if another path initialised it first, with the scan).
   */
  public static void initialise() {
    if (initialised) {
      return;
    }
    synchronized (Tables.class) {
      if (initialised) {
        return;
      }
      String classPath = System.getProperty("java.class.path");
      System.setProperty("java.class.path", "");
      try {
        Class.forName("tech.tablesaw.api.Table", true, Tables.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("Tablesaw is not on the class path", e);
      } finally {
        if (classPath == null) {
          System.clearProperty("java.class.path");
        } else {
          System.setProperty("java.class.path", classPath);
        }
      }
      initialised = true;
    }
  }
}
