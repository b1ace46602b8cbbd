package io.mlproxy.workload;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * libCacheSim's oracleGeneral binary format: packed little-endian 24-byte records {@code uint32 time,
 * uint64 obj_id, uint32 obj_size, int64 next_access_vtime} (-1 = never again). The object id is the
 * page number (or byte address); size and next-access time are not needed for replay (the look-ahead
 * recomputes the future), but a next-access time below -1 marks a corrupt record.
 */
final class OracleGeneralReader extends TraceReader {
    static final int RECORD = 24;

    private final byte[] buf = new byte[RECORD * 4096];
    private final ByteBuffer le = ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN);
    private int pos;
    private int lim;
    private long record;
    private boolean ended;

    OracleGeneralReader(InputStream in, String source, TraceSpec spec) {
        super(in, source, spec);
    }

    @Override
    boolean next() {
        while (!ended) {
            if (lim - pos < RECORD) {
                int carried = lim - pos;
                System.arraycopy(buf, pos, buf, 0, carried);
                pos = 0;
                lim = carried + readFully(buf, carried, buf.length - carried);
                if (lim == 0) {
                    ended = true;
                    return false;
                }
                if (lim < RECORD) {
                    record++;
                    ended = true;
                    malformed(new MalformedRecord("truncated record: " + lim + " of " + RECORD + " bytes"));
                    return false;
                }
            }
            record++;
            int at = pos;
            pos += RECORD;
            try {
                long time = le.getInt(at) & 0xFFFF_FFFFL;
                long id = le.getLong(at + 4);
                long nextAccess = le.getLong(at + 16);
                if (nextAccess < -1) {
                    throw new MalformedRecord("next_access_vtime " + nextAccess + " is below -1");
                }
                setSinglePage(id);
                setOwnTime(time);
                return true;
            } catch (MalformedRecord m) {
                malformed(m);
            }
        }
        return false;
    }

    @Override
    long position() {
        return record;
    }

    @Override
    String unit() {
        return "record";
    }

    @Override
    long byteOffset() {
        return Math.max(0, record - 1) * RECORD;
    }
}
