package io.mlproxy.proxy;

/** Who took a decision: the subsystem's default (handcrafted) algorithm or the ML model. */
public enum DecisionSource {
    DEFAULT(0), ML(1);

    /** Wire code of DEFAULT. */
    public static final int CODE_DEFAULT = 0;
    /** Wire code of ML. */
    public static final int CODE_ML = 1;

    private final int code;

    DecisionSource(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The source for a wire code; EINVAL when unknown. */
    public static DecisionSource ofCode(int code) {
        if (code == CODE_DEFAULT) {
            return DEFAULT;
        }
        if (code == CODE_ML) {
            return ML;
        }
        throw new MlLibException(Errno.EINVAL, "unknown decision source " + code);
    }
}
