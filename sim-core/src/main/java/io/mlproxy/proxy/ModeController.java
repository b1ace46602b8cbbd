package io.mlproxy.proxy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the {@link SystemMode} from {@link ModeSignals} and {@link ModeThresholds}; records every
 * transition. Rules, checked in this order on each {@link #update}:
 * <ol>
 * <li>A forced mode wins; the rules below only keep track of emergency causes meanwhile.</li>
 * <li>Any {@link EmergencyCause} present: go to EMERGENCY (no dwell: danger acts at once).</li>
 * <li>In EMERGENCY: go to LEARNING once every cause has been clear for min_dwell.</li>
 * <li>With at least min_samples judged decisions per source in the window, compare the per-decision
 *     means m (ML) and d (default), in page-milliseconds, integer division. The margin reference is
 *     |d|: {@code margin(x) = |d|·x/1000}. When d = 0 the margin is 0, so ML must be strictly better
 *     to be promoted and strictly worse to be demoted.
 *     <ul><li>Demote to LEARNING (from COLLABORATION or RECOMMENDATION) when d − m &gt; margin(demote).</li>
 *     <li>Otherwise promote one step (LEARNING → COLLABORATION → RECOMMENDATION) when m − d &gt;
 *     margin(promote), the window is full and min_dwell has passed since the last transition.</li></ul>
 *     Between the two margins nothing changes: that band plus the dwell time is the hysteresis.</li>
 * </ol>
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
        return moveTo(target, TransitionReason.FORCED, "forced " + target, nowMs);
    }

    /** Ends forcing; the adaptive rules resume from LEARNING (or EMERGENCY at the next update if a cause is present). */
    public Optional<ModeTransition> release(long nowMs) {
        if (forced == null) {
            return Optional.empty();
        }
        forced = null;
        return moveTo(SystemMode.LEARNING, TransitionReason.RELEASED, "released", nowMs);
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
        return c;
    }

    /** Reject rate per mille as defined in the class comment. */
    public static long rejectRatePermille(ModeSignals s) {
        return s.rejectedInWindow() * 1000 / Math.max(s.messagesInWindow(), REJECT_RATE_MIN_MESSAGES);
    }

    /** Applies the rules to {@code s}; returns the transition taken, if any. */
    public Optional<ModeTransition> update(ModeSignals s) {
        long now = s.nowMs();
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
            return moveTo(SystemMode.EMERGENCY, first.reason(), describe(s, causes), now);
        }
        ModeThresholds t = thresholds;
        if (mode == SystemMode.EMERGENCY) {
            if (now - lastCauseMs >= t.minDwellMs()) {
                return moveTo(SystemMode.LEARNING, TransitionReason.RECOVERED,
                        "causes clear for " + (now - lastCauseMs) + " ms", now);
            }
            return Optional.empty();
        }
        if (s.mlSamples() < t.minSamples() || s.defaultSamples() < t.minSamples()) {
            return Optional.empty();
        }
        long ml = s.mlValueSum() / s.mlSamples();
        long def = s.defaultValueSum() / s.defaultSamples();
        long magnitude = def == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(def);
        String evidence = "ml_mean=" + ml + " default_mean=" + def + " ml_samples=" + s.mlSamples()
                + " default_samples=" + s.defaultSamples() + " page_ms";
        if (mode != SystemMode.LEARNING && saturatingSub(def, ml) > margin(magnitude, t.demoteMarginPermille())) {
            return moveTo(SystemMode.LEARNING, TransitionReason.DEMOTE, evidence, now);
        }
        if (mode != SystemMode.RECOMMENDATION && s.windowFull() && now - modeSinceMs >= t.minDwellMs()
                && saturatingSub(ml, def) > margin(magnitude, t.promoteMarginPermille())) {
            return moveTo(mode.promoted(), TransitionReason.PROMOTE, evidence, now);
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

    static long saturatingSub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return r;
    }

    private String describe(ModeSignals s, Set<EmergencyCause> causes) {
        return causes + " pressure=" + s.pressurePermille() + " recommendation_age_ms=" + s.recommendationAgeMs()
                + " reject_rate_permille=" + rejectRatePermille(s);
    }

    private Optional<ModeTransition> moveTo(SystemMode to, TransitionReason reason, String detail, long nowMs) {
        if (to == mode) {
            return Optional.empty();
        }
        ModeTransition tr = new ModeTransition(nowMs, mode, to, reason, detail);
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
