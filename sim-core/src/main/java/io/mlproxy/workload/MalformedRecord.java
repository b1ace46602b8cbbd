package io.mlproxy.workload;

/**
 * Internal signal from a record parser that the current line or record is bad; the reader turns it
 * into a {@link TraceFormatException} with the location, or counts it in lenient mode. No stack trace:
 * lenient reading of a damaged trace may raise many.
 */
final class MalformedRecord extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedRecord(String reason) {
        super(reason, null, false, false);
    }
}
