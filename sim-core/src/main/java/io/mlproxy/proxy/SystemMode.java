package io.mlproxy.proxy;

/**
 * Operating mode of the proxy: how much of the subsystem's decisions the ML model takes.
 * Ordered from the safest (default algorithm only) to the most trusting (ML replaces the default).
 */
public enum SystemMode {
    /** Default algorithm only. */
    EMERGENCY,
    /** ML decides a small share (learning_share) of the candidates it has an opinion on. */
    LEARNING,
    /** ML decides about half (collaboration_share) of them; the default decides the rest. */
    COLLABORATION,
    /** ML decides every candidate it has an opinion on. */
    RECOMMENDATION;

    private static final SystemMode[] VALUES = values();

    /** The mode one promotion step above, or this mode when already at the top. */
    public SystemMode promoted() {
        return this == RECOMMENDATION || this == EMERGENCY ? this : VALUES[ordinal() + 1];
    }

    /** Mode for an ordinal without allocating. */
    static SystemMode ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
