package io.mlproxy.proxy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Binary recommendation format (agent → kernel), little-endian. Header of {@value #HEADER_SIZE} bytes:
 * <pre>
 *  off size field
 *   0   4   magic          ("MLRC")
 *   4   2   version        (1)
 *   6   2   flags          (0; anything else is an unsupported version)
 *   8   8   generation     (dataset generation this message answers)
 *  16   4   region count
 *  20   4   param count
 *  24   4   payload length (bytes after the header)
 *  28   4   CRC32 of the payload
 * </pre>
 * Payload: region hints of {@value #REGION_HINT_SIZE} bytes (start_page i64, end_page i64 exclusive,
 * action i32, confidence_permille i32), sorted by start and non-overlapping; then parameter hints
 * (name_len u8 1..32, name ASCII [a-z][a-z0-9_]*, value i64).
 */
public final class RecommendationCodec {
    /** Magic of a recommendation. */
    public static final int MAGIC = LittleEndian.magic("MLRC");
    /** Format version. */
    public static final int VERSION = 1;
    /** Header length in bytes. */
    public static final int HEADER_SIZE = 32;
    /** Bytes per region hint. */
    public static final int REGION_HINT_SIZE = 24;
    /** Largest encoded parameter hint. */
    public static final int MAX_PARAM_HINT_SIZE = 1 + KnobSpec.MAX_NAME_LENGTH + 8;

    private RecommendationCodec() {
    }

    /** Encodes a message (any content, valid or not, as long as names are ASCII of at most 255 bytes). */
    public static byte[] encode(Recommendation r) {
        int payload = r.regionCount() * REGION_HINT_SIZE;
        byte[][] names = new byte[r.paramCount()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = r.paramName(i).getBytes(StandardCharsets.US_ASCII);
            if (names[i].length > 255) {
                throw new IllegalArgumentException("knob name longer than 255 bytes: " + r.paramName(i));
            }
            payload += 1 + names[i].length + 8;
        }
        byte[] b = new byte[HEADER_SIZE + payload];
        int p = HEADER_SIZE;
        for (int i = 0; i < r.regionCount(); i++, p += REGION_HINT_SIZE) {
            LittleEndian.putI64(b, p, r.startPage(i));
            LittleEndian.putI64(b, p + 8, r.endPage(i));
            LittleEndian.putI32(b, p + 16, r.action(i));
            LittleEndian.putI32(b, p + 20, r.confidence(i));
        }
        for (int i = 0; i < names.length; i++) {
            b[p++] = (byte) names[i].length;
            System.arraycopy(names[i], 0, b, p, names[i].length);
            p += names[i].length;
            LittleEndian.putI64(b, p, r.paramValue(i));
            p += 8;
        }
        LittleEndian.putI32(b, 0, MAGIC);
        LittleEndian.putU16(b, 4, VERSION);
        LittleEndian.putU16(b, 6, 0);
        LittleEndian.putI64(b, 8, r.generation());
        LittleEndian.putI32(b, 16, r.regionCount());
        LittleEndian.putI32(b, 20, r.paramCount());
        LittleEndian.putI32(b, 24, payload);
        LittleEndian.putI32(b, 28, LittleEndian.crc32(b, HEADER_SIZE, payload));
        return b;
    }

    /**
     * Total message length announced by a header at {@code off}, or -1 when fewer than
     * {@value #HEADER_SIZE} bytes are available. Does not validate anything else.
     */
    static long announcedLength(byte[] b, int off, int available) {
        if (available < HEADER_SIZE) {
            return -1;
        }
        return HEADER_SIZE + (long) LittleEndian.i32(b, off + 24);
    }

    /**
     * Decodes and validates a complete message against {@code limits}; the whole message is rejected
     * with an {@link MlLibException} carrying the {@link RejectReason} on the first fault found.
     * Generation freshness is checked by the proxy, which knows the current generation.
     */
    public static Recommendation decode(byte[] b, int off, int len, RecommendationLimits limits) {
        if (b == null || off < 0 || len < 0 || off > b.length - len) {
            throw new MlLibException(Errno.EINVAL, "recommendation: buffer bounds off=" + off + " len=" + len);
        }
        if (len < HEADER_SIZE) {
            throw reject(RejectReason.TRUNCATED, len + " bytes, shorter than the header");
        }
        int magic = LittleEndian.i32(b, off);
        if (magic != MAGIC) {
            throw reject(RejectReason.BAD_MAGIC, "0x" + Integer.toHexString(magic) + " at offset 0");
        }
        int version = LittleEndian.u16(b, off + 4);
        int flags = LittleEndian.u16(b, off + 6);
        if (version != VERSION || flags != 0) {
            throw reject(RejectReason.BAD_VERSION, "version " + version + " flags " + flags);
        }
        long generation = LittleEndian.i64(b, off + 8);
        int regions = LittleEndian.i32(b, off + 16);
        int params = LittleEndian.i32(b, off + 20);
        int payload = LittleEndian.i32(b, off + 24);
        if (regions < 0 || params < 0 || payload < 0) {
            throw reject(RejectReason.BAD_LENGTH, "negative count or length: regions=" + regions + " params="
                    + params + " payload=" + payload);
        }
        if (regions > limits.maxRegionHints() || params > limits.maxParamHints()) {
            throw reject(RejectReason.TOO_MANY_HINTS, regions + " region hints (max " + limits.maxRegionHints()
                    + "), " + params + " parameter hints (max " + limits.maxParamHints() + ")");
        }
        long minPayload = (long) regions * REGION_HINT_SIZE + (long) params * 10;
        long maxPayload = (long) regions * REGION_HINT_SIZE + (long) params * MAX_PARAM_HINT_SIZE;
        if (payload < minPayload || payload > maxPayload) {
            throw reject(RejectReason.BAD_LENGTH, "payload length " + payload + " impossible for " + regions
                    + " regions and " + params + " params");
        }
        if (len < HEADER_SIZE + payload) {
            throw reject(RejectReason.TRUNCATED, len + " bytes, header announces " + (HEADER_SIZE + payload));
        }
        if (len > HEADER_SIZE + payload) {
            throw reject(RejectReason.BAD_LENGTH, (len - HEADER_SIZE - payload) + " trailing bytes");
        }
        int crc = LittleEndian.i32(b, off + 28);
        int actual = LittleEndian.crc32(b, off + HEADER_SIZE, payload);
        if (crc != actual) {
            throw reject(RejectReason.BAD_CRC, "payload CRC32 0x" + Integer.toHexString(actual) + ", header says 0x"
                    + Integer.toHexString(crc));
        }
        long[] starts = new long[regions];
        long[] ends = new long[regions];
        int[] actions = new int[regions];
        int[] conf = new int[regions];
        int p = off + HEADER_SIZE;
        long pages = limits.addressSpacePages();
        long prevEnd = Long.MIN_VALUE;
        long prevStart = Long.MIN_VALUE;
        for (int i = 0; i < regions; i++, p += REGION_HINT_SIZE) {
            long s = LittleEndian.i64(b, p);
            long e = LittleEndian.i64(b, p + 8);
            int a = LittleEndian.i32(b, p + 16);
            int c = LittleEndian.i32(b, p + 20);
            // one combined test per hint; the slow path names the first fault in the documented order
            if (s >= e | s < prevEnd | s < 0 | e > pages | !HintAction.isValid(a) | c < 0 | c > 1000) {
                throw regionFault(i, s, e, a, c, prevStart, prevEnd, pages);
            }
            starts[i] = s;
            ends[i] = e;
            actions[i] = a;
            conf[i] = c;
            prevStart = s;
            prevEnd = e;
        }
        int end = off + HEADER_SIZE + payload;
        String[] names = new String[params];
        long[] values = new long[params];
        Map<String, KnobSpec> knobs = limits.knobs();
        for (int i = 0; i < params; i++) {
            if (p >= end) {
                throw reject(RejectReason.BAD_LENGTH, "parameter hint " + i + " starts past the payload");
            }
            int nameLen = b[p] & 0xFF;
            if (nameLen < 1 || nameLen > KnobSpec.MAX_NAME_LENGTH) {
                throw reject(RejectReason.BAD_KNOB_NAME, "parameter hint " + i + ": name length " + nameLen);
            }
            if (p + 1 + nameLen + 8 > end) {
                throw reject(RejectReason.BAD_LENGTH, "parameter hint " + i + " runs past the payload");
            }
            for (int k = 0; k < nameLen; k++) {
                int ch = b[p + 1 + k];
                boolean ok = ch >= 'a' && ch <= 'z' || k > 0 && (ch >= '0' && ch <= '9' || ch == '_');
                if (!ok) {
                    throw reject(RejectReason.BAD_KNOB_NAME, "parameter hint " + i + ": byte " + ch + " at name offset "
                            + k);
                }
            }
            String name = new String(b, p + 1, nameLen, StandardCharsets.US_ASCII);
            long value = LittleEndian.i64(b, p + 1 + nameLen);
            KnobSpec spec = knobs.get(name);
            if (spec == null) {
                throw reject(RejectReason.UNKNOWN_KNOB, "parameter hint " + i + ": knob '" + name + "' not declared");
            }
            for (int k = 0; k < i; k++) {
                if (names[k].equals(name)) {
                    throw reject(RejectReason.DUPLICATE_KNOB, "parameter hint " + i + ": knob '" + name + "' repeated");
                }
            }
            if (!spec.allows(value)) {
                throw reject(RejectReason.KNOB_OUT_OF_RANGE, "knob '" + name + "' = " + value + " outside "
                        + spec.min() + ".." + spec.max());
            }
            names[i] = name;
            values[i] = value;
            p += 1 + nameLen + 8;
        }
        if (p != end) {
            throw reject(RejectReason.BAD_LENGTH, (end - p) + " unparsed payload bytes");
        }
        return new Recommendation(generation, starts, ends, actions, conf, names, values, true);
    }

    /** The rejection of region hint i, checking its faults in the order the format documents. */
    private static MlLibException regionFault(int i, long s, long e, int a, int c, long prevStart, long prevEnd,
                                              long pages) {
        if (s >= e) {
            return reject(RejectReason.EMPTY_RANGE, "region " + i + ": [" + s + ", " + e + ")");
        }
        if (s < 0 || e > pages) {
            return reject(RejectReason.PAGE_OUT_OF_RANGE, "region " + i + ": [" + s + ", " + e
                    + ") outside [0, " + pages + ")");
        }
        if (s < prevStart) {
            return reject(RejectReason.UNSORTED, "region " + i + " starts at " + s + " before " + prevStart);
        }
        if (s < prevEnd) {
            return reject(RejectReason.OVERLAP, "region " + i + " starts at " + s + " inside the previous region"
                    + " ending at " + prevEnd);
        }
        if (!HintAction.isValid(a)) {
            return reject(RejectReason.UNKNOWN_ACTION, "region " + i + ": action " + a);
        }
        if (c < 0 || c > 1000) {
            return reject(RejectReason.BAD_CONFIDENCE, "region " + i + ": confidence " + c + " outside 0..1000");
        }
        throw new IllegalStateException("region " + i + " has no fault");
    }

    private static MlLibException reject(RejectReason reason, String detail) {
        return new MlLibException(reason, "recommendation: " + detail);
    }
}
