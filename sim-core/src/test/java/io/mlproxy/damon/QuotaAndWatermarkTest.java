package io.mlproxy.damon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuotaAndWatermarkTest {

    @Test
    void effectiveQuotaStartsFromTheDefaultThroughputThenUsesTheMeasuredOne() {
        QuotaState q = new QuotaState(new DamosQuota(10, 128L << 20, 1000, 0, 0, 1));
        q.adjust(0, 4096);
        // 4096 B * 1024 per ms x 10 ms = 40 MiB < 128 MiB
        assertThat(q.esz).isEqualTo(40L << 20);
        q.charge(2048L * 4096, 2048L * 5 * 1000);
        q.adjust(999_999, 4096);
        assertThat(q.remainingBytes()).isEqualTo((40L << 20) - (8L << 20));
        q.adjust(1_000_000, 4096);
        // throughput = 8 MiB * 1000 / 10240 us = 819200 B/ms -> x 10 ms = 8192000 B (2000 pages)
        assertThat(q.esz).isEqualTo(8_192_000L);
        assertThat(q.qtExceeds).isZero();
        q.charge(8_192_000L, 10_000_000);
        q.adjust(2_000_000, 4096);
        assertThat(q.qtExceeds).isEqualTo(1);
    }

    @Test
    void sizeQuotaAloneCapsTheWindow() {
        QuotaState q = new QuotaState(new DamosQuota(0, 1 << 20, 1000, 0, 0, 1));
        q.adjust(0, 4096);
        assertThat(q.esz).isEqualTo(1 << 20);
        QuotaState none = new QuotaState(DamosQuota.unlimited());
        none.adjust(0, 4096);
        assertThat(none.remainingBytes()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void watermarksFollowDamosWmarkWaitUs() {
        WatermarkState w = new WatermarkState(new DamosWatermarks(true, 5_000_000, 500, 400, 200));
        assertThat(w.waitUs(450)).isZero();             // starts active, 450 within [low, high]
        assertThat(w.waitUs(600)).isEqualTo(5_000_000);   // above high: deactivated, sleep the interval
        assertThat(w.active()).isFalse();
        assertThat(w.waitUs(450)).isEqualTo(5_000_000);   // inactive and between mid and high: stays off
        assertThat(w.waitUs(350)).isZero();               // below mid: activated
        assertThat(w.active()).isTrue();
        assertThat(w.waitUs(150)).isEqualTo(5_000_000);   // below low: off
        assertThat(new WatermarkState(DamosWatermarks.none()).waitUs(0)).isZero();
    }
}
