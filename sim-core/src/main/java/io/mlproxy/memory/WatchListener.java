package io.mlproxy.memory;

/**
 * Told of the first touch of a watched page (see {@link Memory#watch}), so a decision judged by
 * that page learns its outcome the moment it is known. Called on the touch path: must not allocate.
 */
@FunctionalInterface
public interface WatchListener {

    /** Does nothing; the default listener. */
    WatchListener NONE = (page, nowMs, wasResident) -> { };

    /**
     * The first touch of {@code page} since it was watched.
     *
     * @param wasResident false when the touch faulted (a refault if the page had been paged out)
     */
    void onFirstTouch(int page, int nowMs, boolean wasResident);
}
