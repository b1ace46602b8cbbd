package io.mlproxy.workload;

import java.io.Closeable;

/**
 * A stream of page touches read in batches into caller-owned primitive buffers, the workload side of
 * what DAMON samples: pages are {@code 0..pages()-1}, times are microseconds and never decrease.
 *
 * <p>Errors while reading are unchecked: {@link TraceFormatException} for bad trace content,
 * {@link java.io.UncheckedIOException} for I/O failures.
 */
public interface AccessStream extends Closeable {

    /** The size N of the address space, in pages; every page this stream yields lies in [0, N). */
    int pages();

    /**
     * Writes up to {@code max} touches into {@code pages[0..)} and {@code timesUs[0..)}.
     *
     * @return how many touches were written; 0 means the stream has ended (and stays ended)
     */
    int read(int[] pages, long[] timesUs, int max);

    /** Releases the underlying file, if any; never throws a checked exception. */
    @Override
    void close();
}
