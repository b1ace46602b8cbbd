package io.mlproxy.workload;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Helpers: read a whole stream into lists, build oracleGeneral bytes. */
final class TraceTestSupport {
    private TraceTestSupport() {
    }

    /** All touches of a stream, read in small odd-sized batches to exercise batch boundaries. */
    static Touches drain(AccessStream stream) {
        Touches all = new Touches(new ArrayList<>(), new ArrayList<>());
        int[] p = new int[7];
        long[] t = new long[7];
        int n;
        while ((n = stream.read(p, t, p.length)) > 0) {
            for (int i = 0; i < n; i++) {
                all.pages().add(p[i]);
                all.times().add(t[i]);
            }
        }
        return all;
    }

    static Touches read(TraceSpec spec, String text) {
        try (TraceStream s = Traces.open(spec, new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)),
                "test.txt")) {
            return drain(s);
        }
    }

    static Touches read(TraceSpec spec, byte[] bytes) {
        try (TraceStream s = Traces.open(spec, new ByteArrayInputStream(bytes), "test.bin")) {
            return drain(s);
        }
    }

    /** oracleGeneral records: each row {time, id, size, next}. */
    static byte[] oracleGeneral(long[][] rows) {
        ByteBuffer b = ByteBuffer.allocate(rows.length * 24).order(ByteOrder.LITTLE_ENDIAN);
        for (long[] r : rows) {
            b.putInt((int) r[0]).putLong(r[1]).putInt((int) r[2]).putLong(r[3]);
        }
        return b.array();
    }

    record Touches(List<Integer> pages, List<Long> times) {
    }
}
