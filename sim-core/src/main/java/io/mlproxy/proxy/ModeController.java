package io.mlproxy.proxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the {@link SystemMode} from {@link ModeSignals} and {@link ModeThresholds}; records every
 * transition with its evidence. The evidence is the paired ML − default difference per judged page
 * over the window ({@link PairedEvidence}), with one-sided bounds at the {@code confidence} level;
 * it counts once it holds {@code min_samples} pages and {@value PairedEvidence#MIN_DECISIONS}
 * decisions. Margins are per mille of the mean stake |d|: m_p = promote_margin, m_d = demote_margin.
 * Rules, checked in this order on each {@link #update}:
 * <ol>
 * <li>The model is judged clearly unreliable when the upper bound is below −m_d over the window, or
 *     over its last fifth (the recent evidence) while the window's mean is below −m_d: a model that
 *     turns bad is caught within a second or two, not once bad outcomes outweigh a window of good
 *     ones, but one burst of bad outcomes after a good record only demotes it; the verdict holds (an
 *     {@link EmergencyCause#MODEL_UNRELIABLE} cause) until sufficient evidence over the window has a
 *     mean of at least −m_d and the recent mean is not below it: the model keeps being judged in the
 *     shadow meanwhile.</li>
 * <li>A forced mode wins; the rules below only keep track of emergency causes meanwhile.</li>
 * <li>Any {@link EmergencyCause} present: go to EMERGENCY (no dwell: danger acts at once).</li>
 * <li>In EMERGENCY: go to LEARNING once every cause has been clear for min_dwell.</li>
 * <li>Demote one step (RECOMMENDATION → COLLABORATION → LEARNING) when the mean is below −m_d over
 *     the window or recently; otherwise promote one step when the window's lower bound exceeds m_p,
 *     the window is full and min_dwell has passed since the last transition.</li>
 * </ol>
 * The band between the margins, the dwell time and the confidence level are the hysteresis.
 * Checked every aggregation against a sliding window, the bounds are looked at often; the rate of
 * false promotions under a null model is measured by ModeControllerTest and stated in the README.
 * Reject rate = rejected·1000 / max(written, {@value #REJECT_RATE_MIN_MESSAGES}) over the window, so a
 * single bad message among few does not by itself count as a high rate.
 */
public final class ModeController {
    /** Floor of the reject-rate denominator. */
    public static final int REJECT_RATE_MIN_MESSAGES = 5;
    /** Transitions kept in the history (the count keeps growing). */
    public static final int HISTORY_LIMIT = 4096;

    private ModeThresholds thresholds;
    private SystemMode mode = SystemMode.EMERGENCY;
    private SystemMode forced;
    private long modeSinceMs;
    private long lastCauseMs;
    private long transitionCount;
    private boolean modelUnreliable;
    private final ArrayDeque<ModeTransition> history = new ArrayDeque<>();

    /** A controller starting in EMERGENCY at {@code nowMs}, with a cause considered present then. */
    public ModeController(ModeThresholds thresholds, long nowMs) {
        this.thresholds = thresholds;
        this.modeSinceMs = nowMs;
        this.lastCauseMs = nowMs;
    }

    /** Current mode (the forced one when forced). */
    public SystemMode mode() {
        return mode;
    }

    /** The forced mode, if any. */
    public Optional<SystemMode> forcedMode() {
        return Optional.ofNullable(forced);
    }

    /** Thresholds in use. */
    public ModeThresholds thresholds() {
        return thresholds;
    }

    /** Replaces the thresholds (RE_INIT); the mode is kept. */
    public void reconfigure(ModeThresholds newThresholds) {
        this.thresholds = newThresholds;
    }

    /** Recorded transitions, oldest first (at most {@value #HISTORY_LIMIT} most recent). */
    public List<ModeTransition> transitions() {
        return new ArrayList<>(history);
    }

    /** Number of transitions since creation. */
    public long transitionCount() {
        return transitionCount;
    }

    /** Time the current mode was entered. */
    public long modeSinceMs() {
        return modeSinceMs;
    }

    /** Forces a mode until {@link #release}; returns the transition when the mode changed. */
    public Optional<ModeTransition> force(SystemMode target, long nowMs) {
        if (target == null) {
            throw new IllegalArgumentException("forced mode must not be null");
        }
        forced = target;
        return moveTo(target, TransitionReason.FORCED, PairedEvidence.NONE, "forced " + target, nowMs);
    }

    /** Ends forcing; the adaptive rules resume from LEARNING (or EMERGENCY at the next update if a cause is present). */
    public Optional<ModeTransition> release(long nowMs) {
        if (forced == null) {
            return Optional.empty();
        }
        forced = null;
        return moveTo(SystemMode.LEARNING, TransitionReason.RELEASED, PairedEvidence.NONE, "released", nowMs);
    }

    /** The emergency causes present in {@code s}. */
    public Set<EmergencyCause> causes(ModeSignals s) {
        EnumSet<EmergencyCause> c = EnumSet.noneOf(EmergencyCause.class);
        ModeThresholds t = thresholds;
        if (!s.agentRunning()) {
            c.add(EmergencyCause.AGENT_STOPPED);
        }
        if (s.pressurePermille() >= t.emergencyPressurePermille()) {
            c.add(EmergencyCause.PRESSURE);
        }
        if (rejectRatePermille(s) > t.maxRejectRatePermille()) {
            c.add(EmergencyCause.REJECT_RATE);
        }
        if (s.recommendationAgeMs() > t.stalenessTimeoutMs()) {
            c.add(EmergencyCause.STALE_RECOMMENDATIONS);
        }
        if (s.agentRunning() && s.recommendationAgeMs() < 0 && s.msSinceAgentStart() > t.stalenessTimeoutMs()) {
            c.add(EmergencyCause.MISSING_RECOMMENDATIONS);
        }
        if (modelUnreliable) {
            c.add(EmergencyCause.MODEL_UNRELIABLE);
        }
        return c;
    }

    /** Whether the model is currently held to be clearly unreliable. */
    public boolean modelUnreliable() {
        return modelUnreliable;
    }

    /** Rule 1: updates the model-unreliable verdict from the evidence. */
    private void judgeModel(PairedEvidence window, PairedEvidence recent) {
        if (clearlyWorse(window) || clearlyWorse(recent) && probablyWorse(window)) {
            modelUnreliable = true;
        } else if (modelUnreliable && window.sufficient(thresholds.minSamples())
                && !probablyWorse(window) && !probablyWorse(recent)) {
            modelUnreliable = false;
        }
    }

    /** Sufficient evidence whose upper bound is below −m_d. */
    private boolean clearlyWorse(PairedEvidence e) {
        return e.sufficient(thresholds.minSamples()) && e.upperMs() < -e.margin(thresholds.demoteMarginPermille());
    }

    /** Sufficient evidence whose mean is below −m_d. */
    private boolean probablyWorse(PairedEvidence e) {
        return e.sufficient(thresholds.minSamples()) && e.meanMs() < -e.margin(thresholds.demoteMarginPermille());
    }

    /** Reject rate per mille as defined in the class comment. */
    public static long rejectRatePermille(ModeSignals s) {
        return s.rejectedInWindow() * 1000 / Math.max(s.messagesInWindow(), REJECT_RATE_MIN_MESSAGES);
    }

    /** Applies the rules to {@code s}; returns the transition taken, if any. */
    public Optional<ModeTransition> update(ModeSignals s) {
        long now = s.nowMs();
        PairedEvidence e = s.evidence();
        PairedEvidence recent = s.recentEvidence();
        judgeModel(e, recent);
        Set<EmergencyCause> causes = causes(s);
        if (!causes.isEmpty()) {
            lastCauseMs = now;
        }
        if (forced != null) {
            return Optional.empty();
        }
        if (!causes.isEmpty()) {
            if (mode == SystemMode.EMERGENCY) {
                return Optional.empty();
            }
            EmergencyCause first = causes.iterator().next();
            PairedEvidence why = first == EmergencyCause.MODEL_UNRELIABLE && !clearlyWorse(e) ? recent : e;
            return moveTo(SystemMode.EMERGENCY, first.reason(), why, describe(s, causes), now);
        }
        ModeThresholds t = thresholds;
        if (mode == SystemMode.EMERGENCY) {
            if (now - lastCauseMs >= t.minDwellMs()) {
                return moveTo(SystemMode.LEARNING, TransitionReason.RECOVERED, e,
                        "causes clear for " + (now - lastCauseMs) + " ms; " + describe(e), now);
            }
            return Optional.empty();
        }
        if (mode != SystemMode.LEARNING && (probablyWorse(e) || probablyWorse(recent))) {
            PairedEvidence why = probablyWorse(e) ? e : recent;
            return moveTo(mode.demoted(), TransitionReason.DEMOTE, why, describe(why) + recentNote(why, recent), now);
        }
        if (!e.sufficient(t.minSamples())) {
            return Optional.empty();
        }
        if (mode != SystemMode.RECOMMENDATION && s.windowFull() && now - modeSinceMs >= t.minDwellMs()
                && e.lowerMs() > e.margin(t.promoteMarginPermille())) {
            return moveTo(mode.promoted(), TransitionReason.PROMOTE, e, describe(e), now);
        }
        return Optional.empty();
    }

    /** |d|·permille/1000 without overflow (saturates). */
    static long margin(long magnitude, int permille) {
        if (permille != 0 && magnitude > Long.MAX_VALUE / permille) {
            long q = magnitude / 1000;
            return q > Long.MAX_VALUE / permille ? Long.MAX_VALUE : q * permille;
        }
        return magnitude * permille / 1000;
    }

    private String describe(ModeSignals s, Set<EmergencyCause> causes) {
        String d = causes + " pressure=" + s.pressurePermille() + " recommendation_age_ms=" + s.recommendationAgeMs()
                + " reject_rate_permille=" + rejectRatePermille(s);
        if (!causes.contains(EmergencyCause.MODEL_UNRELIABLE)) {
            return d;
        }
        PairedEvidence why = clearlyWorse(s.evidence()) ? s.evidence() : s.recentEvidence();
        return d + "; " + describe(why) + recentNote(why, s.recentEvidence());
    }

    private static String recentNote(PairedEvidence why, PairedEvidence recent) {
        return why == recent ? " (recent evidence: the last fifth of the window)" : "";
    }

    private String describe(PairedEvidence e) {
        if (e.pages() == 0) {
            return "no judged pages in the window";
        }
        return "pages=" + e.pages() + " decisions=" + e.decisions() + " mean_ms=" + e.meanMs() + " lower_ms="
                + e.lowerMs() + " upper_ms=" + e.upperMs() + " promote_above_ms="
                + e.margin(thresholds.promoteMarginPermille()) + " demote_below_ms="
                + -e.margin(thresholds.demoteMarginPermille());
    }

    private Optional<ModeTransition> moveTo(SystemMode to, TransitionReason reason, PairedEvidence evidence,
                                            String detail, long nowMs) {
        if (to == mode) {
            return Optional.empty();
        }
        ModeTransition tr = new ModeTransition(nowMs, mode, to, reason, evidence, detail);
        mode = to;
        modeSinceMs = nowMs;
        transitionCount++;
        history.addLast(tr);
        if (history.size() > HISTORY_LIMIT) {
            history.removeFirst();
        }
        return Optional.of(tr);
    }
}
