package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The character-device-like byte path: bounded recommendation buffer, framing, feedback stream. */
class DataChannelTest {

    private static Fixture smallBuffer(int bytes, int feedback) {
        Fixture f = new Fixture();
        f.proxy.init(new ProxyConfig(Fixture.PAGES, 1, bytes, feedback, 1024, 8, 1, 1_000, 2_000, 1024), ModeThresholds.defaults());
        f.proxy.start();
        return f;
    }

    @Test
    void aMessageSplitOverManyWritesIsAppliedWhenComplete() {
        Fixture f = Fixture.started();
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        byte[] m = RecommendationCodec.encode(Recommendation.builder(g).region(0, 64, 1, 900).param("quota_ms", 7).build());
        for (int p = 0; p < m.length; p += 5) {
            assertThat(f.proxy.hintTable()).isEmpty();
            ch.writeRecommendation(m, p, Math.min(5, m.length - p));
        }
        assertThat(ch.pendingBytes()).isZero();
        assertThat(f.proxy.parameterHint("quota_ms")).hasValue(7);
        assertThat(f.proxy.state()).isEqualTo(ModelState.RUNNING);
    }

    @Test
    void twoMessagesInOneWriteAreBothProcessed() {
        Fixture f = Fixture.started();
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        byte[] a = RecommendationCodec.encode(Recommendation.builder(g).region(0, 64, 1, 900).build());
        byte[] b = RecommendationCodec.encode(Recommendation.builder(g).region(64, 128, 2, 900).build());
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        ch.writeRecommendation(both, 0, both.length);
        assertThat(f.counter("messages_accepted")).isEqualTo(2);
        assertThat(f.proxy.hintTable().orElseThrow().starts[0]).isEqualTo(64);
        assertThat(f.counter("hints_superseded")).isEqualTo(1);
    }

    @Test
    void aMessageBeyondTheBuffersFirstSizeIsHeldWhileItArrivesAndApplied() {
        Fixture f = new Fixture();
        f.proxy.init(new ProxyConfig(Fixture.PAGES, 1, 1 << 20, 16, 4096, 8, 1, 1_000, 2_000, 1024),
                ModeThresholds.defaults());
        f.proxy.start();
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        assertThat(ch.freeBytes()).isEqualTo(1 << 20); // the bound, not the room allocated so far
        Recommendation.Builder r = Recommendation.builder(g);
        for (int p = 0; p < 3_000; p++) {
            r.region(p, p + 1, 1, 900);
        }
        byte[] m = RecommendationCodec.encode(r.build());
        assertThat(m.length).isGreaterThan(DataChannel.INITIAL_BYTES);
        int step = 1_000;
        for (int p = 0; p < m.length - 1; p += step) {
            ch.writeRecommendation(m, p, Math.min(step, m.length - 1 - p));
        }
        assertThat(ch.pendingBytes()).isEqualTo(m.length - 1);
        assertThat(ch.freeBytes()).isEqualTo((1 << 20) - (m.length - 1));
        ch.writeRecommendation(m, m.length - 1, 1);
        assertThat(ch.pendingBytes()).isZero();
        assertThat(f.counter("messages_accepted")).isEqualTo(1);
        assertThat(f.proxy.hintTable().orElseThrow().size()).isEqualTo(3_000);
    }

    @Test
    void aWriteThatDoesNotFitIsEnospcAndChangesNothing() {
        Fixture f = smallBuffer(100, 16);
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        byte[] m = RecommendationCodec.encode(Recommendation.builder(g).region(0, 8, 1, 900).region(8, 16, 1, 900)
                .build()); // 32 + 48 = 80 bytes
        ch.writeRecommendation(m, 0, 40);
        assertThatThrownBy(() -> ch.writeRecommendation(new byte[61], 0, 61)).isInstanceOf(MlLibException.class)
                .hasMessageContaining("ENOSPC");
        assertThat(ch.pendingBytes()).isEqualTo(40);
        assertThat(f.counter("messages_written")).isZero();
        assertThat(ch.freeBytes()).isEqualTo(60);
        ch.writeRecommendation(m, 40, 40);
        assertThat(f.counter("messages_accepted")).isEqualTo(1);
    }

