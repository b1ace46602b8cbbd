package io.mlproxy.workload;

/**
 * Replay of one trace as an {@link AccessStream}: folds the reader's raw pages into [0, N) by the
 * spec's {@link PageMapping} and times touches by the trace's own column or the configured rate.
 * Streams the file: memory is independent of the trace length (DENSE keeps one map entry per
 * distinct page).
 */
public final class TraceStream implements AccessStream {
    private final TraceReader reader;
    private final int pages;
    private final PageMapping mapping;
    private final boolean ownTime;
    private final RateClock clock;
    private final LongIntHashMap dense;

    /** The last raw page folded and its page: consecutive touches of one page are common in traces. */
    private long lastRaw = -1;
    private int lastFolded;
    /** The reader when it can decode whole batches (oracleGeneral with times from the rate), else null. */
    private final OracleGeneralReader bulk;
    private long[] rawBatch;
    private long pendingPage;
    private long pendingCount;
    private long pendingTimeUs;
    private long touches;
    private boolean ended;

    TraceStream(TraceReader reader, TraceSpec spec) {
        this.reader = reader;
        this.pages = spec.pages();
        this.mapping = spec.mapping();
        this.ownTime = spec.time() == TimeSource.OWN_COLUMN;
        this.clock = ownTime ? null : new RateClock(spec.rateTouchesPerSec());
        this.dense = mapping == PageMapping.DENSE ? new LongIntHashMap(Math.min(pages, 1 << 16)) : null;
        this.bulk = !ownTime && reader instanceof OracleGeneralReader og ? og : null;
    }

    @Override
    public int pages() {
        return pages;
    }

    /** Malformed lines or records skipped so far (lenient mode; always 0 in strict mode). */
    public long skippedRecords() {
        return reader.skipped();
    }

    /** Distinct raw pages met so far with {@link PageMapping#DENSE} (more than {@link #pages()} alias); 0 otherwise. */
    public long distinctPages() {
        return dense == null ? 0 : dense.size();
    }

    /** Touches delivered so far. */
    public long touchesRead() {
        return touches;
    }

    @Override
    public int read(int[] pageOut, long[] timeOut, int max) {
        if (bulk != null && pendingCount == 0) {
            return readBulk(pageOut, timeOut, max);
        }
        int n = 0;
        while (n < max) {
            if (pendingCount == 0) {
                if (ended || !reader.next()) {
                    ended = true;
                    break;
                }
                pendingPage = reader.firstPage;
                pendingCount = reader.pageCount;
                pendingTimeUs = reader.timeUs;
            }
            pageOut[n] = fold(pendingPage);
            pendingPage++;
            pendingCount--;
            if (ownTime) {
                timeOut[n] = pendingTimeUs;
            } else {
                timeOut[n] = clock.nowUs();
                clock.tick();
            }
            n++;
        }
        touches += n;
        return n;
    }

    /** oracleGeneral at a rate: whole batches of records decoded at once (no per-record state). */
    private int readBulk(int[] pageOut, long[] timeOut, int max) {
        if (ended) {
            return 0;
        }
        if (rawBatch == null || rawBatch.length < max) {
            rawBatch = new long[Math.max(max, 1024)];
        }
        long[] raw = rawBatch;
        int n = bulk.nextPages(raw, max);
        if (n == 0) {
            ended = true;
            return 0;
        }
        for (int i = 0; i < n; i++) {
            pageOut[i] = fold(raw[i]);
            timeOut[i] = clock.nowUs();
            clock.tick();
        }
        touches += n;
        return n;
    }

    private int fold(long raw) {
        switch (mapping) {
            case MODULO:
                return (int) (raw % pages);
            case IDENTITY:
                if (raw >= pages) {
                    throw reader.error("page " + raw + " is outside the address space of " + pages
                            + " pages (use DENSE or MODULO mapping, or size the space with Traces.scan)");
                }
                return (int) raw;
            default:
                if (raw == lastRaw) {
                    return lastFolded;
                }
                int id = dense.getOrPut(raw, dense.size());
                lastRaw = raw;
                lastFolded = id < pages ? id : id % pages;
                return lastFolded;
        }
    }

    @Override
    public void close() {
        ended = true;
        reader.close();
    }
}
