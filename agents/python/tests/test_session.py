import io
import os
import struct
import subprocess
import sys
import unittest

from tests import support
import agent_protocol as ap
import threshold_agent


def frame(ftype, body=b""):
    return struct.pack("<I", len(body) + 1) + bytes((ftype,)) + body


def hello(**extra):
    kv = {"protocol": "1", "max_frame_bytes": str((1 << 20) + 64), "max_nr_accesses": "20",
          "agent.horizon_ms": "8000", "agent.learning_rate": "0.05", "agent.l2": "0.0001",
          "agent.min_confidence_permille": "600", "agent.train_cost_per_sample_ns": "2000"}
    kv.update(extra)
    return frame(ap.HELLO, struct.pack("<H", 1) + "".join("%s %s\n" % i for i in kv.items()).encode())


def result(status, payload=b""):
    return frame(ap.RESULT, struct.pack("<i", status) + payload)


def frames(data):
    out, off = [], 0
    while off < len(data):
        (n,) = struct.unpack_from("<I", data, off)
        out.append((data[off + 4], data[off + 5:off + 4 + n]))
        off += 4 + n
    return out


class ConnectionTest(unittest.TestCase):
    def test_handshake_reads_the_limits_and_answers_with_the_version(self):
        out = io.BytesIO()
        conn = ap.Connection(io.BytesIO(hello(max_frame_bytes="2000000")), out)
        limits = conn.handshake("test agent")
        self.assertEqual(limits["max_nr_accesses"], "20")
        self.assertEqual(conn.max_frame, 2000000)
        [(ftype, body)] = frames(out.getvalue())
        self.assertEqual(ftype, ap.AGENT_HELLO)
        self.assertEqual(body, struct.pack("<H", 1) + b"test agent")

    def test_a_negative_status_raises_the_errno(self):
        conn = ap.Connection(io.BytesIO(result(-16, b"start: busy")), io.BytesIO())
        with self.assertRaises(ap.ProxyError) as e:
            conn.control("START")
        self.assertEqual((e.exception.errno, e.exception.name), (16, "EBUSY"))

    def test_bye_inside_a_request_ends_the_run(self):
        conn = ap.Connection(io.BytesIO(frame(ap.BYE)), io.BytesIO())
        with self.assertRaises(SystemExit) as e:
            conn.read_attr("state")
        self.assertEqual(e.exception.code, 0)

    def test_a_frame_above_the_limit_is_refused_before_reading_it(self):
        conn = ap.Connection(io.BytesIO(struct.pack("<I", 100 << 20) + b"x"), io.BytesIO(), max_frame=1 << 20)
        with self.assertRaisesRegex(ap.ProtocolError, "outside"):
            conn.read_frame()

    def test_requests_are_encoded_as_documented(self):
        out = io.BytesIO()
        conn = ap.Connection(io.BytesIO(result(5, b"hello") + result(0) + result(3)), out)
        conn.read_dataset(7, 4096, 65536)
        conn.read_feedback(1024)
        conn.write_rec(b"abc")
        conn.done(12345)
        self.assertEqual(frames(out.getvalue()), [
            (ap.READ_DATASET, struct.pack("<qqI", 7, 4096, 65536)),
            (ap.READ_FEEDBACK, struct.pack("<I", 1024)),
            (ap.WRITE_REC, b"abc"),
            (ap.DONE, struct.pack("<q", 12345))])


class ThresholdAgentTest(unittest.TestCase):
    def test_idle_old_regions_go_out_busy_ones_stay(self):
        rows = [(0, 10, 0, 0, 60, 0, 0), (10, 20, 0, 0, 10, 0, 0), (20, 30, 5, 0, 0, 0, 0)]
        self.assertEqual(threshold_agent.hints(rows, 50), [(0, 10, ap.PAGEOUT, 900), (20, 30, ap.KEEP, 900)])


class ReferenceAgentProcessTest(unittest.TestCase):
    """The script as a process: handshake, an attach wake-up, BYE."""

    def test_attaches_at_an_attach_wake_up_and_exits_on_bye(self):
        script = os.path.join(support.AGENTS, "reference_agent.py")
        p = subprocess.Popen([sys.executable, script], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        try:
            p.stdin.write(hello() + frame(ap.WAKE, struct.pack("<qB", 0, ap.WAKE_ATTACH)))
            p.stdin.flush()
            conn = ap.Connection(p.stdout, io.BytesIO())
            self.assertEqual(conn.read_frame()[0], ap.AGENT_HELLO)
            self.assertEqual(conn.read_frame(), (ap.CONTROL, b"START"))
            p.stdin.write(result(-16, b"EBUSY: still attached"))  # a restart after a crash
            p.stdin.flush()
            self.assertEqual(conn.read_frame(), (ap.DONE, struct.pack("<q", 0)))
            p.stdin.write(frame(ap.BYE))
            p.stdin.close()
            self.assertEqual(p.wait(timeout=10), 0)
        finally:
            p.kill()
            p.wait()
            p.stdout.close()


if __name__ == "__main__":
    unittest.main()
