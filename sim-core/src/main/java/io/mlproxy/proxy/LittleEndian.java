package io.mlproxy.proxy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/**
 * Little-endian primitive access to byte arrays, and the CRC32 every wire format uses. Multi-byte
 * fields go through byte-array view VarHandles, which the JIT turns into single (unaligned) loads
 * and stores instead of one access per byte.
 */
final class LittleEndian {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    static int u16(byte[] b, int off) {
        return (short) I16.get(b, off) & 0xFFFF;
    }

    static int i32(byte[] b, int off) {
        return (int) I32.get(b, off);
    }

    static long i64(byte[] b, int off) {
        return (long) I64.get(b, off);
    }

    static void putU16(byte[] b, int off, int v) {
        I16.set(b, off, (short) v);
    }

    static void putI32(byte[] b, int off, int v) {
        I32.set(b, off, v);
    }

    static void putI64(byte[] b, int off, long v) {
        I64.set(b, off, v);
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
