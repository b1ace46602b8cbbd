package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The controller's rules with hand-made signals; the documented default thresholds with a 5 s dwell. */
class ModeControllerTest {
    private static final ModeThresholds T = ModeThresholds.defaults().with("min_dwell", 5_000);
    private ModeController c;

    /** Evidence of 200 pages in 20 decisions with the given mean and bounds, and a mean stake of 1000 ms. */
    static PairedEvidence evidence(long mean, long lower, long upper) {
        return new PairedEvidence(20, 200, mean, (upper - lower) / 5, lower, upper, 1000);
    }

    /** Healthy signals: agent up, fresh hints, no rejects, a full window with the given evidence. */
    private static ModeSignals healthy(long now, PairedEvidence e) {
        return healthy(now, e, PairedEvidence.NONE);
    }

    /** Healthy signals with known evidence and the upper-bound reading of the latest decisions. */
    private static ModeSignals healthy(long now, PairedEvidence known, PairedEvidence latest) {
        return healthy(now, known, PairedEvidence.NONE, latest);
    }

    /** Healthy signals with all three readings. */
    private static ModeSignals healthy(long now, PairedEvidence known, PairedEvidence recent, PairedEvidence latest) {
        return new ModeSignals(now, 0, true, 100, 60_000, 10, 0, known, recent, latest, known.pages(), 0,
                known.pages(), 0, true);
    }

    private static ModeSignals healthy(long now) {
        return healthy(now, PairedEvidence.NONE);
    }

    private static ModeSignals better(long now) {
        return healthy(now, evidence(2000, 1500, 2500));
    }

    private static ModeSignals with(ModeSignals s, int pressure, boolean agent, long age, long sinceStart,
                                    long msgs, long rejected) {
        return new ModeSignals(s.nowMs(), pressure, agent, age, sinceStart, msgs, rejected, s.evidence(),
                s.recentEvidence(), s.latestEvidence(), s.mlPages(), s.mlValueSum(), s.defaultPages(), s.defaultValueSum(), s.windowFull());
    }

    @BeforeEach
    void setUp() {
        c = new ModeController(T, 0);
    }

    /** Brings the controller to LEARNING at t = 5000 (recovery after the initial dwell). */
    private long toLearning() {
        assertThat(c.update(healthy(4_999))).isEmpty();
        Optional<ModeTransition> tr = c.update(healthy(5_000));
        assertThat(tr).isPresent();
        assertThat(tr.get().reason()).isEqualTo(TransitionReason.RECOVERED);
        assertThat(c.mode()).isEqualTo(SystemMode.LEARNING);
        return 5_000;
    }

    private long toRecommendation() {
        long t = toLearning() + 10_000;
        c.update(better(t));
        c.update(better(t + 5_000));
        assertThat(c.mode()).isEqualTo(SystemMode.RECOMMENDATION);
        return t + 5_000;
    }

    @Test
    void startsInEmergencyAndRecoversOnlyAfterTheDwell() {
        assertThat(c.mode()).isEqualTo(SystemMode.EMERGENCY);
        toLearning();
    }

    @Test
    void promotesOneStepAtATimeWithDwellBetweenAndRecordsTheEvidence() {
        long t = toLearning();
        assertThat(c.update(better(t + 4_999))).isEmpty(); // dwell not yet over
        ModeTransition p1 = c.update(better(t + 5_000)).orElseThrow();
        assertThat(p1.from()).isEqualTo(SystemMode.LEARNING);
        assertThat(p1.to()).isEqualTo(SystemMode.COLLABORATION);
        assertThat(p1.reason()).isEqualTo(TransitionReason.PROMOTE);
        assertThat(p1.atMs()).isEqualTo(t + 5_000);
        assertThat(p1.evidence()).isEqualTo(evidence(2000, 1500, 2500));
        assertThat(p1.detail()).contains("pages=200", "decisions=20", "mean_ms=2000", "lower_ms=1500",
                "promote_above_ms=50");
        assertThat(c.update(better(t + 9_999))).isEmpty();
        assertThat(c.update(better(t + 10_000)).orElseThrow().to()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(c.update(better(t + 20_000))).isEmpty(); // top reached
        assertThat(c.transitions()).extracting(ModeTransition::to).containsExactly(SystemMode.LEARNING,
                SystemMode.COLLABORATION, SystemMode.RECOMMENDATION);
    }

    @Test
    void promotionNeedsTheLowerBoundAboveTheMarginStrictly() {
        long t = toLearning() + 10_000;
        // margin: 50 per mille of the mean stake 1000 ms = 50 ms
        assertThat(c.update(healthy(t, evidence(400, 50, 750)))).isEmpty();
        assertThat(c.update(healthy(t, evidence(400, 51, 750)))).isPresent();
    }

    @Test
    void aPositiveMeanWithAWideIntervalDoesNotPromote() {
        long t = toLearning() + 10_000;
        assertThat(c.update(healthy(t, evidence(500, -200, 1200)))).isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.LEARNING);
    }

