package io.mlproxy.proxy;

/**
 * Everything the {@link ModeController} looks at, estimated by
 * {@link MlModelProxy#estimateSystemState(int)}. Integers only. The three readings of the paired
 * evidence are described in {@link EvidenceWindow}.
 *
 * @param nowMs               time of the estimate
 * @param pressurePermille    memory pressure, 1000 − free-memory rate in per mille
 * @param agentRunning        model STARTED or RUNNING
 * @param recommendationAgeMs age of the dataset the newest hint table (installed since the agent started)
 *                            answers, or -1 when none was installed
 * @param msSinceAgentStart   time since the agent was started (-1 when not started)
 * @param messagesInWindow    recommendation messages written in the window
 * @param rejectedInWindow    of which rejected
 * @param evidence            lower bounds of ML − default over the window's matured decisions (promotion,
 *                            and the return from an unreliable model)
 * @param recentEvidence      upper bounds over the decisions of the window (demotion)
 * @param latestEvidence      upper bounds over the decisions of the window's last fifth (demotion without
 *                            waiting for bad outcomes to outweigh a window of good ones)
 * @param mlPages             matured judged pages on which ML had an opinion
 * @param mlValueSum          the lower-bound value of ML's opinions on them, page-milliseconds
 * @param defaultPages        matured judged pages
 * @param defaultValueSum     the lower-bound value of the default's opinions on them, page-milliseconds
 * @param windowFull          the evidence window has been filling for at least window_ms
 */
public record ModeSignals(long nowMs, int pressurePermille, boolean agentRunning, long recommendationAgeMs,
                          long msSinceAgentStart, long messagesInWindow, long rejectedInWindow,
                          PairedEvidence evidence, PairedEvidence recentEvidence, PairedEvidence latestEvidence,
                          long mlPages, long mlValueSum, long defaultPages, long defaultValueSum,
                          boolean windowFull) {
}