    @Test
    void aMessageLargerThanTheBufferCannotBeFramedAndIsRejected() {
        Fixture f = smallBuffer(100, 16);
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        byte[] m = RecommendationCodec.encode(Recommendation.builder(g).region(0, 8, 1, 900).region(8, 16, 1, 900)
                .region(16, 24, 1, 900).build());
        ch.writeRecommendation(m, 0, 40); // header announces 104 > 100: dropped as one rejected message
        assertThat(ch.pendingBytes()).isZero();
        assertThat(f.counter("messages_rejected")).isEqualTo(1);
        assertThat(f.counter("rejected_truncated")).isEqualTo(1);
    }

    @Test
    void garbageIsRejectedAsOneMessageAndTheStreamRecovers() {
        Fixture f = Fixture.started();
        long g = f.proxy.prepareDataset();
        DataChannel ch = new DataChannel(f.proxy);
        byte[] junk = new byte[40];
        java.util.Arrays.fill(junk, (byte) 0x5A);
        ch.writeRecommendation(junk, 0, junk.length);
        assertThat(f.counter("rejected_bad_magic")).isEqualTo(1);
        assertThat(ch.pendingBytes()).isZero();
        byte[] m = RecommendationCodec.encode(Recommendation.builder(g).region(0, 8, 1, 900).build());
        ch.writeRecommendation(m, 0, m.length);
        assertThat(f.counter("messages_accepted")).isEqualTo(1);
        assertThat(f.proxy.lastReject()).startsWith("BAD_MAGIC EBADMSG");
    }

    @Test
    void writesToADestroyedModelFail() {
        Fixture f = Fixture.stopped();
        DataChannel ch = new DataChannel(f.proxy);
        f.proxy.destroy();
        byte[] m = RecommendationCodec.encode(Recommendation.builder(1).region(0, 8, 1, 900).build());
        assertThatThrownBy(() -> ch.writeRecommendation(m, 0, m.length)).hasMessageContaining("ESHUTDOWN");
        assertThat(ch.pendingBytes()).isZero();
    }

    @Test
    void feedbackIsReadInPortionsAsCrcCheckedBatches() {
        Fixture f = Fixture.running();
        DataChannel ch = new DataChannel(f.proxy);
        List<FeedbackCodec.Record> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            FeedbackCodec.Record r = new FeedbackCodec.Record(1, i * 64L, i * 64L + 64, -1000L * i, i, i % 2, i % 4);
            sent.add(r);
            assertThat(f.proxy.errorBackpropagation(r.generation(), r.startPage(), r.endPage(), r.source(), r.action(),
                    r.valuePageMs(), r.refaults())).isTrue();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[7];
        int n;
        while ((n = ch.readFeedback(buf, 0, buf.length)) > 0) {
            out.write(buf, 0, n);
        }
        FeedbackCodec.Batch batch = FeedbackCodec.decode(out.toByteArray());
        assertThat(batch.records()).isEqualTo(sent);
        assertThat(batch.header().generation()).isEqualTo(1);
        assertThat(f.counter("feedback_delivered")).isEqualTo(10);
        assertThat(ch.readFeedback(buf, 0, buf.length)).isZero();
    }

    @Test
    void feedbackBeyondCapacityIsDroppedAndCounted() {
        Fixture f = smallBuffer(4096, 3);
        DataChannel ch = new DataChannel(f.proxy);
        for (int i = 0; i < 5; i++) {
            assertThat(f.proxy.errorBackpropagation(0, 0, 1, 0, 0, 0, 0)).isEqualTo(i < 3);
        }
        assertThat(f.counter("feedback_dropped")).isEqualTo(2);
        byte[] buf = new byte[4096];
        int n = ch.readFeedback(buf, 0, buf.length);
        FeedbackCodec.Batch b = FeedbackCodec.decode(buf, 0, n);
        assertThat(b.records()).hasSize(3);
        assertThat(b.droppedSoFar()).isEqualTo(2);
        assertThatThrownBy(() -> f.proxy.errorBackpropagation(0, 5, 5, 0, 0, 0, 0)).isInstanceOf(MlLibException.class);
        assertThatThrownBy(() -> f.proxy.errorBackpropagation(0, 0, 5, 2, 0, 0, 0)).isInstanceOf(MlLibException.class);
        assertThatThrownBy(() -> f.proxy.errorBackpropagation(0, 0, 5, 0, 9, 0, 0)).isInstanceOf(MlLibException.class);
    }
}
