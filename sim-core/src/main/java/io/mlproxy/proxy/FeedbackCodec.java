package io.mlproxy.proxy;

/**
 * Binary feedback format (kernel → agent): a {@link WireHeader} with magic "MLFB", generation = the
 * newest dataset generation at sealing time, aux = feedback records dropped so far, followed by
 * little-endian records of {@value #RECORD_SIZE} bytes, one per judged decision on which the model had an
 * opinion; each judges that opinion, whoever carried the decision out:
 * <pre>
 *  off size field
 *   0   8   generation  (i64, generation of the advice in force when the decision was taken; 0 = none)
 *   8   8   start_page  (i64)
 *  16   8   end_page    (i64, exclusive)
 *  24   8   value       (i64, page-milliseconds the model's opinion was worth: Σ (min(g, W) − B) over
 *                        the judged pages for a page-out, 0 otherwise; negative = it cost more than it saved)
 *  32   4   refaults    (i32, judged pages needed again within W)
 *  36   1   source      (who carried the decision out: 0 DEFAULT, 1 ML)
 *  37   1   action      (the model's opinion, HintAction code)
 *  38   2   reserved    (0)
 * </pre>
 */
public final class FeedbackCodec {
    /** Magic of a feedback batch. */
    public static final int MAGIC = LittleEndian.magic("MLFB");
    /** Record size written by this version. */
    public static final int RECORD_SIZE = 40;
    /** Largest record size a decoder accepts. */
    public static final int MAX_RECORD_SIZE = 4096;

    private FeedbackCodec() {
    }

    /** One feedback record. */
    public record Record(long generation, long startPage, long endPage, long valuePageMs, int refaults,
                         int source, int action) {
    }

    /** A decoded feedback batch. */
    public record Batch(WireHeader header, java.util.List<Record> records) {
        /** Records the proxy dropped before this batch because its queue was full. */
        public long droppedSoFar() {
            return header.aux();
        }
    }

    static void writeRecord(byte[] b, int off, long generation, long startPage, long endPage, long valuePageMs,
                            int refaults, int source, int action) {
        LittleEndian.putI64(b, off, generation);
        LittleEndian.putI64(b, off + 8, startPage);
        LittleEndian.putI64(b, off + 16, endPage);
        LittleEndian.putI64(b, off + 24, valuePageMs);
        LittleEndian.putI32(b, off + 32, refaults);
        b[off + 36] = (byte) source;
        b[off + 37] = (byte) action;
        LittleEndian.putU16(b, off + 38, 0);
    }

    /** Seals a payload of {@code count} records already written after a header-sized gap. */
    static void sealHeader(byte[] b, long generation, int count, long timestampMs, long dropped) {
        int crc = LittleEndian.crc32(b, WireHeader.SIZE, b.length - WireHeader.SIZE);
        new WireHeader(MAGIC, WireHeader.VERSION, generation, count, RECORD_SIZE, timestampMs, crc, dropped)
                .writeTo(b, 0);
    }

    /** Encodes records as one batch (used by tests and by agents that echo feedback). */
    public static byte[] encode(long generation, long timestampMs, long dropped, java.util.List<Record> records) {
        byte[] b = new byte[WireHeader.SIZE + records.size() * RECORD_SIZE];
        int off = WireHeader.SIZE;
        for (Record r : records) {
            writeRecord(b, off, r.generation(), r.startPage(), r.endPage(), r.valuePageMs(), r.refaults(),
                    r.source(), r.action());
            off += RECORD_SIZE;
        }
        sealHeader(b, generation, records.size(), timestampMs, dropped);
        return b;
    }

    /**
     * Decodes and checks one complete batch: header, CRC, and per record a known source and action
     * code; any fault is an {@link MlLibException} naming the record.
     */
    public static Batch decode(byte[] b, int off, int len) {
        WireHeader h = WireHeader.parse(b, off, len, MAGIC, RECORD_SIZE, MAX_RECORD_SIZE, "feedback");
        java.util.List<Record> out = new java.util.ArrayList<>(h.recordCount());
        int p = off + WireHeader.SIZE;
        for (int i = 0; i < h.recordCount(); i++, p += h.recordSize()) {
            int source = b[p + 36] & 0xFF;
            int action = b[p + 37] & 0xFF;
            if (source > DecisionSource.CODE_ML) {
                throw new MlLibException(Errno.EBADMSG, "feedback record " + i + ": unknown source " + source);
            }
            if (!HintAction.isValid(action)) {
                throw new MlLibException(Errno.EBADMSG, "feedback record " + i + ": unknown action " + action);
            }
            out.add(new Record(LittleEndian.i64(b, p), LittleEndian.i64(b, p + 8), LittleEndian.i64(b, p + 16),
                    LittleEndian.i64(b, p + 24), LittleEndian.i32(b, p + 32), source, action));
        }
        return new Batch(h, java.util.List.copyOf(out));
    }

    /** Decodes a whole array. */
    public static Batch decode(byte[] b) {
        return decode(b, 0, b == null ? 0 : b.length);
    }
}
