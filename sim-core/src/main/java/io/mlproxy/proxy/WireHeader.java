package io.mlproxy.proxy;

/**
 * The 48-byte little-endian header shared by the dataset and feedback formats:
 * <pre>
 *  off size field
 *   0   4   magic        ("MLDS" dataset, "MLFB" feedback)
 *   4   2   version      (1)
 *   6   2   header size  (48)
 *   8   8   generation   (dataset generation)
 *  16   4   record count
 *  20   4   record size  (bytes per record; a reader skips bytes beyond the fields it knows)
 *  24   8   timestamp ms
 *  32   4   CRC32 of the payload (the records)
 *  36   4   flags        (0)
 *  40   8   aux          (dataset: address-space pages; feedback: records dropped so far)
 * </pre>
 */
public record WireHeader(int magic, int version, long generation, int recordCount, int recordSize,
                         long timestampMs, int crc32, long aux) {
    /** Header length in bytes. */
    public static final int SIZE = 48;
    /** Format version written and accepted. */
    public static final int VERSION = 1;

    /** Total message length this header announces. */
    public long messageLength() {
        return SIZE + (long) recordCount * recordSize;
    }

    void writeTo(byte[] b, int off) {
        LittleEndian.putI32(b, off, magic);
        LittleEndian.putU16(b, off + 4, version);
        LittleEndian.putU16(b, off + 6, SIZE);
        LittleEndian.putI64(b, off + 8, generation);
        LittleEndian.putI32(b, off + 16, recordCount);
        LittleEndian.putI32(b, off + 20, recordSize);
        LittleEndian.putI64(b, off + 24, timestampMs);
        LittleEndian.putI32(b, off + 32, crc32);
        LittleEndian.putI32(b, off + 36, 0);
        LittleEndian.putI64(b, off + 40, aux);
    }

    /**
     * Parses and checks a header: magic, version, header size, counts, exact total length and the
     * payload's CRC32. Every fault is an {@link MlLibException} naming the offset and field.
     */
    static WireHeader parse(byte[] b, int off, int len, int expectedMagic, int minRecordSize, int maxRecordSize,
                            String what) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new MlLibException(Errno.EINVAL, what + ": buffer bounds off=" + off + " len=" + len);
        }
        if (len < SIZE) {
            throw new MlLibException(Errno.EBADMSG, what + ": " + len + " bytes, shorter than the " + SIZE + "-byte header");
        }
        int magic = LittleEndian.i32(b, off);
        if (magic != expectedMagic) {
            throw new MlLibException(Errno.EBADMSG, what + ": bad magic 0x" + Integer.toHexString(magic) + " at offset 0");
        }
        int version = LittleEndian.u16(b, off + 4);
        if (version != VERSION) {
            throw new MlLibException(Errno.EPROTO, what + ": unsupported version " + version + " at offset 4");
        }
        int headerSize = LittleEndian.u16(b, off + 6);
        if (headerSize != SIZE) {
            throw new MlLibException(Errno.EBADMSG, what + ": header size " + headerSize + " at offset 6, expected " + SIZE);
        }
        int count = LittleEndian.i32(b, off + 16);
        int recordSize = LittleEndian.i32(b, off + 20);
        if (count < 0) {
            throw new MlLibException(Errno.EBADMSG, what + ": negative record count " + count + " at offset 16");
        }
        if (recordSize < minRecordSize || recordSize > maxRecordSize) {
            throw new MlLibException(Errno.EBADMSG, what + ": record size " + recordSize + " at offset 20 outside "
                    + minRecordSize + ".." + maxRecordSize);
        }
        long total = SIZE + (long) count * recordSize;
        if (total != len) {
            throw new MlLibException(Errno.EBADMSG, what + ": header announces " + total + " bytes, got " + len);
        }
        int crc = LittleEndian.i32(b, off + 32);
        int actual = LittleEndian.crc32(b, off + SIZE, len - SIZE);
        if (crc != actual) {
            throw new MlLibException(Errno.EBADMSG, what + ": payload CRC32 0x" + Integer.toHexString(actual)
                    + " does not match header 0x" + Integer.toHexString(crc) + " at offset 32");
        }
        return new WireHeader(magic, version, LittleEndian.i64(b, off + 8), count, recordSize,
                LittleEndian.i64(b, off + 24), crc, LittleEndian.i64(b, off + 40));
    }
}
