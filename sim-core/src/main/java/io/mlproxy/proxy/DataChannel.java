package io.mlproxy.proxy;

/**
 * Character-device-like byte interface of a proxy, the only data path of the user-space agent.
 *
 * <ul>
 * <li>{@link #readDataset}: dataset bytes of a generation at an offset, like pread(2).</li>
 * <li>{@link #writeRecommendation}: appends bytes to a bounded buffer (capacity from
 * {@link ProxyConfig#recommendationBufferBytes()}). A write that does not fit fails with ENOSPC
 * and leaves the buffer unchanged. Messages are framed by their header's payload length: each
 * time a write completes a message, it is processed at once by preprocessRecommendation +
 * applyRecommendation (accepted or rejected and counted) and removed from the buffer. A header
 * that is not a recommendation header (bad magic, negative or impossible length, a message larger
 * than the buffer) cannot be framed: the buffered bytes are counted as one rejected message and
 * dropped. Rejection does not fail the write; the agent sees it in the counters and
 * {@code last_reject}.</li>
 * <li>{@link #readFeedback}: a stream of sealed feedback batches, read in portions.</li>
 * </ul>
 */
public final class DataChannel {
    /** The buffer's first size. */
    static final int INITIAL_BYTES = 1 << 16;
    private final MlModelProxy proxy;
    /** The buffer's bound (recommendation_buffer_bytes). */
    private final int capacity;
    /** Grown as messages need room, up to {@code capacity}: most messages are a few KiB of a 4 MiB bound. */
    private byte[] buffer;
    private int fill;
    /** True while drain runs, so a re-entrant write appends and leaves the framing to the running loop. */
    private boolean draining;

    /** The channel of one initialized proxy. */
    public DataChannel(MlModelProxy proxy) {
        ProxyConfig cfg = proxy.config();
        if (cfg == null) {
            throw new MlLibException(Errno.EINVAL, "data channel: proxy not initialized");
        }
        this.proxy = proxy;
        this.capacity = cfg.recommendationBufferBytes();
        this.buffer = new byte[Math.min(capacity, INITIAL_BYTES)];
    }

    /**
     * Reads up to {@code len} bytes of dataset {@code generation} from {@code offset}; returns the
     * count, 0 at the end. ESTALE for an obsolete generation, ENODATA for an unknown one, EAGAIN
     * before it is published.
     */
    public int readDataset(long generation, long offset, byte[] dst, int dstOff, int len) {
        return proxy.readDataset(generation, offset, dst, dstOff, len);
    }

    /** Reads the next bytes of the feedback stream; 0 when no feedback is queued. */
    public int readFeedback(byte[] dst, int dstOff, int len) {
        return proxy.readFeedback(dst, dstOff, len);
    }

    /** Bytes of an incomplete message waiting in the buffer. */
    public synchronized int pendingBytes() {
        return fill;
    }

    /** Free space in the buffer. */
    public synchronized int freeBytes() {
        return capacity - fill;
    }

    /**
     * Writes recommendation bytes; returns {@code len}, or fails with ENOSPC (does not fit), EINVAL
     * (bad bounds) or ESHUTDOWN (model destroyed), changing nothing.
     */
    public int writeRecommendation(byte[] src, int off, int len) {
        synchronized (proxy) {
            synchronized (this) {
                if (src == null || off < 0 || len < 0 || off > src.length - len) {
                    throw new MlLibException(Errno.EINVAL, "write: buffer bounds off=" + off + " len=" + len);
                }
                ModelState st = proxy.state();
                if (st == ModelState.SHUTTING_DOWN) {
                    throw new MlLibException(Errno.ESHUTDOWN, "write: model is " + st);
                }
                if (len > capacity - fill) {
                    throw new MlLibException(Errno.ENOSPC, "write: " + len + " bytes, " + (capacity - fill)
                            + " free of " + capacity);
                }
                if (len > buffer.length - fill) {
                    long need = (long) fill + len;
                    long grown = Math.max(need, 2L * buffer.length);
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(capacity, grown));
                }
                System.arraycopy(src, off, buffer, fill, len);
                fill += len;
                drain();
                return len;
            }
        }
    }

    private void drain() {
        if (draining) {
            return; // a write from inside ingest (a subsystem callback): the running loop picks it up
        }
        draining = true;
        try {
            drainMessages();
        } finally {
            draining = false;
        }
    }

    private void drainMessages() {
        while (fill >= RecommendationCodec.HEADER_SIZE) {
            long length = RecommendationCodec.announcedLength(buffer, 0, fill);
            boolean framable = LittleEndian.i32(buffer, 0) == RecommendationCodec.MAGIC
                    && length >= RecommendationCodec.HEADER_SIZE && length <= capacity;
            int n;
            if (!framable) {
                n = fill; // cannot find the next message boundary: all buffered bytes go as one rejected message
            } else if (length > fill) {
                return;
            } else {
                n = (int) length;
            }
            // decoded in place: preprocess_recommendation copies what it keeps into fresh arrays and
            // validates all of it before anything is applied, so the bytes are free again afterwards
            try {
                ingest(buffer, n);
            } finally {
                System.arraycopy(buffer, n, buffer, 0, fill - n);
                fill -= n;
            }
        }
    }

    private void ingest(byte[] msg, int n) {
        try {
            proxy.submitRecommendation(msg, 0, n);
        } catch (MlLibException rejected) {
            // counted by the proxy; visible in counters and last_reject
        }
    }
}
