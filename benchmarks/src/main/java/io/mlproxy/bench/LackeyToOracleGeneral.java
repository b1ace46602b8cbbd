package io.mlproxy.bench;

import io.mlproxy.workload.AccessStream;
import io.mlproxy.workload.TraceSpec;
import io.mlproxy.workload.Traces;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Converts a valgrind lackey trace into a libCacheSim oracleGeneral trace, optionally repeated
 * {@code copies} times, so the workbench and {@code cachesim} can replay the same requests.
 *
 * <p>The touches are the ones a scenario with {@code format: lackey} replays (data accesses, 4 KiB
 * pages, an access spanning pages touches each; read through the workbench's own lackey reader),
 * object ids are those pages numbered densely in order of first touch, the size is 4,096, the time
 * is touch index / {@code rate} in whole seconds and next_access_vtime is the index of the next
 * request to the same object across the repeated file (-1 for none).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mlproxy.bench.LackeyToOracleGeneral IN.lackey[.gz|.zst] OUT [COPIES [RATE]]
 * </pre>
 */
public final class LackeyToOracleGeneral {

    private LackeyToOracleGeneral() {
    }

    /** Converts {@code args[0]} into {@code args[1]}; prints touches, distinct pages and records written. */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: LackeyToOracleGeneral IN.lackey[.gz|.zst] OUT.oracleGeneral [COPIES [RATE]]");
            System.exit(2);
        }
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        long rate = args.length > 3 ? Long.parseLong(args[3]) : 1_000_000L;
        if (copies < 1 || rate < 1) {
            System.err.println("COPIES and RATE must be >= 1");
            System.exit(2);
        }
        int[] pages = read(Path.of(args[0]));
        int distinct = Arrays.stream(pages).max().orElse(-1) + 1;
        long written = write(pages, distinct, copies, rate, Path.of(args[1]));
        System.out.printf("%s: %d touches on %d distinct pages; %s: %d records (%d copies)%n",
                args[0], pages.length, distinct, args[1], written, copies);
    }

    /** The data touches of a lackey trace, as dense page numbers 0..distinct-1. */
    static int[] read(Path lackey) {
        int[] pages = new int[1 << 20];
        int n = 0;
        int[] batch = new int[8192];
        long[] times = new long[8192];
        try (AccessStream s = Traces.open(TraceSpec.lackey(lackey, Integer.MAX_VALUE, 1_000_000L))) {
            int k;
            while ((k = s.read(batch, times, batch.length)) > 0) {
                if (n + k > pages.length) {
                    if (pages.length > Integer.MAX_VALUE / 2) {
                        throw new IllegalArgumentException(lackey + " holds more than 2^30 touches");
                    }
                    pages = Arrays.copyOf(pages, pages.length * 2);
                }
                System.arraycopy(batch, 0, pages, n, k);
                n += k;
            }
        }
        return Arrays.copyOf(pages, n);
    }

    /** Writes {@code copies} repetitions of {@code pages} as oracleGeneral records; returns the record count. */
    static long write(int[] pages, int distinct, int copies, long rate, Path target) {
        int n = pages.length;
        // next request to the same object within one copy, and the first request of each object,
        // from which the next access across a copy boundary follows
        int[] nextInCopy = new int[n];
        int[] first = new int[distinct];
        Arrays.fill(first, -1);
        for (int i = n - 1; i >= 0; i--) {
            nextInCopy[i] = first[pages[i]];
            first[pages[i]] = i;
        }
        long total = (long) n * copies;
        try (OracleGeneralFile.Writer w = new OracleGeneralFile.Writer(target)) {
            long index = 0;
            for (int c = 0; c < copies; c++) {
                long base = (long) c * n;
                for (int i = 0; i < n; i++, index++) {
                    long next;
                    if (nextInCopy[i] >= 0) {
                        next = base + nextInCopy[i];
                    } else {
                        next = c + 1 < copies ? base + n + first[pages[i]] : -1;
                    }
                    w.record(index / rate, pages[i], 4096, next);
                }
            }
            w.commit();
        }
        return total;
    }
}
