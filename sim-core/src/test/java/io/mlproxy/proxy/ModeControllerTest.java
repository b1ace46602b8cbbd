package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller's rules with hand-made signals; thresholds are the documented defaults. */
class ModeControllerTest {
    private static final ModeThresholds T = ModeThresholds.defaults();
    private ModeController c;

    /** Healthy signals: agent up, fresh hints, no rejects, both sources with 100 samples of the given means. */
    private static ModeSignals healthy(long now, long mlMean, long defMean) {
        return new ModeSignals(now, 0, true, 100, 60_000, 10, 0, 100, mlMean * 100, 100, defMean * 100, true);
    }

    private static ModeSignals with(ModeSignals s, int pressure, boolean agent, long age, long sinceStart,
                                    long msgs, long rejected) {
        return new ModeSignals(s.nowMs(), pressure, agent, age, sinceStart, msgs, rejected, s.mlSamples(),
                s.mlValueSum(), s.defaultSamples(), s.defaultValueSum(), s.windowFull());
    }

    @BeforeEach
    void setUp() {
        c = new ModeController(T, 0);
    }

    /** Brings the controller to LEARNING at t = 5000 (recovery after the initial dwell). */
    private long toLearning() {
        assertThat(c.update(healthy(4_999, 0, 0))).isEmpty();
        Optional<ModeTransition> tr = c.update(healthy(5_000, 0, 0));
        assertThat(tr).isPresent();
        assertThat(tr.get().reason()).isEqualTo(TransitionReason.RECOVERED);
        assertThat(c.mode()).isEqualTo(SystemMode.LEARNING);
        return 5_000;
    }

    @Test
    void startsInEmergencyAndRecoversOnlyAfterTheDwell() {
        assertThat(c.mode()).isEqualTo(SystemMode.EMERGENCY);
        toLearning();
    }

