package io.mlproxy.proxy;

/**
 * Lifecycle state of an ML model proxy, as in the ml_lib RFC:
 * CREATED → INITIALIZED → STARTED → RUNNING → STOPPED → SHUTTING_DOWN.
 * STARTED means the user-space agent was started; RUNNING that its first recommendation was applied.
 */
public enum ModelState {
    CREATED, INITIALIZED, STARTED, RUNNING, STOPPED, SHUTTING_DOWN;

    /** True while the agent is attached (STARTED or RUNNING). */
    public boolean agentActive() {
        return this == STARTED || this == RUNNING;
    }
}
