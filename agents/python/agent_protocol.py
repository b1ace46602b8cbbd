"""Agent side of the ML-proxy workbench's agent protocol, version 1 (docs/agent-protocol.md).

The workbench starts the agent as a child process and talks to it over stdin/stdout with frames
of ``u32 length, u8 type, body`` (little-endian; the length counts the type byte and the body).
Everything the agent may do mirrors the proxy's own interfaces: writes to the sysfs-like
``control`` attribute, attribute reads, reads of the character device (dataset portions and the
feedback stream) and writes of recommendation bytes. Standard library only.
"""

import struct
import sys
import zlib

VERSION = 1

# workbench -> agent
HELLO, WAKE, RESULT, BYE = 0x01, 0x02, 0x03, 0x04
# agent -> workbench
AGENT_HELLO, CONTROL, READ_ATTR, READ_DATASET, READ_FEEDBACK, WRITE_REC, DONE = range(0x81, 0x88)
WAKE_ATTACH, WAKE_CYCLE = 0, 1

ERRNO_NAMES = {1: "EPERM", 2: "ENOENT", 5: "EIO", 7: "E2BIG", 11: "EAGAIN", 16: "EBUSY", 22: "EINVAL",
               28: "ENOSPC", 34: "ERANGE", 61: "ENODATA", 71: "EPROTO", 74: "EBADMSG",
               108: "ESHUTDOWN", 116: "ESTALE"}

# hint actions (HintAction codes)
KEEP, PAGEOUT, HOT, COLD = 0, 1, 2, 3

_U32 = struct.Struct("<I")
_WAKE = struct.Struct("<qB")
_I32 = struct.Struct("<i")
_READ_DATASET = struct.Struct("<qqI")
_I64 = struct.Struct("<q")
# dataset and feedback header: magic, version, header size, generation, count, record size,
# timestamp ms, crc32, flags, aux
WIRE_HEADER = struct.Struct("<4sHHqiiqiiq")
DATASET_RECORD = struct.Struct("<qqiiiii")
FEEDBACK_RECORD = struct.Struct("<qqqqiBB")
REC_HEADER = struct.Struct("<4sHHqiiiI")
REC_HINT = struct.Struct("<qqii")


class ProxyError(Exception):
    """A request the proxy refused: ``errno`` is the positive errno number."""

    def __init__(self, errno, message):
        super().__init__("%s: %s" % (ERRNO_NAMES.get(errno, "errno %d" % errno), message))
        self.errno = errno
        self.name = ERRNO_NAMES.get(errno, str(errno))


class ProtocolError(Exception):
    """The workbench sent something this module does not understand."""


class RunOver(SystemExit):
    """The workbench ended the run (BYE, or stdin closed) while a request was open: exit now."""

    def __init__(self):
        super().__init__(0)


class Connection:
    """One session with the workbench; requests are synchronous (lockstep)."""

    def __init__(self, inp, out, max_frame=(1 << 20) + 64):
        self._in = inp
        self._out = out
        self.max_frame = max_frame
        self.hello = {}

    @classmethod
    def stdio(cls):
        """The session over this process's stdin/stdout; print() goes to stderr from now on."""
        inp, out = sys.stdin.buffer, sys.stdout.buffer
        sys.stdout = sys.stderr  # a stray print must not corrupt the frames
        return cls(inp, out)

    # ---- frames
    def read_frame(self):
        """The next (type, body), or None when the workbench closed the pipe."""
        head = self._in.read(4)
        if len(head) < 4:
            return None
        (length,) = _U32.unpack(head)
        if length < 1 or length > self.max_frame:
            raise ProtocolError("frame length %d outside 1..%d" % (length, self.max_frame))
        data = self._in.read(length)
        if len(data) < length:
            raise ProtocolError("stdin closed inside a frame")
        return data[0], data[1:]

    def write_frame(self, ftype, body=b""):
        self._out.write(_U32.pack(len(body) + 1) + bytes((ftype,)) + body)
        self._out.flush()

    # ---- session
    def handshake(self, name):
        """Reads HELLO, answers with this agent's name; returns the proxy's limits as a dict."""
        frame = self.read_frame()
        if frame is None or frame[0] != HELLO or len(frame[1]) < 2:
            raise ProtocolError("expected HELLO, got %r" % (frame,))
        version = struct.unpack_from("<H", frame[1])[0]
        if version != VERSION:
            raise ProtocolError("workbench speaks protocol %d, this agent %d" % (version, VERSION))
        hello = {}
        for line in frame[1][2:].decode("utf-8").splitlines():
            if line:
                key, _, value = line.partition(" ")
                hello[key] = value
        self.hello = hello
        self.max_frame = int(hello.get("max_frame_bytes", self.max_frame))
        self.write_frame(AGENT_HELLO, struct.pack("<H", VERSION) + name.encode("utf-8"))
        return hello

    def next_wake(self):
        """(now_us, reason) of the next wake-up, or None when the run is over (BYE or EOF)."""
        frame = self.read_frame()
        if frame is None or frame[0] == BYE:
            return None
        if frame[0] != WAKE or len(frame[1]) != _WAKE.size:
            raise ProtocolError("expected WAKE, got type 0x%02x" % frame[0])
        return _WAKE.unpack(frame[1])

    def _call(self, ftype, body):
        self.write_frame(ftype, body)
        frame = self.read_frame()
        if frame is None or frame[0] == BYE:
            raise RunOver()
        if frame[0] != RESULT or len(frame[1]) < 4:
            raise ProtocolError("expected RESULT, got type 0x%02x" % frame[0])
        (status,) = _I32.unpack_from(frame[1])
        payload = frame[1][4:]
        if status < 0:
            raise ProxyError(-status, payload.decode("utf-8", "replace"))
        return status, payload

    # ---- the proxy's interfaces
    def control(self, command):
        """Writes one command (START, STOP, PREPARE_DATASET, DISCARD_DATASET, RE_INIT ...)."""
        return self._call(CONTROL, command.encode("utf-8"))[0]

    def read_attr(self, name):
        """Reads an attribute's text (state, mode, dataset_generation, counters, ...)."""
        return self._call(READ_ATTR, name.encode("utf-8"))[1].decode("utf-8")

    def read_dataset(self, generation, offset, length):
        """Up to ``length`` dataset bytes at ``offset``; b'' at the end."""
        return self._call(READ_DATASET, _READ_DATASET.pack(generation, offset, length))[1]

    def read_feedback(self, length):
        """The next bytes of the feedback stream; b'' when none is queued."""
        return self._call(READ_FEEDBACK, _U32.pack(length))[1]

    def write_rec(self, data):
        """Recommendation bytes, delivered when the wake-up's compute time has passed."""
        return self._call(WRITE_REC, bytes(data))[0]

    def done(self, compute_ns):
        """Ends the wake-up, declaring the simulated compute time it took."""
        self.write_frame(DONE, _I64.pack(max(0, int(compute_ns))))

    # ---- conveniences
    def max_read(self):
        return self.max_frame - 16

    def read_whole_dataset(self):
        """PREPARE_DATASET, then the whole dataset: returns (generation, bytes)."""
        self.control("PREPARE_DATASET")
        generation = int(self.read_attr("dataset_generation"))
        size = int(self.read_attr("dataset_size"))
        parts, offset = [], 0
        while offset < size:
            chunk = self.read_dataset(generation, offset, min(size - offset, self.max_read()))
            if not chunk:
                break
            parts.append(chunk)
            offset += len(chunk)
        return generation, b"".join(parts)

    def read_all_feedback(self):
        parts = []
        while True:
            chunk = self.read_feedback(self.max_read())
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)


