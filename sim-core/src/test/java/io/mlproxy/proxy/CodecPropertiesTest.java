package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** Round trips of the three wire formats, and their byte layout checked by hand. */
class CodecPropertiesTest {
    static final RecommendationLimits LIMITS = new RecommendationLimits(Fixture.PAGES, 65_536, 64,
            Fixture.KNOBS.stream().collect(Collectors.toMap(KnobSpec::name, Function.identity())));

    @Property(tries = 300)
    void datasetRoundTrip(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(max = 200) int n,
                          @ForAll long generation, @ForAll long timestamp, @ForAll long pages) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RegionRecords r = new RegionRecords();
        for (int i = 0; i < n; i++) {
            r.region(rnd.nextLong(), rnd.nextLong(), rnd.nextInt(), rnd.nextInt(), rnd.nextInt(), rnd.nextInt(),
                    rnd.nextInt());
        }
        byte[] b = DatasetCodec.encode(generation, timestamp, pages, r);
        assertThat(b).hasSize(WireHeader.SIZE + n * DatasetCodec.RECORD_SIZE);
        DatasetCodec.Decoded d = DatasetCodec.decode(b);
        assertThat(d.regions()).isEqualTo(r);
        assertThat(d.generation()).isEqualTo(generation);
        assertThat(d.header().timestampMs()).isEqualTo(timestamp);
        assertThat(d.addressSpacePages()).isEqualTo(pages);
        assertThat(d.header().recordCount()).isEqualTo(n);
    }

    @Property(tries = 300)
    void recommendationRoundTrip(@ForAll @LongRange(min = 1) long seed, @ForAll long generation) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Recommendation.Builder b = Recommendation.builder(generation);
        long p = 0;
        while (rnd.nextInt(20) != 0) {
            long len = 1 + rnd.nextInt(100);
            if (p + len > Fixture.PAGES) {
                break;
            }
            b.region(p, p + len, rnd.nextInt(4), rnd.nextInt(1001));
            p += len + rnd.nextInt(2);
        }
        for (KnobSpec k : Fixture.KNOBS) {
            if (rnd.nextBoolean()) {
                b.param(k.name(), k.min() + rnd.nextLong(k.max() - k.min() + 1));
            }
        }
        Recommendation r = b.build();
        Recommendation back = RecommendationCodec.decode(RecommendationCodec.encode(r), 0,
                RecommendationCodec.encode(r).length, LIMITS);
        assertThat(back).isEqualTo(r);
        assertThat(back.validated()).isTrue();
        assertThat(r.validated()).isFalse();
    }

    @Property(tries = 300)
    void feedbackRoundTrip(@ForAll @LongRange(min = 1) long seed, @ForAll @IntRange(max = 100) int n,
                           @ForAll long generation, @ForAll long dropped) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<FeedbackCodec.Record> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(new FeedbackCodec.Record(rnd.nextLong(), rnd.nextLong(), rnd.nextLong(), rnd.nextLong(),
                    rnd.nextInt(), rnd.nextInt(2), rnd.nextInt(4)));
        }
        FeedbackCodec.Batch batch = FeedbackCodec.decode(FeedbackCodec.encode(generation, 77, dropped, records));
        assertThat(batch.records()).isEqualTo(records);
        assertThat(batch.droppedSoFar()).isEqualTo(dropped);
        assertThat(batch.header().generation()).isEqualTo(generation);
    }

    @Test
    void datasetLayoutIsLittleEndianAsDocumented() {
        RegionRecords r = new RegionRecords();
        r.region(0x0102030405060708L, 0x1112131415161718L, 0x21222324, 0x31323334, 0x41424344, 0x51525354, 0x61626364);
        byte[] b = DatasetCodec.encode(9, 10, 11, r);
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MLDS");
        assertThat(b[4]).isEqualTo((byte) 1); // version
        assertThat(b[6]).isEqualTo((byte) 48); // header size
        assertThat(b[8]).isEqualTo((byte) 9); // generation
        assertThat(b[16]).isEqualTo((byte) 1); // count
        assertThat(b[20]).isEqualTo((byte) 40); // record size
        assertThat(b[24]).isEqualTo((byte) 10); // timestamp
        assertThat(b[40]).isEqualTo((byte) 11); // address space pages
        int p = 48;
        assertThat(b[p]).isEqualTo((byte) 0x08);
        assertThat(b[p + 7]).isEqualTo((byte) 0x01);
        assertThat(b[p + 8]).isEqualTo((byte) 0x18);
        assertThat(b[p + 16]).isEqualTo((byte) 0x24);
        assertThat(b[p + 20]).isEqualTo((byte) 0x34);
        assertThat(b[p + 24]).isEqualTo((byte) 0x44);
        assertThat(b[p + 28]).isEqualTo((byte) 0x54);
        assertThat(b[p + 32]).isEqualTo((byte) 0x64);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, 48, 40);
        long stored = (b[32] & 0xFFL) | (b[33] & 0xFFL) << 8 | (b[34] & 0xFFL) << 16 | (b[35] & 0xFFL) << 24;
        assertThat(stored).isEqualTo(crc.getValue());
    }

    @Test
    void recommendationLayoutIsAsDocumented() {
        byte[] b = RecommendationCodec.encode(Recommendation.builder(5).region(1, 2, 1, 700).param("quota_ms", 3).build());
        assertThat(new String(b, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("MLRC");
        assertThat(b).hasSize(32 + 24 + 1 + 8 + 8);
        assertThat(b[8]).isEqualTo((byte) 5);
        assertThat(b[16]).isEqualTo((byte) 1);
        assertThat(b[20]).isEqualTo((byte) 1);
        assertThat(b[24]).isEqualTo((byte) (24 + 17));
        assertThat(b[32]).isEqualTo((byte) 1); // start
        assertThat(b[40]).isEqualTo((byte) 2); // end
        assertThat(b[48]).isEqualTo((byte) 1); // action
        assertThat((b[52] & 0xFF) | (b[53] & 0xFF) << 8).isEqualTo(700);
        assertThat(b[56]).isEqualTo((byte) 8); // name length
        assertThat(new String(b, 57, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("quota_ms");
        assertThat(b[65]).isEqualTo((byte) 3);
    }

    @Test
    void everyRejectReasonHasADistinctCounterName() {
        Set<String> names = new HashSet<>();
        for (RejectReason r : RejectReason.values()) {
            assertThat(names.add(r.counterName())).isTrue();
        }
    }
}