    @Test
    void promotionNeedsAFullWindowAndSufficientEvidence() {
        long t = toLearning() + 10_000;
        PairedEvidence good = evidence(2000, 1500, 2500);
        ModeSignals notFull = new ModeSignals(t, 0, true, 100, 60_000, 0, 0, good, PairedEvidence.NONE,
                PairedEvidence.NONE, 200, 0, 200, 0, false);
        assertThat(c.update(notFull)).isEmpty();
        PairedEvidence fewPages = new PairedEvidence(20, T.minSamples() - 1, 2000, 100, 1500, 2500, 1000);
        assertThat(c.update(healthy(t, fewPages))).isEmpty();
        PairedEvidence fewDecisions =
                new PairedEvidence(PairedEvidence.MIN_DECISIONS - 1, 200, 2000, 100, 1500, 2500, 1000);
        assertThat(c.update(healthy(t, fewDecisions))).isEmpty();
        assertThat(c.update(healthy(t, good))).isPresent();
    }

    /** Signals whose recent reading (upper bounds over the window's decisions) is {@code recent}. */
    private static ModeSignals recently(long now, PairedEvidence recent) {
        return healthy(now, PairedEvidence.NONE, recent, PairedEvidence.NONE);
    }

    @Test
    void demotesOneStepBelowTheDemoteMarginAndHoldsInsideTheBand() {
        long t = toRecommendation();
        // inside the hysteresis band: nothing happens
        assertThat(c.update(recently(t + 1, evidence(-50, -300, 200)))).isEmpty();
        assertThat(c.update(recently(t + 2, evidence(40, -200, 280)))).isEmpty();
        // mean below -50 ms, upper bound not: one step down, no dwell needed
        ModeTransition d = c.update(recently(t + 3, evidence(-51, -300, 200))).orElseThrow();
        assertThat(d.from()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(d.to()).isEqualTo(SystemMode.COLLABORATION);
        assertThat(d.reason()).isEqualTo(TransitionReason.DEMOTE);
        assertThat(d.detail()).contains("upper bounds over the decisions of the window)");
        assertThat(c.update(recently(t + 4, evidence(-51, -300, 200))).orElseThrow().to())
                .isEqualTo(SystemMode.LEARNING);
        // LEARNING is the floor of a soft loss
        assertThat(c.update(recently(t + 5, evidence(-51, -300, 200)))).isEmpty();
        // and promotion needs a fresh dwell
        assertThat(c.update(better(t + 5_003))).isEmpty();
        assertThat(c.update(better(t + 5_004))).isPresent();
    }

    @Test
    void aClearlyWorseModelGoesToEmergencyAndComesBackOnlyWhenTheShadowEvidenceClearsIt() {
        long t = toLearning() + 10_000;
        PairedEvidence worse = evidence(-900, -1200, -600);
        ModeTransition e = c.update(recently(t, worse)).orElseThrow();
        assertThat(e.to()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(e.reason()).isEqualTo(TransitionReason.EMERGENCY_MODEL_UNRELIABLE);
        assertThat(e.evidence()).isEqualTo(worse);
        assertThat(e.detail()).contains("MODEL_UNRELIABLE", "upper_ms=-600");
        assertThat(c.modelUnreliable()).isTrue();
        // no evidence at all does not clear the verdict, however long
        assertThat(c.update(healthy(t + 60_000))).isEmpty();
        assertThat(c.update(recently(t + 60_001, evidence(-300, -500, -100)))).isEmpty();
        // known evidence still probably worse: no
        assertThat(c.update(healthy(t + 60_500, evidence(-100, -400, 200)))).isEmpty();
        assertThat(c.modelUnreliable()).isTrue();
        // the shadow evidence says it is no longer worse: cleared, then the dwell since it last held
        assertThat(c.update(healthy(t + 61_000, evidence(-20, -400, 360)))).isEmpty();
        assertThat(c.modelUnreliable()).isFalse();
        assertThat(c.update(healthy(t + 65_499))).isEmpty();
        ModeTransition r = c.update(healthy(t + 65_500)).orElseThrow();
        assertThat(r.to()).isEqualTo(SystemMode.LEARNING);
        assertThat(r.reason()).isEqualTo(TransitionReason.RECOVERED);
    }

    @Test
    void aClearlyWorseModelLeavesRecommendationForEmergencyAtOnce() {
        long t = toRecommendation();
        ModeTransition e = c.update(recently(t + 1, evidence(-900, -1200, -51))).orElseThrow();
        assertThat(e.from()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(e.to()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.causes(healthy(t + 2))).containsExactly(EmergencyCause.MODEL_UNRELIABLE);
    }

    @Test
    void theLatestDecisionsStepDownAtOnceEvenWhileTheWindowStillLooksGood() {
        long t = toRecommendation();
        PairedEvidence window = evidence(1500, 1000, 2000);
        // the latest decisions a little worse: one step down
        ModeTransition d = c.update(healthy(t + 1, window, window, evidence(-300, -900, 300))).orElseThrow();
        assertThat(d.reason()).isEqualTo(TransitionReason.DEMOTE);
        assertThat(d.detail()).contains("the window's last fifth");
        // the latest clearly worse against a good window: one more step down, not EMERGENCY
        assertThat(c.update(healthy(t + 2, window, window, evidence(-3000, -3500, -2500))).orElseThrow().to())
                .isEqualTo(SystemMode.LEARNING);
        assertThat(c.update(healthy(t + 3, window, window, evidence(-3000, -3500, -2500)))).isEmpty();
        // the latest clearly worse and the window's recent mean below the margin too: EMERGENCY at once
        ModeTransition e = c.update(healthy(t + 4, window, evidence(-100, -900, 700), evidence(-3000, -3500, -2500)))
                .orElseThrow();
        assertThat(e.to()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(e.reason()).isEqualTo(TransitionReason.EMERGENCY_MODEL_UNRELIABLE);
        assertThat(e.evidence().meanMs()).isEqualTo(-3000);
        // good latest evidence alone does not promote: known evidence decides promotions
        c = new ModeController(T, 0);
        long u = toLearning() + 10_000;
        assertThat(c.update(healthy(u, PairedEvidence.NONE, evidence(2000, 1500, 2500), evidence(2000, 1500, 2500))))
                .isEmpty();
    }

    @Test
    void anEmergencyTheModelDidNotCauseResumesTheInterruptedModeAndOneItDidCauseRestartsInLearning() {
        long t = toRecommendation();
        // the agent stops: EMERGENCY, then back to RECOMMENDATION once restarted and clear for the dwell
        assertThat(c.update(with(healthy(t + 1), 0, false, -1, -1, 0, 0)).orElseThrow().to())
                .isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.update(healthy(t + 5_000))).isEmpty();
        ModeTransition back = c.update(healthy(t + 5_001)).orElseThrow();
        assertThat(back.to()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(back.reason()).isEqualTo(TransitionReason.RECOVERED);
        // an unreliable model: back to LEARNING only
        c.update(recently(t + 6_000, evidence(-900, -1200, -600)));
        assertThat(c.mode()).isEqualTo(SystemMode.EMERGENCY);
        c.update(healthy(t + 7_000, evidence(100, -50, 250)));
        assertThat(c.update(healthy(t + 11_000, evidence(100, -50, 250))).orElseThrow().to())
                .isEqualTo(SystemMode.LEARNING);
    }

    private void assertEmergency(ModeSignals s, EmergencyCause cause, TransitionReason reason) {
        c = new ModeController(T, 0);
        long t = toRecommendation();
        ModeSignals at = with(healthy(t + 1), s.pressurePermille(), s.agentRunning(), s.recommendationAgeMs(),
                s.msSinceAgentStart(), s.messagesInWindow(), s.rejectedInWindow());
        assertThat(c.causes(at)).containsExactly(cause);
        ModeTransition e = c.update(at).orElseThrow();
        assertThat(e.to()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(e.reason()).isEqualTo(reason);
        // cleared: stays in EMERGENCY for the dwell, then back to the mode the emergency interrupted
        assertThat(c.update(better(t + 2))).isEmpty();
        assertThat(c.update(better(t + 5_000))).isEmpty();
        ModeTransition r = c.update(better(t + 5_001)).orElseThrow();
        assertThat(r.to()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(r.reason()).isEqualTo(TransitionReason.RECOVERED);
    }

    @Test
    void highPressureIsAnEmergency() {
        ModeSignals ok = healthy(0);
        assertEmergency(with(ok, 950, true, 100, 60_000, 10, 0), EmergencyCause.PRESSURE,
                TransitionReason.EMERGENCY_PRESSURE);
        assertThat(c.causes(with(ok, 949, true, 100, 60_000, 10, 0))).isEmpty();
    }

    @Test
    void staleRecommendationsAreAnEmergency() {
        ModeSignals ok = healthy(0);
        assertEmergency(with(ok, 0, true, 10_001, 60_000, 10, 0), EmergencyCause.STALE_RECOMMENDATIONS,
                TransitionReason.EMERGENCY_STALE);
        assertThat(c.causes(with(ok, 0, true, 10_000, 60_000, 10, 0))).isEmpty();
    }

    @Test
    void missingRecommendationsAreAnEmergencyAfterTheTimeoutSinceStart() {
        ModeSignals ok = healthy(0);
        assertEmergency(with(ok, 0, true, -1, 10_001, 0, 0), EmergencyCause.MISSING_RECOMMENDATIONS,
                TransitionReason.EMERGENCY_MISSING);
        assertThat(c.causes(with(ok, 0, true, -1, 10_000, 0, 0))).isEmpty();
    }

    @Test
    void highRejectRateIsAnEmergency() {
        ModeSignals ok = healthy(0);
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
        assertEmergency(with(healthy(0), 0, false, -1, -1, 0, 0), EmergencyCause.AGENT_STOPPED,
                TransitionReason.EMERGENCY_AGENT_STOPPED);
    }

    @Test
    void recoveryWaitsUntilTheCauseHasBeenClearForTheDwell() {
        long t = toLearning();
        c.update(with(healthy(t + 1), 990, true, 100, 60_000, 10, 0));
        // the cause persists until t+3000: recovery no earlier than t+8000
        c.update(with(healthy(t + 3_000), 990, true, 100, 60_000, 10, 0));
        assertThat(c.update(healthy(t + 7_999))).isEmpty();
        assertThat(c.update(healthy(t + 8_000))).isPresent();
    }

    @Test
    void forcedModeOverridesEverythingUntilReleased() {
        ModeTransition f = c.force(SystemMode.RECOMMENDATION, 10).orElseThrow();
        assertThat(f.reason()).isEqualTo(TransitionReason.FORCED);
        assertThat(f.evidence()).isEqualTo(PairedEvidence.NONE);
        assertThat(c.update(with(healthy(20, evidence(-5000, -6000, -4000)), 1000, false, -1, -1, 10, 10)))
                .isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.RECOMMENDATION);
        assertThat(c.forcedMode()).contains(SystemMode.RECOMMENDATION);
        ModeTransition r = c.release(30).orElseThrow();
        assertThat(r.to()).isEqualTo(SystemMode.LEARNING);
        assertThat(r.reason()).isEqualTo(TransitionReason.RELEASED);
        // the pressure seen while forced still counts: it must clear for the dwell after release
        assertThat(c.update(with(healthy(40), 1000, true, 100, 60_000, 0, 0)).orElseThrow().to())
                .isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.transitionCount()).isEqualTo(3);
    }

    @Test
    void forcingEmergencyGivesTheHandcraftedOnlyRun() {
        c.force(SystemMode.EMERGENCY, 0);
        assertThat(c.update(better(100_000))).isEmpty();
        assertThat(c.mode()).isEqualTo(SystemMode.EMERGENCY);
        assertThat(c.transitions()).isEmpty(); // already EMERGENCY: no change recorded
    }

    @Test
    void marginArithmeticSaturatesInsteadOfOverflowing() {
        assertThat(ModeController.margin(Long.MAX_VALUE, 10_000)).isEqualTo(Long.MAX_VALUE);
        assertThat(ModeController.margin(1000, 50)).isEqualTo(50);
        assertThat(Arith.saturatingSub(Long.MIN_VALUE, 1)).isEqualTo(Long.MIN_VALUE);
        assertThat(Arith.saturatingSub(Long.MAX_VALUE, -1)).isEqualTo(Long.MAX_VALUE);
    }
}
