package io.mlproxy.proxy;

/** One recorded mode change: when, from, to, why, and the integer evidence behind it. */
public record ModeTransition(long atMs, SystemMode from, SystemMode to, TransitionReason reason, String detail) {
}
