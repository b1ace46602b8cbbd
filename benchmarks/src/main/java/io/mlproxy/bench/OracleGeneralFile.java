package io.mlproxy.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes touches as a libCacheSim oracleGeneral trace (24-byte little-endian records: uint32 time
 * in seconds, uint64 obj_id, uint32 obj_size, int64 next_access_vtime or -1), so the same file can
 * be replayed here and by libCacheSim's {@code cachesim}.
 */
final class OracleGeneralFile {
    static final int RECORD = 24;

    private OracleGeneralFile() {
    }

    /**
     * Writes {@code touches} (object id = page, size = {@code objectSize}) to {@code target} through a
     * temporary file moved into place, so a concurrent reader never sees half a trace.
     */
    static void write(Touches touches, int objectSize, Path target) {
        int[] pages = touches.pages();
        int n = pages.length;
        // next_access_vtime is the index of the next request to the same object, found backwards
        long[] next = new long[n];
        int[] seenAt = new int[touches.pageCount()];
        java.util.Arrays.fill(seenAt, -1);
        for (int i = n - 1; i >= 0; i--) {
            next[i] = seenAt[pages[i]];
            seenAt[pages[i]] = i;
        }
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "oracle", ".part");
            ByteBuffer rec = ByteBuffer.allocate(RECORD * 4096).order(ByteOrder.LITTLE_ENDIAN);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                int batch = 0;
                for (int i = 0; i < n; i++) {
                    while (i >= touches.batchEnds()[batch]) {
                        batch++;
                    }
                    long timeS = touches.batchTimes()[batch] / 1_000_000L;
                    rec.putInt((int) timeS).putLong(pages[i]).putInt(objectSize).putLong(next[i]);
                    if (!rec.hasRemaining()) {
                        out.write(rec.array(), 0, rec.position());
                        rec.clear();
                    }
                }
                out.write(rec.array(), 0, rec.position());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write oracleGeneral trace " + target, e);
        }
    }
}
