package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each validation rule rejects the whole message with its own counted reason and leaves the table alone. */
class RecommendationValidationTest {

    private static void assertRejected(Fixture f, byte[] msg, RejectReason reason) {
        HintTable before = f.proxy.hintTable().orElse(null);
        long rejected = f.counter(reason.counterName());
        assertThatThrownBy(() -> f.proxy.submitRecommendation(msg, 0, msg.length))
                .isInstanceOf(MlLibException.class)
                .satisfies(e -> assertThat(((MlLibException) e).rejectReason()).contains(reason))
                .satisfies(e -> assertThat(((MlLibException) e).errno()).isEqualTo(reason.errno()));
        assertThat(f.counter(reason.counterName())).isEqualTo(rejected + 1);
        assertThat(f.proxy.hintTable().orElse(null)).isSameAs(before);
        assertThat(f.proxy.lastReject()).startsWith(reason.name());
        assertThat(f.counter("messages_written"))
                .isEqualTo(f.counter("messages_accepted") + f.counter("messages_rejected"));
    }

    private static byte[] msg(long gen, Consumer<Recommendation.Builder> hints) {
        Recommendation.Builder b = Recommendation.builder(gen);
        hints.accept(b);
        return RecommendationCodec.encode(b.build());
    }

    @Test
    void structuralAndSemanticFaults() {
        Fixture f = Fixture.running();
        long g = f.proxy.datasetGeneration();
        byte[] good = msg(g, b -> b.region(0, 10, 1, 900).region(10, 20, 2, 800));
        assertRejected(f, java.util.Arrays.copyOf(good, 20), RejectReason.TRUNCATED);
        byte[] badMagic = good.clone();
        badMagic[0] ^= 1;
        assertRejected(f, badMagic, RejectReason.BAD_MAGIC);
        byte[] badVersion = good.clone();
        badVersion[4] = 2;
        assertRejected(f, badVersion, RejectReason.BAD_VERSION);
        byte[] badCrc = good.clone();
        badCrc[good.length - 1] ^= 0x40;
        assertRejected(f, badCrc, RejectReason.BAD_CRC);
        assertRejected(f, java.util.Arrays.copyOf(good, good.length - 1), RejectReason.TRUNCATED);
        assertRejected(f, java.util.Arrays.copyOf(good, good.length + 3), RejectReason.BAD_LENGTH);
        assertRejected(f, msg(g, b -> b.region(10, 10, 1, 900)), RejectReason.EMPTY_RANGE);
        assertRejected(f, msg(g, b -> b.region(4000, 4097, 1, 900)), RejectReason.PAGE_OUT_OF_RANGE);
        assertRejected(f, msg(g, b -> b.region(-1, 5, 1, 900)), RejectReason.PAGE_OUT_OF_RANGE);
        assertRejected(f, msg(g, b -> b.region(20, 30, 1, 900).region(0, 10, 1, 900)), RejectReason.UNSORTED);
        assertRejected(f, msg(g, b -> b.region(0, 10, 1, 900).region(9, 30, 1, 900)), RejectReason.OVERLAP);
        assertRejected(f, msg(g, b -> b.region(0, 10, 4, 900)), RejectReason.UNKNOWN_ACTION);
        assertRejected(f, msg(g, b -> b.region(0, 10, 1, 1001)), RejectReason.BAD_CONFIDENCE);
        assertRejected(f, msg(g, b -> b.region(0, 10, 1, -1)), RejectReason.BAD_CONFIDENCE);
        assertRejected(f, msg(g, b -> b.param("Quota", 1)), RejectReason.BAD_KNOB_NAME);
        assertRejected(f, msg(g, b -> b.param("quota_us", 1)), RejectReason.UNKNOWN_KNOB);
        assertRejected(f, msg(g, b -> b.param("quota_ms", 5).param("quota_ms", 6)), RejectReason.DUPLICATE_KNOB);
        assertRejected(f, msg(g, b -> b.param("quota_ms", 0)), RejectReason.KNOB_OUT_OF_RANGE);
        assertRejected(f, msg(g + 1, b -> b.region(0, 10, 1, 900)), RejectReason.UNKNOWN_GENERATION);
        assertRejected(f, msg(0, b -> b.region(0, 10, 1, 900)), RejectReason.UNKNOWN_GENERATION);
        // the valid message itself is still accepted afterwards
        f.proxy.submitRecommendation(good, 0, good.length);
        assertThat(f.proxy.hintTable().orElseThrow().size()).isEqualTo(2);
    }

