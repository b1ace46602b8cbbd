package io.mlproxy.proxy;

import java.util.Optional;

/**
 * Failure of an ml_lib operation: an errno-like code, a message, and for rejected recommendation
 * messages the counted {@link RejectReason}. A call that throws it has changed no model state.
 */
public class MlLibException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final transient RejectReason reason;

    /** A failure with an errno and a message. */
    public MlLibException(Errno errno, String message) {
        this(errno, null, message);
    }

    /** A rejection of a recommendation message; the errno is the reason's. */
    public MlLibException(RejectReason reason, String message) {
        this(reason.errno(), reason, message);
    }

    private MlLibException(Errno errno, RejectReason reason, String message) {
        super(errno.name() + ": " + (reason == null ? "" : reason.name() + ": ") + message);
        this.errno = errno;
        this.reason = reason;
    }

    /** The errno-like code. */
    public Errno errno() {
        return errno;
    }

    /** The reject reason when this failure rejected a recommendation message. */
    public Optional<RejectReason> rejectReason() {
        return Optional.ofNullable(reason);
    }
}
