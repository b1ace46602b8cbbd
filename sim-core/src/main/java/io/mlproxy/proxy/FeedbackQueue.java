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
    /** Physical slots of the arrays: they grow with the queue up to {@code capacity} ({@link RingArrays}). */
    private int slots;
    private long[] generation;
    private long[] start;
    private long[] end;
    private long[] value;
    private int[] refaults;
    private byte[] source;
    private byte[] action;
    private int head;
    private int size;
    private long dropped;
    private long queued;
    private long delivered;

    private byte[] batch;
    private int batchPos;

    FeedbackQueue(int capacity) {
        this(capacity, RingArrays.initialLength(capacity));
    }

    /** A queue whose arrays start with {@code initialSlots} (at most {@code capacity}) slots. */
    FeedbackQueue(int capacity, int initialSlots) {
        this.capacity = capacity;
        slots = Math.min(capacity, initialSlots);
        generation = new long[slots];
        start = new long[slots];
        end = new long[slots];
        value = new long[slots];
        refaults = new int[slots];
        source = new byte[slots];
        action = new byte[slots];
    }

    /** Doubles the slots (up to the capacity), the queued records first. */
    private void grow() {
        int n = RingArrays.grownLength(slots, capacity);
        generation = RingArrays.grow(generation, head, size, n);
        start = RingArrays.grow(start, head, size, n);
        end = RingArrays.grow(end, head, size, n);
        value = RingArrays.grow(value, head, size, n);
        refaults = RingArrays.grow(refaults, head, size, n);
        source = RingArrays.grow(source, head, size, n);
        action = RingArrays.grow(action, head, size, n);
        head = 0;
        slots = n;
    }

    /** Queues a record; returns false (and counts it) when the queue is full. */
    boolean offer(long gen, long startPage, long endPage, int src, int act, long valuePageMs, int refaultCount) {
        if (size == capacity) {
            dropped++;
            return false;
        }
        if (size == slots) {
            grow();
        }
        int i = (head + size) % slots;
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
            int i = (head + k) % slots;
            FeedbackCodec.writeRecord(b, off, generation[i], start[i], end[i], value[i], refaults[i], source[i],
                    action[i]);
        }
        head = (head + n) % slots;
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
