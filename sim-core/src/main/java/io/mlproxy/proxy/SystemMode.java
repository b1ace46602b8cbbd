package io.mlproxy.proxy;

/**
 * Operating mode of the proxy: how much of the subsystem's decisions the ML model takes.
 * Ordered from the safest (default algorithm only) to the most trusting (ML replaces the default).
 */
public enum SystemMode {
    /** Default algorithm only. */
    EMERGENCY,
    /** ML decides its sticky part of the address space, learning_share per mille of it (see ExposureMap). */
    LEARNING,
    /** ML decides a larger sticky part, collaboration_share per mille (about half); the default the rest. */
    COLLABORATION,
    /** ML decides every candidate it has an opinion on. */
    RECOMMENDATION;

    private static final SystemMode[] VALUES = values();

    /** The mode one promotion step above, or this mode when already at the top. */
    public SystemMode promoted() {
        return this == RECOMMENDATION || this == EMERGENCY ? this : VALUES[ordinal() + 1];
    }

    /** The mode one demotion step below, never below LEARNING (EMERGENCY is entered for a cause, not by steps). */
    public SystemMode demoted() {
        return this == COLLABORATION || this == RECOMMENDATION ? VALUES[ordinal() - 1] : this;
    }

    /** Mode for an ordinal without allocating. */
    static SystemMode ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
