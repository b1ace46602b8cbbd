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

    private long nextDecision;

    /**
     * One aggregation of 100 ms: fresh hints each second, two decisions of 32 pages where ML would
     * page out and the default keeps, and their outcome: left alone (a good page-out, worth up to
     * W − B = 1 s), or every page needed again 5 ms later (a bad one, worth −995 ms). The proxy uses
     * the defaults of {@link ProxyConfig#forAddressSpace}: B = 1 s, W = 2 s.
     */
    private SystemMode step(boolean good) {
        clock.advance(100);
        if (clock.nowMs() % 1_000 == 0) {
            freshHints();
        }
        for (int k = 0; k < 2; k++) {
            long id = ++nextDecision;
            proxy.estimateEfficiency(id, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 32);
            if (!good) {
                for (int p = 0; p < 32; p++) {
                    assertThat(proxy.reportOutcome(id, 5)).isTrue();
                }
            }
        }
        return proxy.correctSystemState(100);
    }

    private SystemMode runUntil(long untilMs, boolean good) {
        while (clock.nowMs() < untilMs) {
            step(good);
        }
        return proxy.mode();
    }

    private ModeTransition last() {
        return seen.get(seen.size() - 1);
    }

    @Test
    void fromStartThroughPromotionsDemotionAndEmergencies() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        freshHints();
        assertThat(runUntil(2_900, true)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(runUntil(3_000, true)).isEqualTo(SystemMode.LEARNING);
        // good page-outs: known from 1 s after each decision on; the window is full at 11 s, then one
        // step per dwell of 2 s
        assertThat(runUntil(10_900, true)).isEqualTo(SystemMode.LEARNING);
        assertThat(runUntil(11_000, true)).isEqualTo(SystemMode.COLLABORATION);
        PairedEvidence promotedOn = last().evidence();
        assertThat(promotedOn.lowerMs()).isPositive();
        assertThat(promotedOn.meanMs()).isBetween(1L, 1_000L);
        assertThat(runUntil(12_900, true)).isEqualTo(SystemMode.COLLABORATION);
        assertThat(runUntil(13_000, true)).isEqualTo(SystemMode.RECOMMENDATION);
        // the model turns bad: its latest decisions are caught within a few aggregations, one step
        // down at a time, then EMERGENCY once the window's decisions are probably worse too
        long turned = clock.nowMs();
        SystemMode m = runUntil(turned + 1_500, false);
        assertThat(m).isIn(SystemMode.LEARNING, SystemMode.EMERGENCY);
        assertThat(seen).extracting(ModeTransition::reason).contains(TransitionReason.DEMOTE);
        while (proxy.mode() != SystemMode.EMERGENCY) {
            step(false);
        }
        assertThat(last().reason()).isEqualTo(TransitionReason.EMERGENCY_MODEL_UNRELIABLE);
        assertThat(last().atMs() - turned).isLessThanOrEqualTo(6_000);
        // it keeps being judged in the shadow; good again: back to LEARNING once the known bad outcomes
        // left the window, after the dwell
        long healed = clock.nowMs();
        while (proxy.mode() == SystemMode.EMERGENCY) {
            step(true);
        }
        assertThat(last().reason()).isEqualTo(TransitionReason.RECOVERED);
        assertThat(last().to()).isEqualTo(SystemMode.LEARNING);
        assertThat(clock.nowMs() - healed).isBetween(2_000L, 13_000L);
        // memory pressure
        clock.advance(100);
        assertThat(proxy.correctSystemState(950)).isEqualTo(SystemMode.EMERGENCY);
        assertThat(last().reason()).isEqualTo(TransitionReason.EMERGENCY_PRESSURE);
        assertThat(proxy.transitions()).isEqualTo(seen);
        assertThat(proxy.counters().get("mode_transitions")).isEqualTo(seen.size());
        assertThat(proxy.counters().get("judged_decisions")).isEqualTo(nextDecision);
    }

    @Test
    void outcomesOfUnknownDecisionsAreCountedNotApplied() {
        proxy.init(ProxyConfig.forAddressSpace(Fixture.PAGES), ModeThresholds.defaults());
        proxy.start();
        assertThat(proxy.reportOutcome(42, 5)).isFalse();
        proxy.estimateEfficiency(7, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 1);
        assertThat(proxy.reportOutcome(7, 5)).isTrue();
        assertThat(proxy.reportOutcome(7, 5)).isFalse(); // its only page already showed
        assertThat(proxy.counters().get("outcomes_unmatched")).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> proxy.estimateEfficiency(7, HintAction.CODE_PAGEOUT, HintAction.CODE_KEEP, 1))
                .hasMessageContaining("EINVAL").hasMessageContaining("does not follow");
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
        // fresh hints clear the cause; back to the interrupted mode after the dwell (2 s by default)
        freshHints();
        clock.set(14_000);
        assertThat(proxy.correctSystemState(0)).isEqualTo(SystemMode.EMERGENCY);
        clock.set(14_001);
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
