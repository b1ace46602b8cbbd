package io.mlproxy.proxy;

/**
 * Everything the {@link ModeController} looks at, estimated by
 * {@link MlModelProxy#estimateSystemState(int)}. Integers only.
 *
 * @param nowMs               time of the estimate
 * @param pressurePermille    memory pressure, 1000 − free-memory rate in per mille
 * @param agentRunning        model STARTED or RUNNING
 * @param recommendationAgeMs age of the dataset the newest hint table (installed since the agent started)
 *                            answers, or -1 when none was installed
 * @param msSinceAgentStart   time since the agent was started (-1 when not started)
 * @param messagesInWindow    recommendation messages written in the window
 * @param rejectedInWindow    of which rejected
 * @param evidence            the paired ML − default evidence over the window
 * @param recentEvidence      the same over the last fifth of the window, to step down on without waiting
 *                            for a regime change to fill the whole window
 * @param mlPages             judged pages on which ML had an opinion, in the window
 * @param mlValueSum          the value of ML's opinions on them, page-milliseconds
 * @param defaultPages        judged pages, in the window
 * @param defaultValueSum     the value of the default's opinions on them, page-milliseconds
 * @param windowFull          the evidence window has been filling for at least window_ms
 */
public record ModeSignals(long nowMs, int pressurePermille, boolean agentRunning, long recommendationAgeMs,
                          long msSinceAgentStart, long messagesInWindow, long rejectedInWindow,
                          PairedEvidence evidence, PairedEvidence recentEvidence, long mlPages, long mlValueSum, long defaultPages,
                          long defaultValueSum, boolean windowFull) {
}