    @Test
    void tooManyHintsIsE2big() {
        Fixture f = Fixture.started();
        f.proxy.prepareDataset();
        Recommendation.Builder b = Recommendation.builder(1);
        for (int i = 0; i < 65; i++) {
            b.param("quota_ms", 1);
        }
        assertRejected(f, RecommendationCodec.encode(b.build()), RejectReason.TOO_MANY_HINTS);
    }

    @Test
    void generationLagAndDeadline() {
        Fixture f = Fixture.started();
        long g1 = f.proxy.prepareDataset();
        f.clock.advance(100);
        long g2 = f.proxy.prepareDataset();
        f.clock.advance(100);
        long g3 = f.proxy.prepareDataset();
        // lag 1: g2 still acceptable, g1 is stale
        assertRejected(f, msg(g1, b -> b.region(0, 1, 1, 900)), RejectReason.STALE_GENERATION);
        byte[] m2 = msg(g2, b -> b.region(0, 1, 1, 900));
        f.proxy.submitRecommendation(m2, 0, m2.length);
        assertThat(f.proxy.hintTable().orElseThrow().generation()).isEqualTo(g2);
        // g2 was prepared at 1100; with a 10 s timeout its answers are late after 11100
        f.clock.set(11_100);
        byte[] m3 = msg(g3, b -> b.region(0, 1, 1, 900));
        f.proxy.submitRecommendation(m3, 0, m3.length); // g3 prepared at 1200: still in time
        f.clock.set(11_201);
        assertRejected(f, msg(g3, b -> b.region(0, 1, 1, 900)), RejectReason.DEADLINE_EXCEEDED);
    }

    @Test
    void anOlderGenerationNeverReplacesANewerTable() {
        Fixture f = Fixture.started();
        long g1 = f.proxy.prepareDataset();
        long g2 = f.proxy.prepareDataset();
        byte[] m2 = msg(g2, b -> b.region(0, 1, 1, 900));
        f.proxy.submitRecommendation(m2, 0, m2.length);
        assertRejected(f, msg(g1, b -> b.region(0, 1, 1, 900)), RejectReason.STALE_GENERATION);
    }

    @Test
    void messagesWhileTheAgentIsStoppedAreRejectedAsNotRunning() {
        Fixture f = Fixture.stopped();
        assertRejected(f, msg(1, b -> b.region(0, 1, 1, 900)), RejectReason.NOT_RUNNING);
        assertThat(f.proxy.counters().get("rejected_not_running")).isEqualTo(1);
    }

    @Test
    void preprocessThenApplyIsTheTwoStepFormAndApplyTakesOnlyPendingMessages() {
        Fixture f = Fixture.started();
        long g = f.proxy.prepareDataset();
        byte[] m = msg(g, b -> b.region(0, 10, 1, 900));
        Recommendation r = f.proxy.preprocessRecommendation(m, 0, m.length);
        assertThat(f.counter("messages_pending")).isEqualTo(1);
        assertThat(f.proxy.hintTable()).isEmpty();
        f.proxy.applyRecommendation(r);
        assertThat(f.counter("messages_pending")).isZero();
        assertThat(f.counter("messages_accepted")).isEqualTo(1);
        assertThatThrownBy(() -> f.proxy.applyRecommendation(r)).hasMessageContaining("EINVAL");
        Recommendation foreign = RecommendationCodec.decode(m, 0, m.length, CodecPropertiesTest.LIMITS);
        assertThatThrownBy(() -> f.proxy.applyRecommendation(foreign)).hasMessageContaining("EINVAL");
        assertThat(f.counter("messages_written")).isEqualTo(1);
    }
}