    @Test
    void promotesOneStepAtATimeWithDwellBetween() {
        long t = toLearning();
        // ML mean 1100 vs default 1000: +100 > 5% of 1000 = 50
        assertThat(c.update(healthy(t + 4_999, 1100, 1000))).isEmpty(); // dwell not yet over
        ModeTransition p1 = c.update(healthy(t + 5_000, 1100, 1000)).orElseThrow();
        assertThat(p1.from()).isEqualTo(SystemMode.LEARNING);
        assertThat(p1.to()).isEqualTo(SystemMode.COLLABORATION);
        assertThat(p1.reason()).isEqualTo(TransitionReason.PROMOTE);
        assertThat(p1.atMs()).isEqualTo(t + 5_000);
        assertThat(p1.detail()).contains("ml_mean=1100").contains("default_mean=1000");
        assertThat(c.update(healthy(t + 9_999, 1100, 1000))).isEmpty();
        assertThat(c.update(healthy(t + 10_000, 1100, 1000)).orElseThrow().to()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(c.update(healthy(t + 20_000, 5000, 1000))).isEmpty(); // top reached
        assertThat(c.transitions()).extracting(ModeTransition::to).containsExactly(SystemMode.LEARNING,
                SystemMode.COLLABORATION, SystemMode.RECOMMENDATION);
    }

    @Test
    void promotionNeedsTheMarginStrictly() {
        long t = toLearning() + 10_000;
        assertThat(c.update(healthy(t, 1050, 1000))).isEmpty(); // exactly +5 %: not enough
        assertThat(c.update(healthy(t, 1051, 1000))).isPresent();
    }

    @Test
    void marginIsRelativeToTheMagnitudeOfANegativeDefault() {
        long t = toLearning() + 10_000;
        // default -1000, margin 50: ML must exceed -950
        assertThat(c.update(healthy(t, -950, -1000))).isEmpty();
        assertThat(c.update(healthy(t, -949, -1000)).orElseThrow().to()).isEqualTo(SystemMode.COLLABORATION);
    }

    @Test
    void zeroDefaultMeansAnyStrictImprovementPromotesAndAnyLossDemotes() {
        long t = toLearning() + 10_000;
        assertThat(c.update(healthy(t, 0, 0))).isEmpty();
        assertThat(c.update(healthy(t, 1, 0))).isPresent();
        assertThat(c.update(healthy(t + 1, -1, 0)).orElseThrow().reason()).isEqualTo(TransitionReason.DEMOTE);
    }

    @Test
    void promotionNeedsAFullWindowAndEnoughSamples() {
        long t = toLearning() + 10_000;
        ModeSignals s = healthy(t, 2000, 1000);
        assertThat(c.update(new ModeSignals(t, 0, true, 100, 60_000, 0, 0, 100, 200_000, 100, 100_000, false)))
                .isEmpty();
        assertThat(c.update(new ModeSignals(t, 0, true, 100, 60_000, 0, 0, 63, 126_000, 100, 100_000, true)))
                .isEmpty();
        assertThat(c.update(new ModeSignals(t, 0, true, 100, 60_000, 0, 0, 100, 200_000, 63, 63_000, true)))
                .isEmpty();
        assertThat(c.update(s)).isPresent();
    }

    @Test
    void demotesToLearningBeyondTheDemoteMarginAndHoldsInsideTheBand() {
        long t = toLearning() + 10_000;
        c.update(healthy(t, 2000, 1000));
        c.update(healthy(t + 5_000, 2000, 1000));
        assertThat(c.mode()).isEqualTo(SystemMode.RECOMMENDATION);
        // inside the hysteresis band [-50, +50]: nothing happens
        assertThat(c.update(healthy(t + 5_001, 950, 1000))).isEmpty();
        assertThat(c.update(healthy(t + 5_002, 1040, 1000))).isEmpty();
        // below default by more than 50: straight back to LEARNING, no dwell needed
        ModeTransition d = c.update(healthy(t + 5_003, 949, 1000)).orElseThrow();
        assertThat(d.from()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(d.to()).isEqualTo(SystemMode.LEARNING);
        assertThat(d.reason()).isEqualTo(TransitionReason.DEMOTE);
        // and promotion needs a fresh dwell
        assertThat(c.update(healthy(t + 10_002, 2000, 1000))).isEmpty();
        assertThat(c.update(healthy(t + 10_003, 2000, 1000))).isPresent();
    }

    @Test
    void learningIsNeverDemoted() {
        long t = toLearning();
        assertThat(c.update(healthy(t + 1, -10_000, 1000))).isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.LEARNING);
    }

    private void assertEmergency(ModeSignals s, EmergencyCause cause, TransitionReason reason) {
        c = new ModeController(T, 0);
        long t = toLearning() + 10_000;
        c.update(healthy(t, 2000, 1000));
        c.update(healthy(t + 5_000, 2000, 1000));
        assertThat(c.mode()).isEqualTo(SystemMode.RECOMMENDATION);
        ModeSignals at = new ModeSignals(t + 5_001, s.pressurePermille(), s.agentRunning(), s.recommendationAgeMs(),
                s.msSinceAgentStart(), s.messagesInWindow(), s.rejectedInWindow(), 100, 200_000, 100, 100_000, true);
        assertThat(c.causes(at)).containsExactly(cause);
        ModeTransition e = c.update(at).orElseThrow();
        assertThat(e.to()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(e.reason()).isEqualTo(reason);
        // cleared: stays in EMERGENCY for the dwell, then LEARNING (not back to RECOMMENDATION)
        assertThat(c.update(healthy(t + 5_002, 2000, 1000))).isEmpty();
        assertThat(c.update(healthy(t + 10_000, 2000, 1000))).isEmpty();
        ModeTransition r = c.update(healthy(t + 10_001, 2000, 1000)).orElseThrow();
        assertThat(r.to()).isEqualTo(SystemMode.LEARNING);
        assertThat(r.reason()).isEqualTo(TransitionReason.RECOVERED);
    }

    @Test
    void highPressureIsAnEmergency() {
        ModeSignals ok = healthy(0, 0, 0);
        assertEmergency(with(ok, 950, true, 100, 60_000, 10, 0), EmergencyCause.PRESSURE,
                TransitionReason.EMERGENCY_PRESSURE);
        assertThat(c.causes(with(ok, 949, true, 100, 60_000, 10, 0))).isEmpty();
    }

    @Test
    void staleRecommendationsAreAnEmergency() {
        ModeSignals ok = healthy(0, 0, 0);
        assertEmergency(with(ok, 0, true, 10_001, 60_000, 10, 0), EmergencyCause.STALE_RECOMMENDATIONS,
                TransitionReason.EMERGENCY_STALE);
        assertThat(c.causes(with(ok, 0, true, 10_000, 60_000, 10, 0))).isEmpty();
    }

    @Test
    void missingRecommendationsAreAnEmergencyAfterTheTimeoutSinceStart() {
        ModeSignals ok = healthy(0, 0, 0);
        assertEmergency(with(ok, 0, true, -1, 10_001, 0, 0), EmergencyCause.MISSING_RECOMMENDATIONS,
                TransitionReason.EMERGENCY_MISSING);
        assertThat(c.causes(with(ok, 0, true, -1, 10_000, 0, 0))).isEmpty();
    }

    @Test
    void highRejectRateIsAnEmergency() {
        ModeSignals ok = healthy(0, 0, 0);
        // 3 of 10 rejected = 300 per mille > 200
        assertEmergency(with(ok, 0, true, 100, 60_000, 10, 3), EmergencyCause.REJECT_RATE,
                TransitionReason.EMERGENCY_REJECT_RATE);
        assertThat(c.causes(with(ok, 0, true, 100, 60_000, 10, 2))).isEmpty(); // exactly 200: allowed
        // few messages: the denominator is at least 5, so 1 of 1 is 200 per mille, 2 of 2 is 400
        assertThat(c.causes(with(ok, 0, true, 100, 60_000, 1, 1))).isEmpty();
        assertThat(c.causes(with(ok, 0, true, 100, 60_000, 2, 2))).containsExactly(EmergencyCause.REJECT_RATE);
    }

    @Test
    void stoppedAgentIsAnEmergency() {
        assertEmergency(with(healthy(0, 0, 0), 0, false, -1, -1, 0, 0), EmergencyCause.AGENT_STOPPED,
                TransitionReason.EMERGENCY_AGENT_STOPPED);
    }

    @Test
    void recoveryWaitsUntilTheCauseHasBeenClearForTheDwell() {
        long t = toLearning();
        ModeSignals hot = with(healthy(t + 1, 0, 0), 990, true, 100, 60_000, 10, 0);
        c.update(hot);
        // the cause persists until t+3000: recovery no earlier than t+8000
        c.update(with(healthy(t + 3_000, 0, 0), 990, true, 100, 60_000, 10, 0));
        assertThat(c.update(healthy(t + 7_999, 0, 0))).isEmpty();
        assertThat(c.update(healthy(t + 8_000, 0, 0))).isPresent();
    }

    @Test
    void forcedModeOverridesEverythingUntilReleased() {
        ModeTransition f = c.force(SystemMode.RECOMMENDATION, 10).orElseThrow();
        assertThat(f.reason()).isEqualTo(TransitionReason.FORCED);
        assertThat(c.update(with(healthy(20, -5000, 1000), 1000, false, -1, -1, 10, 10))).isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(c.forcedMode()).contains(SystemMode.RECOMMENDATION);
        ModeTransition r = c.release(30).orElseThrow();
        assertThat(r.to()).isEqualTo(SystemMode.LEARNING);
        assertThat(r.reason()).isEqualTo(TransitionReason.RELEASED);
        // the pressure seen while forced still counts: it must clear for the dwell after release
        assertThat(c.update(with(healthy(40, 0, 0), 1000, true, 100, 60_000, 0, 0)).orElseThrow().to())
                .isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.transitionCount()).isEqualTo(3);
    }

    @Test
    void forcingEmergencyGivesTheHandcraftedOnlyRun() {
        c.force(SystemMode.EMERGENCY, 0);
        assertThat(c.update(healthy(100_000, 9000, 0))).isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.transitions()).isEmpty(); // already EMERGENCY: no change recorded
    }

    @Test
    void marginArithmeticSaturatesInsteadOfOverflowing() {
        assertThat(ModeController.margin(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(ModeController.margin(1000, 50)).isEqualTo(50);
        assertThat(ModeController.saturatingSub(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(ModeController.saturatingSub(Long.MAX_VALUE, -1)).isEqualTo(Long.MAX_VALUE);
    }
}
