package io.mlproxy.proxy;

/**
 * One recorded mode change: when, from, to, why, the integer evidence behind it (
 * {@link PairedEvidence#NONE} when the evidence played no part) and a readable detail.
 */
public record ModeTransition(long atMs, SystemMode from, SystemMode to, TransitionReason reason,
                             PairedEvidence evidence, String detail) {
}
