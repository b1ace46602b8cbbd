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
        try (Writer w = new Writer(target)) {
            int batch = 0;
            for (int i = 0; i < n; i++) {
                while (i >= touches.batchEnds()[batch]) {
                    batch++;
                }
                w.record(touches.batchTimes()[batch] / 1_000_000L, pages[i], objectSize, next[i]);
            }
            w.commit();
        }
    }

    /**
     * Writes oracleGeneral records to a temporary file beside {@code target}, moved into place by
     * {@link #commit()} (so a concurrent reader never sees half a trace); closing without a commit
     * deletes it.
     */
    static final class Writer implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private final OutputStream out;
        private final ByteBuffer rec = ByteBuffer.allocate(RECORD * 4096).order(ByteOrder.LITTLE_ENDIAN);
        private boolean committed;

        Writer(Path target) {
            this.target = target;
            try {
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                tmp = Files.createTempFile(dir, "oracle", ".part");
                out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16);
            } catch (IOException e) {
                throw failed(e);
            }
        }

        /** Appends one record. */
        void record(long timeS, long objId, int objSize, long nextAccessVtime) {
            rec.putInt((int) timeS).putLong(objId).putInt(objSize).putLong(nextAccessVtime);
            if (!rec.hasRemaining()) {
                flush();
            }
        }

        /** Writes what is buffered and moves the file into place. */
        void commit() {
            flush();
            try {
                out.close();
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw failed(e);
            }
            committed = true;
        }

        private void flush() {
            try {
                out.write(rec.array(), 0, rec.position());
            } catch (IOException e) {
                throw failed(e);
            }
            rec.clear();
        }

        private UncheckedIOException failed(IOException e) {
            return new UncheckedIOException("cannot write oracleGeneral trace " + target + ": " + e.getMessage(), e);
        }

        @Override
        public void close() {
            if (!committed) {
                try {
                    out.close();
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // the write already failed; a temporary file left behind is harmless
                }
            }
        }
    }
}
