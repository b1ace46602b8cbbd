package io.mlproxy.workload;

import static io.mlproxy.workload.TraceTestSupport.oracleGeneral;
import static io.mlproxy.workload.TraceTestSupport.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.mlproxy.workload.TraceTestSupport.Touches;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceReadersTest {
    private static final Path P = Path.of("t");

    private static TraceSpec lackey() {
        return TraceSpec.lackey(P, 1000, 1_000_000).withMapping(PageMapping.IDENTITY);
    }

    @Test
    void lackeyDataAccessesMapToPagesAndSkipValgrindLines() {
        String text = "==123== Lackey, an example Valgrind tool\n"
                + "I  0401ab70,3\n"
                + " S 00002000,8\n"      // page 2
                + " L 00003ffc,8\n"      // bytes 0x3ffc..0x4003: pages 3 and 4
                + " M 00000010,4\n"      // page 0
                + "I  0401ab73,5\n"
                + "==123== \n";
        Touches t = read(lackey(), text);
        assertThat(t.pages()).containsExactly(2, 3, 4, 0);
        // rate 1e6/s: one touch per microsecond
        assertThat(t.times()).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void lackeyInstructionFetchesWhenAsked() {
        String text = "I  00001ffe,4\n L 00000000,1\n";
        Touches t = read(lackey().withInstructionFetches(true), text);
        assertThat(t.pages()).containsExactly(1, 2, 0);
    }

    @Test
    void lackeyMalformedLineNamesFileLineAndReason() {
        String text = "I  0401ab70,3\n S 0000zz00,8\n";
        assertThatThrownBy(() -> read(lackey(), text))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo("test.txt");
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("address").contains("not a hex digit");
                    assertThat(e.getMessage()).startsWith("test.txt:2: ");
                });
    }

    @Test
    void lenientReadingSkipsAndCountsBadLines() {
        String text = " S 00001000,8\n X garbage\n L 00002000,0\n S 00003000,8\n";
        TraceSpec spec = lackey().withLenient(true);
        try (TraceStream s = Traces.open(spec, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "x")) {
            assertThat(TraceTestSupport.drain(s).pages()).containsExactly(1, 3);
            assertThat(s.skippedRecords()).isEqualTo(2);
        }
    }

    @Test
    void overlongLineIsMalformedAndSkippedWhole() {
        String text = "1\n" + "7".repeat(TextTraceReader.MAX_LINE + 5000) + "\n2\n";
        TraceSpec spec = TraceSpec.plain(P, false, 10, 1).withMapping(PageMapping.IDENTITY);
        assertThatThrownBy(() -> read(spec, text))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("longer than");
                });
        try (TraceStream s = Traces.open(spec.withLenient(true),
                new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)), "long")) {
            assertThat(TraceTestSupport.drain(s).pages()).containsExactly(1, 2);
            assertThat(s.skippedRecords()).isEqualTo(1);
        }
    }

    @Test
    void plainPageNumbersAndAddresses() {
        String text = "# comment\n5\n  7 \n\n0x10\r\n5";
        Touches pagesT = read(TraceSpec.plain(P, false, 100, 2).withMapping(PageMapping.IDENTITY), text);
        assertThat(pagesT.pages()).containsExactly(5, 7, 16, 5);
        // 2 touches per second: 0, 0.5 s, 1 s, 1.5 s
        assertThat(pagesT.times()).containsExactly(0L, 500_000L, 1_000_000L, 1_500_000L);

        String bytes = "4096\n8191\n0x3000\n0\n";
        Touches bytesT = read(TraceSpec.plain(P, true, 100, 1000).withMapping(PageMapping.IDENTITY), bytes);
        assertThat(bytesT.pages()).containsExactly(1, 1, 3, 0);
    }

    @Test
    void plainRejectsOverflowWithLine() {
        assertThatThrownBy(() -> read(TraceSpec.plain(P, false, 100, 1), "1\n99999999999999999999\n"))
                .isInstanceOf(TraceFormatException.class)
                .hasMessageStartingWith("test.txt:2: ");
    }

    @Test
    void csvWithAndWithoutHeader() {
        TraceSpec spec = TraceSpec.csv(P, false, TimeUnit.MILLISECONDS, 100).withMapping(PageMapping.IDENTITY);
        Touches noHeader = read(spec, "1000,3\n1000,4,R\n1002, 9 ,write\n");
        assertThat(noHeader.pages()).containsExactly(3, 4, 9);
        assertThat(noHeader.times()).containsExactly(0L, 0L, 2000L);

        Touches header = read(spec, "time,page,op\n1000,3\n1000,4,R\n1002,9,W\n");
        assertThat(header.pages()).isEqualTo(noHeader.pages());
        assertThat(header.times()).isEqualTo(noHeader.times());
    }

    @Test
    void csvByteAddressesAndRateTime() {
        TraceSpec spec = TraceSpec.csv(P, true, TimeUnit.MICROSECONDS, 100).withMapping(PageMapping.IDENTITY)
                .withRate(4);
        Touches t = read(spec, "t,addr\n5,0x2000\n9,12288\n9,4095\n");
        assertThat(t.pages()).containsExactly(2, 3, 0);
        assertThat(t.times()).containsExactly(0L, 250_000L, 500_000L);
    }

    @Test
    void csvTimeGoingBackwardsAndHeaderOnlyOnFirstLine() {
        TraceSpec spec = TraceSpec.csv(P, false, TimeUnit.MICROSECONDS, 100);
        assertThatThrownBy(() -> read(spec, "5,1\n4,2\n"))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.reason()).contains("backwards");
                });
        assertThatThrownBy(() -> read(spec, "5,1\ntime,page\n"))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> assertThat(e.line()).isEqualTo(2));
        assertThatThrownBy(() -> read(spec, "5,1,r,extra\n"))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> assertThat(e.reason()).contains("fields"));
    }

    @Test
    void oracleGeneralPlainBytes() {
        byte[] b = oracleGeneral(new long[][] {{100, 7, 4096, 2}, {100, 9, 512, -1}, {103, 7, 4096, -1}});
        Touches t = read(TraceSpec.oracleGeneral(P, 50).withMapping(PageMapping.IDENTITY), b);
        assertThat(t.pages()).containsExactly(7, 9, 7);
        assertThat(t.times()).containsExactly(0L, 0L, 3_000_000L);
    }

    @Test
    void oracleGeneralUnsignedTimeAndTruncatedRecord() {
        byte[] b = oracleGeneral(new long[][] {{0xFFFF_FFF0L, 1, 1, -1}, {0xFFFF_FFFFL, 2, 1, -1}});
        Touches t = read(TraceSpec.oracleGeneral(P, 50).withMapping(PageMapping.IDENTITY), b);
        assertThat(t.times()).containsExactly(0L, 15_000_000L);

        byte[] cut = java.util.Arrays.copyOf(b, 40);
        assertThatThrownBy(() -> read(TraceSpec.oracleGeneral(P, 50), cut))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.byteOffset()).isEqualTo(24);
                    assertThat(e.reason()).contains("truncated");
                });
    }

    @Test
    void oracleGeneralZstdAndGzipFiles(@TempDir Path dir) throws IOException {
        byte[] b = oracleGeneral(new long[][] {{1, 42, 1, 1}, {2, 43, 1, -1}, {2, 42, 1, -1}});
        Path zst = dir.resolve("t.oracleGeneral.zst");
        Files.write(zst, Zstd.compress(b));
        TraceSpec spec = new TraceSpec(zst, TraceFormat.ORACLE_GENERAL, false, 4096, TimeSource.OWN_COLUMN,
                TimeUnit.SECONDS, 1, false, PageMapping.DENSE, 10, false);
        try (TraceStream s = Traces.open(spec)) {
            Touches t = TraceTestSupport.drain(s);
            assertThat(t.pages()).containsExactly(0, 1, 0);
            assertThat(t.times()).containsExactly(0L, 1_000_000L, 1_000_000L);
        }
        Path gz = dir.resolve("t.txt.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("10\n20\n10\n".getBytes(StandardCharsets.US_ASCII));
        }
        try (TraceStream s = Traces.open(TraceSpec.plain(gz, false, 10, 1).withMapping(PageMapping.MODULO))) {
            assertThat(TraceTestSupport.drain(s).pages()).containsExactly(0, 0, 0);
        }
    }

    @Test
    void lenientOracleGeneralCountsBadRecordsAndTruncatedTail() {
        byte[] good = oracleGeneral(new long[][] {{1, 3, 1, -1}, {2, 4, 1, -5}, {3, 5, 1, -1}});
        byte[] b = java.util.Arrays.copyOf(good, good.length + 10);
        TraceSpec spec = TraceSpec.oracleGeneral(P, 10).withMapping(PageMapping.IDENTITY).withLenient(true);
        try (TraceStream s = Traces.open(spec, new java.io.ByteArrayInputStream(b), "og")) {
            assertThat(TraceTestSupport.drain(s).pages()).containsExactly(3, 5);
            assertThat(s.skippedRecords()).isEqualTo(2);
        }
        assertThatThrownBy(() -> read(spec.withLenient(false), good))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.byteOffset()).isEqualTo(24);
                    assertThat(e.reason()).contains("next_access_vtime");
                });
    }

    @Test
    void corruptGzipIsAFormatError(@TempDir Path dir) throws IOException {
        Path gz = dir.resolve("bad.txt.gz");
        Files.write(gz, new byte[] {1, 2, 3, 4, 5});
        assertThatThrownBy(() -> Traces.open(TraceSpec.plain(gz, false, 10, 1)))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> assertThat(e.file()).isEqualTo(gz.toString()));
    }

    @Test
    void mappings() {
        String text = "1000\n5\n1000\n12\n";
        assertThat(read(TraceSpec.plain(P, false, 10, 1), text).pages()).containsExactly(0, 1, 0, 2);
        assertThat(read(TraceSpec.plain(P, false, 2, 1), text).pages()).containsExactly(0, 1, 0, 0);
        assertThat(read(TraceSpec.plain(P, false, 7, 1).withMapping(PageMapping.MODULO), text).pages())
                .containsExactly(1000 % 7, 5, 1000 % 7, 12 % 7);
        assertThatThrownBy(() -> read(TraceSpec.plain(P, false, 100, 1).withMapping(PageMapping.IDENTITY), text))
                .isInstanceOfSatisfying(TraceFormatException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.reason()).contains("outside the address space");
                });
    }

    @Test
    void scanReportsFootprint(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, "time,addr\n10,0x1000\n12,0x5fff\n15,0x1008\n");
        TraceFootprint fp = Traces.scan(TraceSpec.csv(f, true, TimeUnit.MILLISECONDS, 1));
        assertThat(fp).isEqualTo(new TraceFootprint(3, 2, 1, 5, 5000, 0));
    }

    @Test
    void specValidationNamesTheField() {
        assertThatThrownBy(() -> new TraceSpec(P, TraceFormat.PLAIN, false, 1000, TimeSource.RATE,
                TimeUnit.SECONDS, 1, false, PageMapping.DENSE, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pageSizeBytes");
        assertThatThrownBy(() -> new TraceSpec(P, TraceFormat.LACKEY, true, 4096, TimeSource.OWN_COLUMN,
                TimeUnit.SECONDS, 1, false, PageMapping.DENSE, 1, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("time");
        assertThatThrownBy(() -> TraceSpec.plain(P, false, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pages");
    }

    /**
     * The recorded lackey trace of hotcold.c. Expected totals come from an independent Python reader
     * (see traces/README.md): 89,020 data touches on 98 distinct 4 KiB pages. From the program: the
     * 64 KiB hot array is touched once per 64-byte line on each of 48 passes, so each of its 15 fully
     * covered pages gets exactly 48 * 64 = 3072 touches.
     */
    @Test
    void recordedLackeyTrace() throws Exception {
        Path trace = Path.of(getClass().getResource("/traces/hotcold.lackey.gz").toURI());
        TraceSpec spec = TraceSpec.lackey(trace, 98, 1_000_000);
        TraceFootprint fp = Traces.scan(spec);
        assertThat(fp.touches()).isEqualTo(89_020);
        assertThat(fp.distinctPages()).isEqualTo(98);
        assertThat(fp.skippedRecords()).isZero();
        Map<Integer, Integer> perPage = new HashMap<>();
        try (TraceStream s = Traces.open(spec)) {
            Touches t = TraceTestSupport.drain(s);
            assertThat(t.pages()).hasSize(89_020);
            t.pages().forEach(p -> perPage.merge(p, 1, Integer::sum));
        }
        assertThat(perPage).hasSize(98);
        assertThat(perPage.values().stream().filter(c -> c == 3072).count()).isEqualTo(15);
        Path shipped = Path.of("..", "scenarios", "traces", "hotcold.lackey.gz");
        if (Files.exists(shipped)) {
            assertThat(Files.readAllBytes(shipped)).isEqualTo(Files.readAllBytes(trace));
        }
    }
}
