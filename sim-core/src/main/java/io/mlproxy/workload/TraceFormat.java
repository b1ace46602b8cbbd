package io.mlproxy.workload;

/** The trace file formats the workbench replays. */
public enum TraceFormat {
    /** valgrind {@code --tool=lackey --trace-mem=yes}: lines {@code I}, {@code  L}, {@code  S}, {@code  M} addr,size. */
    LACKEY,
    /** One number per line (libCacheSim txt): decimal, or hexadecimal with a 0x prefix. */
    PLAIN,
    /** {@code time,address[,op]} per line, optional header line. */
    CSV,
    /** libCacheSim oracleGeneral: little-endian 24-byte records (u32 time, u64 id, u32 size, i64 next). */
    ORACLE_GENERAL
}
