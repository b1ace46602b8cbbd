package io.mlproxy.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Every parser, fed arbitrary or mutated input, either yields valid touches (pages in [0, N), times
 * non-decreasing) or throws a {@link TraceFormatException} naming the source and a line/record that
 * exists; in lenient mode it never throws for bad content. Nothing else may escape.
 */
class TraceParserFuzzTest {
    private static final String ALPHABET = "0123456789abcdefABCDEFxX ,ILSM=#\t\r-+.:;zZ";

    private static TraceSpec spec(TraceFormat format, boolean bytes, boolean lenient, int pages, boolean modulo,
            boolean instructions) {
        boolean ownTime = format == TraceFormat.CSV || format == TraceFormat.ORACLE_GENERAL;
        return new TraceSpec(Path.of("fuzz"), format, format == TraceFormat.LACKEY || bytes, 64,
                ownTime ? TimeSource.OWN_COLUMN : TimeSource.RATE, TimeUnit.MILLISECONDS, 1000, lenient,
                modulo ? PageMapping.MODULO : PageMapping.DENSE, pages,
                format == TraceFormat.LACKEY && instructions);
    }

    /** Reads everything; checks the stream's invariants or the exception's location. */
    private static void readOrFail(TraceSpec spec, byte[] data, long maxPosition) {
        try (TraceStream s = Traces.open(spec, new ByteArrayInputStream(data), "fuzz")) {
            int[] p = new int[5];
            long[] t = new long[5];
            long last = 0;
            int n;
            while ((n = s.read(p, t, p.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    assertThat(p[i]).isBetween(0, spec.pages() - 1);
                    assertThat(t[i]).isGreaterThanOrEqualTo(last);
                    last = t[i];
                }
            }
            assertThat(s.read(p, t, p.length)).isZero();
            if (!spec.lenient()) {
                assertThat(s.skippedRecords()).isZero();
            }
        } catch (TraceFormatException e) {
            assertThat(spec.lenient()).as("lenient reading threw %s", e.getMessage()).isFalse();
            assertThat(e.file()).isEqualTo("fuzz");
            assertThat(e.line()).isBetween(1L, maxPosition);
            assertThat(e.reason()).isNotBlank();
        }
    }

    private static void readText(TraceSpec spec, String text) {
        byte[] data = text.getBytes(StandardCharsets.ISO_8859_1);
        long lines = 1;
        for (byte b : data) {
            if (b == '\n') {
                lines++;
            }
        }
        readOrFail(spec, data, lines);
    }

    @Provide
    Arbitrary<TraceFormat> textFormats() {
        return Arbitraries.of(TraceFormat.LACKEY, TraceFormat.PLAIN, TraceFormat.CSV);
    }

    @Provide
    Arbitrary<List<String>> arbitraryLines() {
        return Arbitraries.strings().withChars(ALPHABET).ofMaxLength(24).list().ofMaxSize(12);
    }

    @Property(tries = 400)
    void arbitraryLinesOfEveryTextFormat(@ForAll("textFormats") TraceFormat format,
            @ForAll("arbitraryLines") List<String> lines, @ForAll boolean bytes, @ForAll boolean lenient,
            @ForAll @IntRange(min = 1, max = 50) int pages, @ForAll boolean modulo, @ForAll boolean instructions) {
        readText(spec(format, bytes, lenient, pages, modulo, instructions), String.join("\n", lines));
    }

    @Property(tries = 300)
    void arbitraryBytesAsText(@ForAll("textFormats") TraceFormat format, @ForAll @Size(max = 300) byte[] data,
            @ForAll boolean lenient, @ForAll boolean modulo) {
        readText(spec(format, false, lenient, 16, modulo, true), new String(data, StandardCharsets.ISO_8859_1));
    }

    @Provide
    Arbitrary<String> validLackeyLine() {
        Arbitrary<String> kind = Arbitraries.of("I  ", " L ", " S ", " M ");
        Arbitrary<String> addr = Arbitraries.longs().between(0, Long.MAX_VALUE).map(Long::toHexString);
        Arbitrary<String> size = Arbitraries.integers().between(1, 64).map(String::valueOf);
        return Combinators.combine(kind, addr, size).as((k, a, s) -> k + a + "," + s);
    }

    @Provide
    Arbitrary<String> validPlainLine() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.longs().map(v -> "0x" + Long.toHexString(v)));
    }

    @Provide
    Arbitrary<String> validCsvLine() {
        return Combinators.combine(Arbitraries.longs().between(0, 1_000_000), validPlainLine(),
                Arbitraries.of("", ",R", ",W", ",read"))
                .as((t, a, op) -> t + "," + a + op);
    }

    /** A mutation: at a relative position, delete, insert or replace one character. */
    record Mutation(int kind, int atPermille, char c) {
        String apply(String s) {
            int i = (int) ((long) atPermille * s.length() / 1000);
            switch (kind) {
                case 0:
                    return s.isEmpty() ? s : s.substring(0, Math.min(i, s.length() - 1)) + s.substring(Math.min(i, s.length() - 1) + 1);
                case 1:
                    return s.substring(0, i) + c + s.substring(i);
                default:
                    return s.isEmpty() ? String.valueOf(c) : s.substring(0, Math.min(i, s.length() - 1)) + c
                            + s.substring(Math.min(i, s.length() - 1) + 1);
            }
        }
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 999),
                Arbitraries.chars().with(ALPHABET.toCharArray()).with('\n', '\u00ff', '\u0000'))
                .as(Mutation::new).list().ofMaxSize(4);
    }

    private static String mutate(List<String> lines, List<Mutation> mutations) {
        String text = String.join("\n", lines);
        for (Mutation m : mutations) {
            text = m.apply(text);
        }
        return text;
    }

    @Property(tries = 300)
    void mutatedLackey(@ForAll @Size(max = 8) List<@net.jqwik.api.From("validLackeyLine") String> lines,
            @ForAll("mutations") List<Mutation> mutations, @ForAll boolean lenient, @ForAll boolean instructions) {
        readText(spec(TraceFormat.LACKEY, true, lenient, 32, false, instructions), mutate(lines, mutations));
    }

    @Property(tries = 300)
    void mutatedPlain(@ForAll @Size(max = 8) List<@net.jqwik.api.From("validPlainLine") String> lines,
            @ForAll("mutations") List<Mutation> mutations, @ForAll boolean bytes, @ForAll boolean lenient) {
        readText(spec(TraceFormat.PLAIN, bytes, lenient, 32, true, false), mutate(lines, mutations));
    }

    @Property(tries = 300)
    void mutatedCsv(@ForAll @Size(max = 8) List<@net.jqwik.api.From("validCsvLine") String> lines,
            @ForAll("mutations") List<Mutation> mutations, @ForAll boolean header, @ForAll boolean bytes,
            @ForAll boolean lenient) {
        String text = mutate(lines, mutations);
        readText(spec(TraceFormat.CSV, bytes, lenient, 32, false, false), header ? "time,addr,op\n" + text : text);
    }

    @Property(tries = 300)
    void arbitraryOracleGeneralBytes(@ForAll @Size(max = 24 * 12 + 5) byte[] data, @ForAll boolean bytes,
            @ForAll boolean lenient, @ForAll boolean modulo) {
        readOrFail(spec(TraceFormat.ORACLE_GENERAL, bytes, lenient, 20, modulo, false), data,
                (data.length + 23) / 24);
    }

    @Property(tries = 300)
    void mutatedOracleGeneralRecords(@ForAll @Size(max = 10) List<@IntRange(min = 0, max = 1000) Integer> ids,
            @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 1000) Integer> flips, @ForAll boolean lenient,
            @ForAll @IntRange(min = 0, max = 30) int cut) {
        long[][] rows = new long[ids.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {i, ids.get(i), 4096, i + 1};
        }
        byte[] data = TraceTestSupport.oracleGeneral(rows);
        for (int f : flips) {
            if (data.length > 0) {
                data[f % data.length] ^= (byte) (1 << (f % 8));
            }
        }
        data = java.util.Arrays.copyOf(data, Math.max(0, data.length - cut));
        readOrFail(spec(TraceFormat.ORACLE_GENERAL, false, lenient, 20, false, false), data, (data.length + 23) / 24);
    }

    /** Pages read (or the error's message), and the skipped count, through {@code spec}. */
    private static String pagesOrError(TraceSpec spec, byte[] data) {
        StringBuilder out = new StringBuilder();
        try (TraceStream s = Traces.open(spec, new ByteArrayInputStream(data), "fuzz")) {
            int[] p = new int[7];
            long[] t = new long[7];
            int n;
            while ((n = s.read(p, t, p.length)) > 0) {
                for (int i = 0; i < n; i++) {
                    out.append(p[i]).append(' ');
                }
            }
            out.append("skipped ").append(s.skippedRecords());
        } catch (TraceFormatException e) {
            out.append("error ").append(e.getMessage());
        }
        return out.toString();
    }

    @Property(tries = 300)
    void oracleGeneralAtARateDecodesWholeBatchesAsRecordByRecord(@ForAll @Size(max = 10) List<@IntRange(min = 0,
            max = 1000) Integer> ids, @ForAll @Size(max = 6) List<@IntRange(min = 0, max = 1000) Integer> flips,
            @ForAll boolean lenient, @ForAll boolean bytes, @ForAll @IntRange(min = 0, max = 30) int cut) {
        long[][] rows = new long[ids.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new long[] {i, ids.get(i), 4096, i + 1};
        }
        byte[] data = TraceTestSupport.oracleGeneral(rows);
        for (int f : flips) {
            // the time column is ignored at a rate and checked with time: column: leave it valid
            if (data.length > 0 && f % data.length % 24 >= 4) {
                data[f % data.length] ^= (byte) (1 << (f % 8));
            }
        }
        data = java.util.Arrays.copyOf(data, Math.max(0, data.length - cut));
        // the rate path reads batches without the time column; the column path goes record by record
        TraceSpec column = spec(TraceFormat.ORACLE_GENERAL, bytes, lenient, 2000, false, false);
        TraceSpec rate = new TraceSpec(column.path(), column.format(), column.addressesAreBytes(),
                column.pageSizeBytes(), TimeSource.RATE, column.timeUnit(), 1000, lenient, column.mapping(),
                column.pages(), false);
        assertThat(pagesOrError(rate, data)).isEqualTo(pagesOrError(column, data));
    }
}
