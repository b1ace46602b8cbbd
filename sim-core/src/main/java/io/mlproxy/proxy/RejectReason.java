package io.mlproxy.proxy;

import java.util.Locale;

/** Why a recommendation message was rejected as a whole; each reason has its own counter. */
public enum RejectReason {
    /** Fewer bytes than the header or than the header's announced length. */
    TRUNCATED(Errno.EBADMSG),
    /** The header does not start with the recommendation magic. */
    BAD_MAGIC(Errno.EBADMSG),
    /** A format version this proxy does not speak. */
    BAD_VERSION(Errno.EPROTO),
    /** Negative counts or a payload length that contradicts the counts, or trailing bytes. */
    BAD_LENGTH(Errno.EBADMSG),
    /** CRC32 of the payload does not match the header. */
    BAD_CRC(Errno.EBADMSG),
    /** More region or parameter hints than the proxy accepts in one message. */
    TOO_MANY_HINTS(Errno.E2BIG),
    /** A region with start &gt;= end. */
    EMPTY_RANGE(Errno.EINVAL),
    /** A region reaching outside the address space [0, pages). */
    PAGE_OUT_OF_RANGE(Errno.ERANGE),
    /** Regions not in ascending start order. */
    UNSORTED(Errno.EINVAL),
    /** Two regions share pages. */
    OVERLAP(Errno.EINVAL),
    /** An action code outside KEEP/PAGEOUT/HOT/COLD. */
    UNKNOWN_ACTION(Errno.EINVAL),
    /** Confidence outside 0..1000 per mille. */
    BAD_CONFIDENCE(Errno.ERANGE),
    /** A knob name that is empty, too long or not [a-z0-9_]. */
    BAD_KNOB_NAME(Errno.EINVAL),
    /** A knob the subsystem did not declare. */
    UNKNOWN_KNOB(Errno.EINVAL),
    /** The same knob twice in one message. */
    DUPLICATE_KNOB(Errno.EINVAL),
    /** A knob value outside the subsystem's declared range. */
    KNOB_OUT_OF_RANGE(Errno.ERANGE),
    /** A generation that was never published (0 or newer than the current one). */
    UNKNOWN_GENERATION(Errno.EINVAL),
    /** A generation older than the current one minus the allowed lag. */
    STALE_GENERATION(Errno.ESTALE),
    /** Arrived later than the staleness timeout after its dataset was prepared. */
    DEADLINE_EXCEEDED(Errno.ESTALE),
    /** The model is not STARTED or RUNNING, so nothing may be applied. */
    NOT_RUNNING(Errno.EAGAIN);

    private final Errno errno;
    /** Built once: the counters map is built per output row, and this was a new string each time. */
    private final String counterName;

    RejectReason(Errno errno) {
        this.errno = errno;
        this.counterName = "rejected_" + name().toLowerCase(Locale.ROOT);
    }

    /** The errno reported with this reason. */
    public Errno errno() {
        return errno;
    }

    /** Name of this reason's counter, e.g. {@code rejected_bad_crc}. */
    public String counterName() {
        return counterName;
    }
}
