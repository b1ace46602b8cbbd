package io.mlproxy.damon;

/**
 * What a scheme does to a region (enum damos_action, the subset meaningful here) plus
 * {@link #NONE}, "leave the region alone". Decision hooks exchange actions as {@link #code()} ints.
 */
public enum DamosAction {
    /** No action for this region. */
    NONE,
    /** Reclaim the region's pages (DAMOS_PAGEOUT). */
    PAGEOUT,
    /** Mark the region's pages as recently used (DAMOS_LRU_PRIO). */
    LRU_PRIO,
    /** Mark the region's pages as least recently used (DAMOS_LRU_DEPRIO). */
    LRU_DEPRIO,
    /** Only count the region in the scheme's statistics (DAMOS_STAT). */
    STAT;

    private static final DamosAction[] BY_CODE = values();

    /** The int the decision hook uses for this action. */
    public int code() {
        return ordinal();
    }

    /** The action of a hook's int, failing on an unknown code. */
    public static DamosAction ofCode(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw new IllegalArgumentException("unknown DAMOS action code " + code);
        }
        return BY_CODE[code];
    }
}
