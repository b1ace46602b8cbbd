package io.mlproxy.proxy;

/** Linux errno values the proxy reports, with their kernel numbers (asm-generic/errno*.h). */
public enum Errno {
    EPERM(1), ENOENT(2), EIO(5), E2BIG(7), EAGAIN(11), EBUSY(16), EINVAL(22), ENOSPC(28),
    ERANGE(34), ENODATA(61), EPROTO(71), EBADMSG(74), ESHUTDOWN(108), ESTALE(116);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** The positive errno number; a kernel function would return its negation. */
    public int code() {
        return code;
    }
}
