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
 * @param mlSamples           judged ML decisions in the window
 * @param mlValueSum          their summed value, page-milliseconds
 * @param defaultSamples      judged default decisions in the window
 * @param defaultValueSum     their summed value, page-milliseconds
 * @param windowFull          the efficiency window has been filling for at least window_ms
 */
public record ModeSignals(long nowMs, int pressurePermille, boolean agentRunning, long recommendationAgeMs,
                          long msSinceAgentStart, long messagesInWindow, long rejectedInWindow, long mlSamples,
                          long mlValueSum, long defaultSamples, long defaultValueSum, boolean windowFull) {
}
