package io.mlproxy.proxy;

/** A clock tests advance by hand. */
final class ManualClock implements ProxyClock {
    private long now;

    ManualClock(long startMs) {
        this.now = startMs;
    }

    @Override
    public long nowMs() {
        return now;
    }

    void advance(long ms) {
        now += ms;
    }

    void set(long ms) {
        now = ms;
    }
}
