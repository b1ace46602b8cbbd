package io.mlproxy.proxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the {@link SystemMode} from {@link ModeSignals} and {@link ModeThresholds}; records every
 * transition with the evidence it was decided on. The evidence is the paired difference ML − default
 * per judged page ({@link PairedEvidence}), read three ways over the window ({@link EvidenceWindow}):
 * <i>known</i> (lower bounds of what is known, counted from when it became known), <i>recent</i>
 * (upper bounds over the decisions of the window) and <i>latest</i> (upper bounds over the
 * decisions of its last fifth). A reading counts once it holds {@code min_samples} pages and
 * {@value PairedEvidence#MIN_DECISIONS} decisions; its bounds are one-sided at the {@code
 * confidence} level. Margins are per mille of the reading's mean stake |d|: m_p = promote_margin,
 * m_d = demote_margin. "Clearly worse": upper bound below −m_d; "probably worse": mean below −m_d.
 * Rules, checked in this order on each {@link #update}:
 * <ol>
 * <li>The model is judged unreliable when recent is clearly worse, or latest is clearly worse while
 *     recent is probably worse: even the most favourable reading of its pending page-outs says it
 *     does harm. The verdict (an {@link EmergencyCause#MODEL_UNRELIABLE} cause) holds until known is
 *     sufficient and not probably worse and latest is not probably worse: the model keeps being
 *     judged in the shadow meanwhile, and comes back when that evidence says it no longer harms.</li>
 * <li>A forced mode wins; the rules below only keep track of emergency causes meanwhile.</li>
 * <li>Any {@link EmergencyCause} present: go to EMERGENCY (no dwell: danger acts at once).</li>
 * <li>In EMERGENCY, once every cause has been clear for min_dwell: back to the mode the emergency
 *     interrupted when the model was not at fault (a crashed, starved or stale agent, memory
 *     pressure, rejected messages: an emergency the model did not cause does not cost it its
 *     standing, and the demotion rules judge it again from its first decision); to LEARNING when
 *     it was.</li>
 * <li>Demote one step (RECOMMENDATION → COLLABORATION → LEARNING) when recent or latest is probably
 *     worse; otherwise promote one step when known is sufficient, its lower bound exceeds m_p, the
 *     window is full and min_dwell has passed since the last transition.</li>
 * </ol>
 * The band between the margins, the dwell time and the confidence level are the hysteresis. The
 * bounds are looked at every aggregation over a sliding window, so a bound is crossed by chance more
 * often than its confidence says; the rate of false promotions under a null model is measured by
 * EvidenceFalsePromotionTest and stated in the README. Reject rate = rejected·1000 / max(written,
 * {@value #REJECT_RATE_MIN_MESSAGES}) over the window, so a single bad message among few does not by
 * itself count as a high rate.
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
    /** The mode an emergency the model did not cause interrupted; LEARNING once the model itself was at fault. */
    private SystemMode resumeMode = SystemMode.LEARNING;
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
    private void judgeModel(PairedEvidence known, PairedEvidence recent, PairedEvidence latest) {
        if (clearlyWorse(recent) || clearlyWorse(latest) && probablyWorse(recent)) {
            modelUnreliable = true;
        } else if (modelUnreliable && known.sufficient(thresholds.minSamples())
                && !probablyWorse(known) && !probablyWorse(latest)) {
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
        PairedEvidence latest = s.latestEvidence();
        judgeModel(e, recent, latest);
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
            PairedEvidence why = first != EmergencyCause.MODEL_UNRELIABLE ? e : clearlyWorse(recent) ? recent : latest;
            resumeMode = modelUnreliable ? SystemMode.LEARNING : mode;
            return moveTo(SystemMode.EMERGENCY, first.reason(), why, describe(s, causes), now);
        }
        ModeThresholds t = thresholds;
        if (mode == SystemMode.EMERGENCY) {
            if (now - lastCauseMs >= t.minDwellMs()) {
                SystemMode to = resumeMode;
                resumeMode = SystemMode.LEARNING;
                return moveTo(to, TransitionReason.RECOVERED, e,
                        "causes clear for " + (now - lastCauseMs) + " ms; " + describe(e), now);
            }
            return Optional.empty();
        }
        if (mode != SystemMode.LEARNING && (probablyWorse(recent) || probablyWorse(latest))) {
            PairedEvidence why = probablyWorse(recent) ? recent : latest;
            return moveTo(mode.demoted(), TransitionReason.DEMOTE, why, describe(why, upperNote(why, latest)), now);
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
        PairedEvidence why = clearlyWorse(s.recentEvidence()) ? s.recentEvidence() : s.latestEvidence();
        return d + "; " + describe(why, upperNote(why, s.latestEvidence()));
    }

    /** Which reading a demotion was decided on. */
    private static String upperNote(PairedEvidence why, PairedEvidence latest) {
        return why == latest ? " (upper bounds over the decisions of the window's last fifth)"
                : " (upper bounds over the decisions of the window)";
    }

    private String describe(PairedEvidence e, String reading) {
        return describe(e) + reading;
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
