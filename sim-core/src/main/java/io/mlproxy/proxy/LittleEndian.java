package io.mlproxy.proxy;

import java.util.zip.CRC32;

/** Little-endian primitive access to byte arrays, and the CRC32 every wire format uses. */
final class LittleEndian {
    private LittleEndian() {
    }

    static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    static int i32(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8 | (b[off + 2] & 0xFF) << 16 | (b[off + 3] & 0xFF) << 24;
    }

    static long i64(byte[] b, int off) {
        return (i32(b, off) & 0xFFFF_FFFFL) | ((long) i32(b, off + 4)) << 32;
    }

    static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    static void putI32(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    static void putI64(byte[] b, int off, long v) {
        putI32(b, off, (int) v);
        putI32(b, off + 4, (int) (v >>> 32));
    }

    static int crc32(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }

    /** Magic number whose little-endian bytes spell the four ASCII characters. */
    static int magic(String fourChars) {
        return fourChars.charAt(0) | fourChars.charAt(1) << 8 | fourChars.charAt(2) << 16 | fourChars.charAt(3) << 24;
    }
}
