package io.mlproxy.scenario;

import java.nio.file.Path;

/**
 * A recorded access trace replayed as the workload.
 *
 * @param path the trace file, absolute (relative paths are resolved against the scenario's folder)
 * @param format the file format
 * @param addresses whether the trace holds byte addresses or page numbers
 * @param pageSizeBytes page size used to turn byte addresses into pages
 * @param time whether touches are spaced by {@code ratePerSecond} or by the trace's time column
 * @param ratePerSecond touches per second when {@code time} is {@code rate}
 * @param lenient skip malformed lines instead of failing
 * @param loop start again from the beginning at the end of the trace
 */
public record TraceSpec(
    Path path,
    Format format,
    Addresses addresses,
    long pageSizeBytes,
    Time time,
    long ratePerSecond,
    boolean lenient,
    boolean loop) {

  /** Trace file formats. */
  public enum Format {
    /** valgrind --tool=lackey --trace-mem=yes output. */
    LACKEY("lackey"),
    /** One address or page number per line. */
    PLAIN("plain"),
    /** CSV with an address column and optionally a time column. */
    CSV("csv"),
    /** libCacheSim's oracleGeneral binary records (timestamp, object id, size, next access). */
    ORACLE_GENERAL("oracle_general");

    private final String yamlName;

    Format(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** What the numbers in a trace denote. */
  public enum Addresses {
    /** Byte addresses, divided by the page size. */
    BYTES("bytes"),
    /** Page numbers. */
    PAGES("pages");

    private final String yamlName;

    Addresses(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }

  /** Where the simulated time of each touch comes from. */
  public enum Time {
    /** Evenly spaced at a fixed rate. */
    RATE("rate"),
    /** From the trace's own time column. */
    COLUMN("column");

    private final String yamlName;

    Time(String yamlName) {
      this.yamlName = yamlName;
    }

    /** The name used in scenario files. */
    public String yamlName() {
      return yamlName;
    }
  }
}
