package io.mlproxy.proxy;

import java.util.regex.Pattern;

/**
 * A named integer knob the subsystem lets the ML model tune through parameter hints
 * (e.g. min_age_ms, quota_bytes, quota_ms), with its inclusive allowed range.
 */
public record KnobSpec(String name, long min, long max) {
    /** Longest knob name on the wire, in bytes. */
    public static final int MAX_NAME_LENGTH = 32;
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** Validates the name ([a-z][a-z0-9_]*, at most 32 characters) and that min &lt;= max. */
    public KnobSpec {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("knob name '" + name + "' must match [a-z][a-z0-9_]{0,31}");
        }
        if (min > max) {
            throw new IllegalArgumentException("knob " + name + ": min " + min + " > max " + max);
        }
    }

    /** True when {@code s} is a syntactically valid knob name. */
    public static boolean isValidName(String s) {
        return NAME.matcher(s).matches();
    }

    /** True when {@code value} lies in [min, max]. */
    public boolean allows(long value) {
        return value >= min && value <= max;
    }
}
