package io.mlproxy.proxy;

/**
 * Binary dataset format (kernel → agent): a {@link WireHeader} with magic "MLDS", aux = address-space
 * pages, followed by fixed-size little-endian region records of {@value #RECORD_SIZE} bytes:
 * <pre>
 *  off size field
 *   0   8   start_page        (i64)
 *   8   8   end_page          (i64, exclusive)
 *  16   4   nr_accesses       (i32)
 *  20   4   last_nr_accesses  (i32)
 *  24   4   age               (i32, aggregation intervals)
 *  28   4   resident_permille (i32)
 *  32   4   recent_refaults   (i32)
 *  36   4   reserved          (0)
 * </pre>
 * A decoder accepts a larger record size from the header and ignores the extra bytes, so fields can
 * be appended later without a version bump.
 */
public final class DatasetCodec {
    /** Magic of a dataset. */
    public static final int MAGIC = LittleEndian.magic("MLDS");
    /** Record size written by this version. */
    public static final int RECORD_SIZE = 40;
    /** Smallest record size a decoder accepts (all known fields). */
    public static final int MIN_RECORD_SIZE = 36;
    /** Largest record size a decoder accepts. */
    public static final int MAX_RECORD_SIZE = 4096;

    private DatasetCodec() {
    }

    /** A decoded dataset. */
    public record Decoded(WireHeader header, RegionRecords regions) {
        /** Dataset generation. */
        public long generation() {
            return header.generation();
        }

        /** Address-space size in pages, as recorded by the proxy. */
        public long addressSpacePages() {
            return header.aux();
        }
    }

    /** Encodes regions as one dataset message. */
    public static byte[] encode(long generation, long timestampMs, long addressSpacePages, RegionRecords regions) {
        int n = regions.size();
        long total = WireHeader.SIZE + (long) n * RECORD_SIZE;
        if (total > Integer.MAX_VALUE - 8) {
            throw new MlLibException(Errno.E2BIG, "dataset of " + n + " regions exceeds 2 GiB");
        }
        byte[] b = new byte[(int) total];
        int off = WireHeader.SIZE;
        for (int i = 0; i < n; i++, off += RECORD_SIZE) {
            regions.writeRecord(i, b, off); // reserved bytes 36..39 stay 0 from the allocation
        }
        int crc = LittleEndian.crc32(b, WireHeader.SIZE, b.length - WireHeader.SIZE);
        new WireHeader(MAGIC, WireHeader.VERSION, generation, n, RECORD_SIZE, timestampMs, crc, addressSpacePages)
                .writeTo(b, 0);
        return b;
    }

    /** Decodes and checks a complete dataset message; any fault is an {@link MlLibException}. */
    public static Decoded decode(byte[] b, int off, int len) {
        WireHeader h = WireHeader.parse(b, off, len, MAGIC, MIN_RECORD_SIZE, MAX_RECORD_SIZE, "dataset");
        RegionRecords r = new RegionRecords(h.recordCount());
        int p = off + WireHeader.SIZE;
        for (int i = 0; i < h.recordCount(); i++, p += h.recordSize()) {
            r.region(LittleEndian.i64(b, p), LittleEndian.i64(b, p + 8), LittleEndian.i32(b, p + 16),
                    LittleEndian.i32(b, p + 20), LittleEndian.i32(b, p + 24), LittleEndian.i32(b, p + 28),
                    LittleEndian.i32(b, p + 32));
        }
        return new Decoded(h, r);
    }

    /** Decodes a whole array. */
    public static Decoded decode(byte[] b) {
        return decode(b, 0, b == null ? 0 : b.length);
    }
}
