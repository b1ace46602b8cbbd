package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Arbitrary and mutated byte streams into every decoder and into the recommendation ingest: only
 * MlLibException ever escapes, nothing of a rejected message is applied, counters stay consistent.
 */
class FuzzTest {

    /** Runs a decoder; any throwable other than MlLibException fails the property. */
    private static void onlyMlLibException(Runnable decode) {
        try {
            decode.run();
        } catch (MlLibException expected) {
            assertThat(expected.errno()).isNotNull();
        }
    }

    static byte[] mutate(byte[] valid, SplittableRandom rnd) {
        byte[] b = valid.clone();
        switch (rnd.nextInt(6)) {
            case 0: // flip bits
                for (int k = 1 + rnd.nextInt(4); k > 0 && b.length > 0; k--) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            case 1: // truncate
                return Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            case 2: // extend with garbage
                byte[] e = Arrays.copyOf(b, b.length + 1 + rnd.nextInt(64));
                for (int i = b.length; i < e.length; i++) {
                    e[i] = (byte) rnd.nextInt();
                }
                return e;
            case 3: // overwrite a header field with an extreme value
                if (b.length >= 32) {
                    int off = 4 * rnd.nextInt(8);
                    int v = rnd.nextBoolean() ? Integer.MAX_VALUE : (rnd.nextBoolean() ? -1 : Integer.MIN_VALUE);
                    LittleEndian.putI32(b, off, v);
                }
                return b;
            case 4: // mutate but keep the CRC right (reaches the semantic checks)
                if (b.length > 32) {
                    b[32 + rnd.nextInt(b.length - 32)] = (byte) rnd.nextInt();
                    LittleEndian.putI32(b, 28, LittleEndian.crc32(b, 32, b.length - 32));
                }
                return b;
            default:
                return b;
        }
    }

    @Property(tries = 1000)
    void arbitraryBytesIntoDecoders(@ForAll @Size(max = 300) byte[] bytes) {
        onlyMlLibException(() -> DatasetCodec.decode(bytes));
        onlyMlLibException(() -> FeedbackCodec.decode(bytes));
        onlyMlLibException(() -> RecommendationCodec.decode(bytes, 0, bytes.length, CodecPropertiesTest.LIMITS));
    }

    @Property(tries = 500)
    void arbitraryBytesBehindValidHeadersIntoDecoders(@ForAll @Size(max = 200) byte[] tail, @ForAll int count,
                                                      @ForAll int size) {
        byte[] ds = Arrays.copyOf(DatasetCodec.encode(1, 2, 3, new RegionRecords()), WireHeader.SIZE + tail.length);
        System.arraycopy(tail, 0, ds, WireHeader.SIZE, tail.length);
        LittleEndian.putI32(ds, 16, count);
        LittleEndian.putI32(ds, 20, size);
        onlyMlLibException(() -> DatasetCodec.decode(ds));
        byte[] fb = ds.clone();
        LittleEndian.putI32(fb, 0, FeedbackCodec.MAGIC);
        LittleEndian.putI32(fb, 32, LittleEndian.crc32(fb, WireHeader.SIZE, fb.length - WireHeader.SIZE));
        onlyMlLibException(() -> FeedbackCodec.decode(fb));
    }

    @Property(tries = 500)
    void mutatedMessagesIntoDecoders(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RegionRecords r = new RegionRecords();
        Fixture.extract(r);
        byte[] ds = mutate(DatasetCodec.encode(3, 4, Fixture.PAGES, r), rnd);
        onlyMlLibException(() -> DatasetCodec.decode(ds));
        List<FeedbackCodec.Record> recs = List.of(new FeedbackCodec.Record(1, 0, 64, -5, 1, 1, 1),
                new FeedbackCodec.Record(1, 64, 128, 7, 0, 0, 0));
        byte[] fb = mutate(FeedbackCodec.encode(1, 2, 0, recs), rnd);
        onlyMlLibException(() -> FeedbackCodec.decode(fb));
        byte[] rc = mutate(RecommendationCodec.encode(ExecuteOperationTest.randomHints(1, rnd, 20)), rnd);
        onlyMlLibException(() -> RecommendationCodec.decode(rc, 0, rc.length, CodecPropertiesTest.LIMITS));
    }

    /** True when the installed table holds exactly the hints of {@code r}. */
    static boolean sameContent(HintTable t, Recommendation r) {
        return t.generation == r.generation && Arrays.equals(t.starts, r.starts) && Arrays.equals(t.ends, r.ends)
                && Arrays.equals(t.actions, r.actions) && Arrays.equals(t.confidences, r.confidences)
                && Arrays.equals(t.knobNames, r.knobNames) && Arrays.equals(t.knobValues, r.knobValues);
    }

    @Property(tries = 120)
    void streamsIntoTheDataChannel(@ForAll @LongRange(min = 1) long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Fixture f = Fixture.started();
        long gen = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        RecommendationLimits limits = CodecPropertiesTest.LIMITS;
        List<Recommendation> wholeValid = new ArrayList<>(); // messages that, on their own, are acceptable
        for (int unit = 0; unit < 12; unit++) {
            byte[] u;
            int kind = rnd.nextInt(4);
            if (kind == 0) {
                u = new byte[rnd.nextInt(80)];
                for (int i = 0; i < u.length; i++) {
                    u[i] = (byte) rnd.nextInt();
                }
            } else {
                byte[] valid = RecommendationCodec.encode(ExecuteOperationTest.randomHints(gen, rnd, 1 + rnd.nextInt(30)));
                u = kind == 1 ? valid : mutate(valid, rnd);
            }
            // the channel frames by the header's length, so a valid message followed by garbage is valid too
            long framed = u.length >= 32 ? 32 + (long) LittleEndian.i32(u, 24) : -1;
            for (long len : new long[] {u.length, framed}) {
                if (len < 0 || len > u.length) {
                    continue;
                }
                try {
                    wholeValid.add(RecommendationCodec.decode(u, 0, (int) len, limits));
                } catch (MlLibException notValidAlone) {
                    // fine: it must then never be installed
                }
            }
            int p = 0;
            while (p < u.length || u.length == 0) {
                int n = Math.min(u.length - p, 1 + rnd.nextInt(64));
                HintTable before = f.proxy.hintTable().orElse(null);
                long acceptedBefore = f.counter("messages_accepted");
                try {
                    assertThat(ch.writeRecommendation(u, p, n)).isEqualTo(n);
                } catch (MlLibException e) {
                    assertThat(e.errno()).isEqualTo(Errno.ENOSPC);
                }
                HintTable after = f.proxy.hintTable().orElse(null);
                if (f.counter("messages_accepted") == acceptedBefore) {
                    assertThat(after).isSameAs(before);
                } else {
                    assertThat(wholeValid).anySatisfy(r -> assertThat(sameContent(after, r)).isTrue());
                }
                java.util.Map<String, Long> c = f.proxy.counters();
                assertThat(c.get("messages_written")).isEqualTo(c.get("messages_accepted") + c.get("messages_rejected"));
                long perReason = 0;
                for (RejectReason r : RejectReason.values()) {
                    perReason += c.get(r.counterName());
                }
                assertThat(perReason).isEqualTo(c.get("messages_rejected"));
                assertThat(c.get("messages_pending")).isZero();
                p += n;
                if (u.length == 0) {
                    break;
                }
            }
        }
        assertThat(f.counter("hints_accepted")).isEqualTo(f.counter("hints_applied") + f.counter("hints_superseded")
                + f.counter("hints_expired") + f.counter("hints_in_force"));
    }
}
