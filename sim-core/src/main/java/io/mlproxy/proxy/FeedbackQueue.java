package io.mlproxy.proxy;

/**
 * Bounded FIFO of feedback records in primitive arrays, read out as sealed {@link FeedbackCodec}
 * batches by portions like a character device. When full, new records are dropped and counted
 * (like a lost-records count in a kernel ring buffer) rather than failing the caller.
 */
final class FeedbackQueue {
    /** Records sealed into one batch at most. */
    static final int MAX_BATCH_RECORDS = 4096;

    private final int capacity;
    private final long[] generation;
    private final long[] start;
    private final long[] end;
    private final long[] value;
    private final int[] refaults;
    private final byte[] source;
    private final byte[] action;
    private int head;
    private int size;
    private long dropped;
    private long queued;
    private long delivered;

    private byte[] batch;
    private int batchPos;

    FeedbackQueue(int capacity) {
        this.capacity = capacity;
        generation = new long[capacity];
        start = new long[capacity];
        end = new long[capacity];
        value = new long[capacity];
        refaults = new int[capacity];
        source = new byte[capacity];
        action = new byte[capacity];
    }

    /** Queues a record; returns false (and counts it) when the queue is full. */
    boolean offer(long gen, long startPage, long endPage, int src, int act, long valuePageMs, int refaultCount) {
        if (size == capacity) {
            dropped++;
            return false;
        }
        int i = (head + size) % capacity;
        generation[i] = gen;
        start[i] = startPage;
        end[i] = endPage;
        value[i] = valuePageMs;
        refaults[i] = refaultCount;
        source[i] = (byte) src;
        action[i] = (byte) act;
        size++;
        queued++;
        return true;
    }

    /**
     * Copies the next bytes of the current batch into dst; seals a new batch from the queue when the
     * previous one was fully read. Returns 0 when nothing is queued.
     */
    int read(byte[] dst, int off, int len, long datasetGeneration, long nowMs) {
        if (batch == null || batchPos == batch.length) {
            if (size == 0) {
                batch = null;
                return 0;
            }
            seal(datasetGeneration, nowMs);
        }
        int n = Math.min(len, batch.length - batchPos);
        System.arraycopy(batch, batchPos, dst, off, n);
        batchPos += n;
        return n;
    }

    private void seal(long datasetGeneration, long nowMs) {
        int n = Math.min(size, MAX_BATCH_RECORDS);
        byte[] b = new byte[WireHeader.SIZE + n * FeedbackCodec.RECORD_SIZE];
        int off = WireHeader.SIZE;
        for (int k = 0; k < n; k++, off += FeedbackCodec.RECORD_SIZE) {
            int i = (head + k) % capacity;
            FeedbackCodec.writeRecord(b, off, generation[i], start[i], end[i], value[i], refaults[i], source[i],
                    action[i]);
        }
        head = (head + n) % capacity;
        size -= n;
        delivered += n;
        FeedbackCodec.sealHeader(b, datasetGeneration, n, nowMs, dropped);
        batch = b;
        batchPos = 0;
    }

    int size() {
        return size;
    }

    long dropped() {
        return dropped;
    }

    long queued() {
        return queued;
    }

    long delivered() {
        return delivered;
    }
}
