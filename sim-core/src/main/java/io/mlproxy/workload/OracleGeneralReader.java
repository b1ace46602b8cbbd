package io.mlproxy.workload;

import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * libCacheSim's oracleGeneral binary format: packed little-endian 24-byte records {@code uint32 time,
 * uint64 obj_id, uint32 obj_size, int64 next_access_vtime} (-1 = never again). The object id is the
 * page number (or byte address); size and next-access time are not needed for replay (the look-ahead
 * recomputes the future), but a next-access time below -1 marks a corrupt record.
 */
final class OracleGeneralReader extends TraceReader {
    static final int RECORD = 24;

    /** Little-endian views of the record buffer: plain loads once compiled (a heap ByteBuffer's checks were most of the decoding). */
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private final byte[] buf = new byte[RECORD * 4096];
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
            if (lim - pos < RECORD && !refill()) {
                return false;
            }
            record++;
            int at = pos;
            pos += RECORD;
            try {
                long time = (int) INT.get(buf, at) & 0xFFFF_FFFFL;
                long id = getLong(at + 4);
                long nextAccess = getLong(at + 16);
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

    /**
     * Reads up to {@code max} records straight into their raw pages (object ids, divided by the page
     * size for byte addresses), the replay's fast path when times come from the rate: the same checks
     * as {@link #next()}, without setting a current record per touch. Returns 0 at the end.
     */
    int nextPages(long[] raw, int max) {
        int n = 0;
        boolean bytes = spec.addressesAreBytes();
        int shift = Integer.numberOfTrailingZeros(spec.pageSizeBytes());
        while (n < max && !ended) {
            if (lim - pos < RECORD) {
                if (!refill()) {
                    break;
                }
                continue;
            }
            int records = Math.min(max - n, (lim - pos) / RECORD);
            for (int r = 0; r < records; r++) {
                int at = pos;
                pos += RECORD;
                record++;
                long id = getLong(at + 4);
                if (getLong(at + 16) < -1 || !bytes && id < 0) {
                    try {
                        if (getLong(at + 16) < -1) {
                            throw new MalformedRecord("next_access_vtime " + getLong(at + 16) + " is below -1");
                        }
                        setSinglePage(id); // the page-number check and its message
                    } catch (MalformedRecord m) {
                        malformed(m);
                        continue;
                    }
                }
                raw[n++] = bytes ? id >>> shift : id;
            }
        }
        return n;
    }

    private long getLong(int at) {
        return (long) LONG.get(buf, at);
    }

    /** Moves the unread tail to the front and reads more; false (and ended) when no whole record is left. */
    private boolean refill() {
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
        return true;
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
