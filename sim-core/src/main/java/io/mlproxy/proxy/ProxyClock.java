package io.mlproxy.proxy;

/** Time source of the proxy in milliseconds, like jiffies; injected so a simulator or a test drives it. */
@FunctionalInterface
public interface ProxyClock {
    /** Current time in milliseconds; must not go backwards. */
    long nowMs();
}
