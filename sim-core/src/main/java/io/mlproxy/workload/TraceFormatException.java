package io.mlproxy.workload;

/**
 * Bad trace content: names the file, the line (text formats, 1-based) or the record (binary formats,
 * 1-based, with its byte offset) and the reason. Unchecked, like every error of an {@link AccessStream}.
 */
public final class TraceFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;
    private final long byteOffset;
    private final String reason;

    /**
     * @param file the trace's name (its path as given)
     * @param line 1-based line number (text) or record number (binary); 0 for the file as a whole
     * @param byteOffset byte offset of the record in the decompressed data, or -1 for text formats
     * @param reason what is wrong
     */
    public TraceFormatException(String file, long line, long byteOffset, String reason) {
        super(line <= 0
                ? file + ": " + reason
                : byteOffset < 0
                ? file + ":" + line + ": " + reason
                : file + ": record " + line + " at byte offset " + byteOffset + ": " + reason);
        this.file = file;
        this.line = line;
        this.byteOffset = byteOffset;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line (text) or record (binary) number. */
    public long line() {
        return line;
    }

    /** Byte offset of the bad record, -1 for text formats. */
    public long byteOffset() {
        return byteOffset;
    }

    public String reason() {
        return reason;
    }
}
