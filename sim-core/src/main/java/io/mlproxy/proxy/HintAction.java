package io.mlproxy.proxy;

/** Action codes carried by region hints and decisions (wire codes are the ordinals' codes). */
public enum HintAction {
    KEEP(0), PAGEOUT(1), HOT(2), COLD(3);

    /** Wire code of KEEP. */
    public static final int CODE_KEEP = 0;
    /** Wire code of PAGEOUT. */
    public static final int CODE_PAGEOUT = 1;
    /** Wire code of HOT. */
    public static final int CODE_HOT = 2;
    /** Wire code of COLD. */
    public static final int CODE_COLD = 3;
    /** Largest valid code. */
    public static final int MAX_CODE = 3;

    private static final HintAction[] BY_CODE = {KEEP, PAGEOUT, HOT, COLD};
    private final int code;

    HintAction(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** True when {@code code} names an action. */
    public static boolean isValid(int code) {
        return code >= 0 && code <= MAX_CODE;
    }

    /** The action for a wire code; EINVAL when unknown. */
    public static HintAction ofCode(int code) {
        if (!isValid(code)) {
            throw new MlLibException(Errno.EINVAL, "unknown action code " + code);
        }
        return BY_CODE[code];
    }
}
