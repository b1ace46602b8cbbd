package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mode controller driven through the proxy's own operations and clock, as the engine will drive it. */
class ProxyModeFlowTest {
    private final List<ModeTransition> seen = new ArrayList<>();
    private final ManualClock clock = new ManualClock(1_000);
    private final MlModelProxy proxy = MlModelProxy.create("flow", new ModelOperations() {
        @Override
        public void modeChanged(ModeTransition transition) {
            seen.add(transition);
        }
    }, Fixture::extract, clock);

    private void freshHints() {
        long g = proxy.prepareDataset();
        byte[] m = RecommendationCodec.encode(Recommendation.builder(g).region(0, 64, HintAction.PAGEOUT, 900).build());
        proxy.submitRecommendation(m, 0, m.length);
    }

    /**
     * n judged decisions of 64 pages where ML would page out and the default keeps: per page worth
     * mean ± spread, alternating, so ML − default has that mean and a spread to estimate.
     */
    private void judge(long mean, long spread, int n) {
        for (int i = 0; i < n; i++) {
            long perPage = mean + (i % 2 == 0 ? spread : -spread);
            proxy.estimateEfficiency(HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 64, perPage * 64,
                    Math.abs(perPage) * 64);
        }
    }

    /** Advances in 1 s steps with fresh hints and judged decisions, correcting the state each step. */
    private SystemMode runUntil(long untilMs, long mean, long spread) {
        while (clock.nowMs() < untilMs) {
            clock.advance(1_000);
            freshHints();
            judge(mean, spread, 20);
            proxy.correctSystemState(100);
        }
        return proxy.mode();
    }

    @Test
    void fromStartThroughPromotionsDemotionAndEmergencies() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        clock.set(5_999);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        clock.set(6_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        // ML clearly better: the window is full at 11000 and the dwell in LEARNING ends at 11000
        assertThat(runUntil(10_000, 1_000, 500)).isEqualTo(SystemMode.LEARNING);
        assertThat(runUntil(11_000, 1_000, 500)).isEqualTo(SystemMode.COLLABORATION);
        assertThat(runUntil(15_000, 1_000, 500)).isEqualTo(SystemMode.COLLABORATION);
        assertThat(runUntil(16_000, 1_000, 500)).isEqualTo(SystemMode.RECOMMENDATION);
        PairedEvidence e = proxy.evidence();
        assertThat(e.meanMs()).isEqualTo(1_000);
        assertThat(e.decisions()).isBetween(180L, 200L);
        // ML a little worse, too noisy to call it unreliable: one step down at a time, to LEARNING
        SystemMode m = proxy.mode();
        while (m == SystemMode.RECOMMENDATION || m == SystemMode.COLLABORATION) {
            m = runUntil(clock.nowMs() + 1_000, -400, 3_000);
        }
        assertThat(m).isEqualTo(SystemMode.LEARNING);
        ModeTransition demotion = seen.get(seen.size() - 1);
        assertThat(demotion.reason()).isEqualTo(TransitionReason.DEMOTE);
        assertThat(demotion.from()).isEqualTo(SystemMode.COLLABORATION);
        assertThat(demotion.atMs()).isLessThanOrEqualTo(28_000); // within one window of bad evidence
        // ML clearly worse: EMERGENCY for an unreliable model, judged in the shadow until it is not worse
        m = runUntil(clock.nowMs() + 3_000, -3_000, 100);
        assertThat(m).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_MODEL_UNRELIABLE);
        long recoveredAt = clock.nowMs();
        while (proxy.mode() == SystemMode.EMERGENCY) {
            runUntil(clock.nowMs() + 1_000, 500, 100);
        }
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.RECOVERED);
        // the bad evidence must leave the window first, then the dwell
        assertThat(clock.nowMs() - recoveredAt).isBetween(5_000L, 16_000L);
        // memory pressure
        clock.advance(1_000);
        assertThat(proxy.correctSystemState(950)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_PRESSURE);
        assertThat(proxy.transitions()).isEqualTo(seen);
        assertThat(proxy.counters().get("mode_transitions")).isEqualTo(seen.size());
    }

    @Test
    void stoppingTheAgentIsAnImmediateEmergency() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        clock.set(6_000);
        proxy.correctSystemState(0);
        assertThat(proxy.mode()).isEqualTo(SystemMode.LEARNING);
        proxy.stop();
        assertThat(proxy.mode()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_AGENT_STOPPED);
    }

    @Test
    void missingRecommendationsAfterStart() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        clock.set(6_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        clock.set(11_000); // exactly the timeout after start: not yet missing
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        clock.set(11_001);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_MISSING);
    }

    @Test
    void staleRecommendationsExpireAndCauseAnEmergency() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        clock.set(2_000);
        freshHints(); // dataset prepared at 2000
        clock.set(7_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        clock.set(12_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        assertThat(proxy.hintTable()).isPresent();
        clock.set(12_001);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_STALE);
        assertThat(proxy.hintTable()).isEmpty();
        assertThat(proxy.counters().get("hints_expired")).isEqualTo(1);
        // fresh hints clear the cause; LEARNING again after the dwell
        freshHints();
        clock.set(17_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        clock.set(17_001);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
    }

    @Test
    void aHighRejectRateIsAnEmergency() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        clock.set(6_000);
        freshHints();
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.LEARNING);
        DataChannel ch = new DataChannel(proxy);
        byte[] junk = new byte[32];
        for (int i = 0; i < 3; i++) {
            ch.writeRecommendation(junk, 0, junk.length);
        }
        // 3 rejected of 4 written in the window: 3000/5 = 600 per mille > 200
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(seen.get(seen.size() - 1).reason()).isEqualTo(TransitionReason.EMERGENCY_REJECT_RATE);
        assertThat(proxy.estimateSystemState(0).rejectedInWindow()).isEqualTo(3);
        // the rejects leave the 10 s window; fresh hints keep other causes away; then the dwell
        for (long t = 7_000; t <= 22_000; t += 1_000) {
            clock.set(t);
            freshHints();
            proxy.correctSystemState(0);
        }
        assertThat(proxy.mode()).isEqualTo(SystemMode.LEARNING);
    }

    @Test
    void forcedModesGiveTheComparisonRuns() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.forceMode(SystemMode.RECOMMENDATION);
        proxy.start();
        clock.set(2_000);
        freshHints();
        assertThat(proxy.correctSystemState(1000)).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(Decision.isMl(proxy.executeOperation(0, 64, HintAction.CODE_KEEP))).isTrue();
        proxy.releaseMode();
        assertThat(proxy.mode()).isEqualTo(SystemMode.LEARNING);
        assertThat(proxy.correctSystemState(1000)).isEqualTo(SystemMode.EMERGENCY);
    }
}