def _check_header(data, off, magic, what):
    if len(data) - off < WIRE_HEADER.size:
        raise ValueError("%s: %d bytes, shorter than the header" % (what, len(data) - off))
    h = WIRE_HEADER.unpack_from(data, off)
    if h[0] != magic or h[1] != 1 or h[2] != WIRE_HEADER.size:
        raise ValueError("%s: bad magic, version or header size" % what)
    return h


def decode_dataset(data):
    """(generation, timestamp_ms, address_space_pages, rows); a row is (start_page, end_page,
    nr_accesses, last_nr_accesses, age, resident_permille, recent_refaults)."""
    h = _check_header(data, 0, b"MLDS", "dataset")
    _, _, _, generation, count, rsize, timestamp, crc, _, pages = h
    end = WIRE_HEADER.size + count * rsize
    if rsize < 36 or end != len(data):
        raise ValueError("dataset: record size %d or length %d does not match" % (rsize, len(data)))
    if zlib.crc32(memoryview(data)[WIRE_HEADER.size:]) != crc & 0xFFFFFFFF:
        raise ValueError("dataset: CRC mismatch")
    body = memoryview(data)[WIRE_HEADER.size:]
    if rsize == 40:
        rows = [r[:7] for r in struct.iter_unpack("<qqiiiii4x", body)]
    else:
        rows = [DATASET_RECORD.unpack_from(body, i * rsize) for i in range(count)]
    return generation, timestamp, pages, rows


def decode_feedback(stream):
    """Complete feedback batches of ``stream``: (records, unparsed tail). A record is
    (generation, start_page, end_page, value_page_ms, refaults, source, action) and judges the
    model's opinion ``action`` on one decision, whoever carried it out (``source``): its value in
    page-milliseconds (0 unless it was a page-out), the judged pages needed again within W, and the
    generation of the advice in force when the decision was taken."""
    records, off = [], 0
    while len(stream) - off >= WIRE_HEADER.size:
        h = _check_header(stream, off, b"MLFB", "feedback")
        count, rsize, crc = h[4], h[5], h[7]
        length = WIRE_HEADER.size + count * rsize
        if rsize < 40 or length > len(stream) - off:
            break
        payload = memoryview(stream)[off + WIRE_HEADER.size:off + length]
        if zlib.crc32(payload) != crc & 0xFFFFFFFF:
            raise ValueError("feedback: CRC mismatch")
        for i in range(count):
            records.append(FEEDBACK_RECORD.unpack_from(payload, i * rsize))
        off += length
    return records, stream[off:]


def encode_recommendation(generation, hints=(), params=()):
    """A recommendation message: hints are (start_page, end_page, action, confidence_permille),
    sorted and non-overlapping; params are (knob_name, value)."""
    body = bytearray()
    for start, end, action, confidence in hints:
        body += REC_HINT.pack(start, end, action, confidence)
    for name, value in params:
        raw = name.encode("ascii")
        body += bytes((len(raw),)) + raw + _I64.pack(value)
    header = REC_HEADER.pack(b"MLRC", 1, 0, generation, len(hints), len(params), len(body),
                             zlib.crc32(body) & 0xFFFFFFFF)
    return header + bytes(body)
